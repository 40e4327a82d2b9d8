"""Background work: each task takes ids and calls one service."""

from __future__ import annotations

from django_tasks import task

from . import receipts, webhooks


@task()
def process_stripe_event(stored_id: int) -> bool:
    return webhooks.process(stored_id)


# Ahead of the search-index jobs that share its worker, like the newsletter's confirmations.
@task(queue_name="mail", priority=50)
def send_gift_thanks(gift_id: int) -> bool:
    return receipts.send_thanks(gift_id)

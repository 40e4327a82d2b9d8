"""Background work: each task takes ids and calls one service."""

from __future__ import annotations

from django_tasks import task

from . import webhooks


@task()
def process_stripe_event(stored_id: int) -> bool:
    return webhooks.process(stored_id)

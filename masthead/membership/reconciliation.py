"""Catching up with Stripe when a webhook's slow work failed or never came.

The webhook stores each event before anything else, so an event whose processing failed
(Stripe's API down, a worker killed) is still there, unprocessed. Stripe retries deliveries
for three days, but an outlet should not depend on that, and a delivery may never come at
all (a webhook endpoint misconfigured for a day). ``membership-stripe-reconcile``, run every
few minutes from cron or a timer, therefore:

1. processes again every stored event left unprocessed for a while (each still applies once:
   ``processed_at`` is set in the same transaction as its effect);
2. brings every membership that is not over in line with its subscription as Stripe reports
   it now, and finds subscriptions of paying readers that Masthead never heard of;
3. queues the thank-you mail of any received gift that has not had it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from . import receipts, stripe_api, webhooks
from .models import Membership, Reader, StripeEvent

# Younger events are probably still in the queue: leave them to their task.
DEFAULT_GRACE = dt.timedelta(minutes=10)


@dataclass
class Summary:
    events_processed: int = 0
    events_failed: int = 0
    members_checked: int = 0
    members_changed: int = 0
    members_failed: int = 0
    thanks_queued: int = 0

    def __str__(self) -> str:
        return (
            f"Events processed again: {self.events_processed} ({self.events_failed} still "
            f"failing). Members checked against Stripe: {self.members_checked}, changed: "
            f"{self.members_changed}, not reachable: {self.members_failed}. Thank-you mails "
            f"queued: {self.thanks_queued}."
        )


Progress = Callable[[Iterable[int]], Iterable[int]]


def reconcile(
    *, grace: dt.timedelta = DEFAULT_GRACE, progress: Progress = lambda items: items
) -> Summary:
    summary = Summary()
    retry_unprocessed_events(summary, grace, progress)
    reconcile_members(summary, progress)
    for gift_id in receipts.unthanked_gifts(older_than=grace):
        _queue_thanks(gift_id)
        summary.thanks_queued += 1
    return summary


def retry_unprocessed_events(summary: Summary, grace: dt.timedelta, progress: Progress) -> None:
    stale = StripeEvent.objects.filter(
        processed_at__isnull=True, received_at__lte=timezone.now() - grace
    ).order_by("received_at", "pk")
    for event_id in progress(list(stale.values_list("pk", flat=True))):
        try:
            if webhooks.process(event_id):
                summary.events_processed += 1
        except stripe_api.PaymentsError:
            summary.events_failed += 1


def reconcile_members(summary: Summary, progress: Progress) -> None:
    """Every membership not over, and every paying reader without one, as Stripe has them."""
    open_memberships = (
        Membership.objects.exclude(status=Membership.Status.CANCELED)
        .exclude(stripe_subscription_id="")
        .values_list("pk", flat=True)
    )
    for membership_id in progress(list(open_memberships)):
        membership = Membership.objects.get(pk=membership_id)
        before = _state(membership)
        summary.members_checked += 1
        try:
            with transaction.atomic():
                webhooks.reconcile_subscription(membership.stripe_subscription_id)
        except stripe_api.PaymentsError:
            summary.members_failed += 1
            continue
        if _state(Membership.objects.get(pk=membership_id)) != before:
            summary.members_changed += 1
    unknown = (
        Reader.objects.exclude(stripe_customer_id="")
        .filter(membership__isnull=True)
        .values_list("pk", flat=True)
    )
    for reader_id in progress(list(unknown)):
        reader = Reader.objects.get(pk=reader_id)
        summary.members_checked += 1
        try:
            subscriptions = stripe_api.customer_subscriptions(reader.stripe_customer_id)
            with transaction.atomic():
                for subscription in subscriptions:
                    webhooks.apply_subscription(subscription)
        except stripe_api.PaymentsError:
            summary.members_failed += 1
            continue
        if Membership.objects.filter(reader_id=reader_id).exists():
            summary.members_changed += 1


def _state(membership: Membership) -> tuple[object, ...]:
    return (
        membership.tier_id,
        membership.status,
        membership.cancel_at_period_end,
        membership.current_period_end,
    )


def _queue_thanks(gift_id: int) -> None:
    from .tasks import send_gift_thanks

    send_gift_thanks.enqueue(gift_id)

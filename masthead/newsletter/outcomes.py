"""What happened to each delivery, recorded the moment it is known.

What this guarantees (a message sent is recorded by ``sent_marks``): a temporary failure is
retried after an exponential backoff until MASTHEAD_NEWSLETTER_MAX_ATTEMPTS; an address refused
for good is failed and never mailed again.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .claims import Claimed
from .models import Delivery, Subscriber


def retry_delay(attempts: int) -> float:
    """Exponential backoff from RETRY_SECONDS, capped at an hour."""
    base = settings.MASTHEAD_NEWSLETTER_RETRY_SECONDS
    return float(min(3600.0, base * (2 ** max(0, attempts - 1))))


def record_retry(delivery_id: int, error: str) -> None:
    """A temporary failure: try again after a backoff, or give up after MAX_ATTEMPTS."""
    attempts = Delivery.objects.get(pk=delivery_id).attempts + 1
    if attempts >= settings.MASTHEAD_NEWSLETTER_MAX_ATTEMPTS:
        status = Delivery.Status.FAILED
        next_attempt_at = None
    else:
        status = Delivery.Status.PENDING
        next_attempt_at = timezone.now() + timedelta(seconds=retry_delay(attempts))
    Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.PENDING).update(
        status=status,
        attempts=attempts,
        next_attempt_at=next_attempt_at,
        last_error=error[:1000],
        claimed_by="",
        claimed_at=None,
    )


def record_failed(delivery_id: int, error: str) -> None:
    """The server refused this message for good (not the address): don't retry it."""
    Delivery.objects.filter(pk=delivery_id).update(
        status=Delivery.Status.FAILED,
        attempts=1,
        last_error=error[:1000],
        claimed_by="",
        claimed_at=None,
    )


def mark_refused(claim: Claimed, error: str) -> None:
    """The server refused the address for good: fail the delivery and stop mailing it."""
    with transaction.atomic():
        Delivery.objects.filter(pk=claim.delivery_id).update(
            status=Delivery.Status.FAILED,
            attempts=1,
            last_error=error[:1000],
            claimed_by="",
            claimed_at=None,
        )
        Subscriber.objects.filter(pk=claim.subscriber_id).update(
            status=Subscriber.Status.BOUNCED, suppressed_reason=error[:255]
        )


def mark_suppressed(delivery_id: int, reason: str) -> None:
    Delivery.objects.filter(pk=delivery_id).update(
        status=Delivery.Status.SUPPRESSED,
        last_error=f"subscriber is {reason}",
        claimed_by="",
        claimed_at=None,
    )

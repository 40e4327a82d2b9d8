"""Receivers for other apps' events; they only record or queue work."""

from __future__ import annotations

from typing import Any

from anymail.signals import EventType, tracking

from .models import Subscriber

SUPPRESSING_EVENTS = {
    EventType.BOUNCED: Subscriber.Status.BOUNCED,
    EventType.COMPLAINED: Subscriber.Status.COMPLAINED,
    EventType.UNSUBSCRIBED: Subscriber.Status.UNSUBSCRIBED,
}


def suppress_on_bounce_or_complaint(sender: Any, event: Any, esp_name: str, **kwargs: Any) -> None:
    """The provider reports a hard bounce, a spam complaint or its own unsubscribe: stop
    mailing the address (a soft 'deferred' is left to the provider's retries)."""
    from .services import suppress_address

    status = SUPPRESSING_EVENTS.get(event.event_type)
    if status is None or not event.recipient:
        return
    reason = f"{esp_name} {event.event_type}: {event.description or event.mta_response or ''}"
    suppress_address(event.recipient, status, reason.strip())


def connect() -> None:
    tracking.connect(suppress_on_bounce_or_complaint, dispatch_uid="newsletter_suppress")

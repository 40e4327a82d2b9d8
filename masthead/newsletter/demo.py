"""The newsletter's part of the demo publication: one confirmed reader, so that
`masthead newsletter build` and `send` right after `make demo` produce a real issue."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from .models import Subscriber

DEMO_READER = "reader@example.org"


def load_demo_newsletter() -> tuple[Subscriber, bool]:
    """Create (once) the confirmed demo subscriber; running it again changes nothing.
    Returns the subscriber and whether it was created now."""
    now = timezone.now()
    subscriber, created = Subscriber.objects.get_or_create(
        email=DEMO_READER,
        defaults={
            "language": settings.LANGUAGE_CODE,
            "frequency": "daily",
            "status": Subscriber.Status.CONFIRMED,
            "consent_at": now,
            "consent_form": "demo",
            "confirmed_at": now,
        },
    )
    return subscriber, created

from __future__ import annotations

import factory
from django.utils import timezone

from masthead.newsletter.models import Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "en"
    frequency = "daily"
    status = Subscriber.Status.CONFIRMED
    consent_at = factory.LazyFunction(timezone.now)
    consent_form = "test"
    confirmed_at = factory.LazyFunction(timezone.now)

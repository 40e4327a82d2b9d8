"""Membership test fixtures: the Stripe stand-in, a real SMTP server, readers and tiers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import LazySettings

from masthead.membership import accounts
from masthead.membership.models import Membership, Reader, Tier
from masthead.newsletter.tests.smtp_sink import SmtpSink

from .stripe_standin import StripeStandIn, event, sign

WEBHOOK_SECRET = "whsec_test_masthead"


@pytest.fixture
def commit_callbacks_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test runs inside one transaction that never commits; run what the code queues
    for after the commit (mail, tasks) at once, as a committed request would."""
    monkeypatch.setattr(
        "django.db.transaction.on_commit", lambda func, using=None, robust=False: func()
    )


@pytest.fixture
def smtp(settings: LazySettings, commit_callbacks_at_once: None) -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = sink.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        yield sink


@pytest.fixture
def stripe_server(
    settings: LazySettings, commit_callbacks_at_once: None
) -> Iterator[StripeStandIn]:
    with StripeStandIn() as server:
        settings.STRIPE_SECRET_KEY = "sk_test_masthead"
        settings.STRIPE_PUBLISHABLE_KEY = "pk_test_masthead"
        settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
        settings.STRIPE_API_BASE = server.url
        # The stand-in's checkout page takes the place of Stripe's in the CSP's form-action.
        policy = settings.CONTENT_SECURITY_POLICY
        directives = policy["DIRECTIVES"]
        settings.CONTENT_SECURITY_POLICY = {
            **policy,
            "DIRECTIVES": {**directives, "form-action": [*directives["form-action"], server.url]},
        }
        yield server


@pytest.fixture
def tiers(db: None) -> dict[str, Tier]:
    return {
        "free": Tier.objects.create(name="Free", slug="free", rank=0),
        "supporter": Tier.objects.create(
            name="Supporter",
            slug="supporter",
            rank=1,
            monthly_amount=500,
            yearly_amount=5000,
            benefits="Every members-only article\nOur thanks",
            stripe_product_id="prod_test_supporter",
            stripe_monthly_price_id="price_test_supporter_m",
            stripe_yearly_price_id="price_test_supporter_y",
        ),
        "patron": Tier.objects.create(
            name="Patron",
            slug="patron",
            rank=2,
            monthly_amount=2000,
            stripe_product_id="prod_test_patron",
            stripe_monthly_price_id="price_test_patron_m",
        ),
    }


def make_reader(email: str = "reader@example.org") -> Reader:
    return accounts.reader_for_email(email)


def make_member(tier: Tier, email: str = "member@example.org") -> Reader:
    reader = make_reader(email)
    Membership.objects.create(
        reader=reader, tier=tier, status=Membership.Status.ACTIVE, stripe_subscription_id="sub_x"
    )
    return reader


def post_event(client: Any, kind: str, obj: dict[str, Any], event_id: str | None = None) -> Any:
    body = event(kind, obj, event_id)
    return client.post(
        "/stripe/webhook/",
        data=body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=sign(body, WEBHOOK_SECRET),
    )

"""``membership-stripe-reconcile``: events whose slow work failed are processed later, and
members match Stripe's current state even when a webhook never came; against the stand-in."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from masthead.membership.models import Campaign, Gift, Membership, Reader, StripeEvent, Tier
from masthead.newsletter.tests.smtp_sink import SmtpSink

from .conftest import make_reader, post_event
from .stripe_standin import StripeStandIn

pytestmark = pytest.mark.django_db


def reconcile(*args: str) -> str:
    out = StringIO()
    call_command("membership-stripe-reconcile", "--grace-minutes", "0", *args, stdout=out)
    return out.getvalue()


def test_an_event_whose_processing_failed_is_processed_by_the_command(
    stripe_server: StripeStandIn, tiers: dict[str, Tier], settings: Any
) -> None:
    reader = make_reader()
    sub = stripe_server.subscription(price="price_test_supporter_m", reader_id=reader.pk)
    good_base = settings.STRIPE_API_BASE
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # Stripe unreachable while processing
    post_event(Client(), "customer.subscription.created", sub, "evt_failed")
    stored = StripeEvent.objects.get()
    assert stored.processed_at is None and stored.attempts == 1 and stored.error
    # Still unreachable: the command says so and fails, and nothing is half-applied.
    with pytest.raises(CommandError):
        reconcile()
    assert StripeEvent.objects.get().attempts == 2
    assert not Membership.objects.exists()
    settings.STRIPE_API_BASE = good_base
    assert "Events processed again: 1 (0 still failing)" in reconcile()
    stored.refresh_from_db()
    assert stored.processed_at is not None and stored.error == ""
    assert Membership.objects.get(reader=reader).status == Membership.Status.ACTIVE
    # Run again: the event is not applied twice and nothing changes.
    assert "Events processed again: 0" in reconcile()


def test_young_unprocessed_events_are_left_to_the_queue(
    stripe_server: StripeStandIn, tiers: dict[str, Tier], settings: Any
) -> None:
    reader = make_reader()
    sub = stripe_server.subscription(price="price_test_supporter_m", reader_id=reader.pk)
    good_base = settings.STRIPE_API_BASE
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    post_event(Client(), "customer.subscription.created", sub)
    settings.STRIPE_API_BASE = good_base
    out = StringIO()
    call_command("membership-stripe-reconcile", stdout=out)  # default grace: 10 minutes
    assert "Events processed again: 0" in out.getvalue()
    assert StripeEvent.objects.get().processed_at is None


def test_members_follow_stripe_when_the_webhook_never_came(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    reader = make_reader()
    sub = stripe_server.subscription(price="price_test_supporter_m", reader_id=reader.pk)
    post_event(Client(), "customer.subscription.created", sub)
    membership = Membership.objects.get(reader=reader)
    assert membership.status == Membership.Status.ACTIVE
    # On Stripe's side the member moves up to patron and then cancels at period end; none of
    # the events reaches Masthead.
    sub["items"]["data"][0]["price"]["id"] = "price_test_patron_m"
    sub["cancel_at_period_end"] = True
    assert "changed: 1" in reconcile()
    membership.refresh_from_db()
    assert membership.tier == tiers["patron"] and membership.cancel_at_period_end
    sub["status"] = "canceled"
    reconcile()
    membership.refresh_from_db()
    assert membership.status == Membership.Status.CANCELED
    # An ended membership is not asked about again.
    asked = len(stripe_server.state.calls("GET", f"/v1/subscriptions/{sub['id']}"))
    reconcile()
    assert len(stripe_server.state.calls("GET", f"/v1/subscriptions/{sub['id']}")) == asked


def test_a_paying_reader_masthead_never_heard_about_becomes_a_member(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    reader = make_reader()
    Reader.objects.filter(pk=reader.pk).update(stripe_customer_id="cus_test_lost")
    stripe_server.subscription(
        price="price_test_supporter_y",
        reader_id=reader.pk,
        customer="cus_test_lost",
        interval="year",
    )
    # Another product the outlet sells through the same Stripe account is left alone.
    stripe_server.subscription(
        price="price_not_ours", reader_id=reader.pk, customer="cus_test_lost", kind="shop"
    )
    assert "changed: 1" in reconcile()
    membership = Membership.objects.get(reader=reader)
    assert (membership.tier, membership.interval) == (tiers["supporter"], "year")
    listed = stripe_server.state.calls("GET", "/v1/subscriptions")
    assert listed and listed[0].params == {
        "customer": "cus_test_lost",
        "status": "all",
        "limit": "100",
    }


def test_received_gifts_without_a_thank_you_get_one(smtp: SmtpSink, stripe_server: Any) -> None:
    campaign = Campaign.objects.create(
        title="Winter appeal",
        slug="winter",
        goal_donors=50,
        starts_at=timezone.now() - dt.timedelta(days=1),
        ends_at=timezone.now() + dt.timedelta(days=5),
    )
    Gift.objects.bulk_create(  # no thank-you queued, as if the worker had died
        [
            Gift(
                campaign=campaign,
                amount=700,
                status=Gift.Status.SUCCEEDED,
                donor_email="late@example.org",
            ),
            Gift(campaign=campaign, amount=900, donor_email="pending@example.org"),
        ]
    )
    assert "Thank-you mails queued: 1." in reconcile()
    assert [r.recipients for r in smtp.received] == [["late@example.org"]]
    assert "Thank-you mails queued: 0." in reconcile()
    assert len(smtp.received) == 1

"""Joining and giving through Stripe, against a local stand-in for Stripe's API (this machine
can't reach Stripe), and the webhook with events signed exactly as Stripe signs them."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from masthead.membership.models import Campaign, Gift, Membership, StripeEvent, Tier
from masthead.membership.money import format_money
from masthead.membership.selectors import campaign_progress

from .conftest import WEBHOOK_SECRET, make_member, make_reader, post_event
from .stripe_standin import StripeStandIn, event, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(db: None) -> Campaign:
    return Campaign.objects.create(
        title="Keep the newsroom open",
        slug="newsroom",
        goal_amount=100_000,
        currency="eur",
        starts_at=timezone.now() - dt.timedelta(days=1),
        ends_at=timezone.now() + dt.timedelta(days=10),
    )


def signed_in(email: str = "ana@example.org") -> tuple[Client, Any]:
    client = Client()
    reader = make_reader(email)
    client.force_login(reader.user)
    return client, reader


# --- Checkout -----------------------------------------------------------------------------------
def test_joining_sends_the_reader_to_a_subscription_checkout(
    stripe_server: StripeStandIn, tiers: dict[str, Tier], site: Any
) -> None:
    client, reader = signed_in()
    response = client.post("/members/join/supporter/year/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{stripe_server.url}/pay/cs_test_")

    (customer,) = stripe_server.state.calls("POST", "/v1/customers")
    assert customer.params["email"] == "ana@example.org"
    assert customer.params["metadata[masthead_reader]"] == str(reader.pk)
    assert customer.idempotency_key
    assert customer.authorization == "Bearer sk_test_masthead"
    (session,) = stripe_server.state.calls("POST", "/v1/checkout/sessions")
    assert session.params["mode"] == "subscription"
    assert session.params["line_items[0][price]"] == "price_test_supporter_y"
    assert session.params["customer"].startswith("cus_test_")
    assert session.params["client_reference_id"] == str(reader.pk)
    assert session.params["subscription_data[metadata][masthead_reader]"] == str(reader.pk)
    assert session.params["subscription_data[metadata][masthead_kind]"] == "membership"
    assert session.idempotency_key
    reader.refresh_from_db()
    assert reader.stripe_customer_id == session.params["customer"]
    # A second checkout reuses the customer.
    client.post("/members/join/supporter/month/")
    assert len(stripe_server.state.calls("POST", "/v1/customers")) == 1


def test_joining_asks_anonymous_readers_to_sign_in_first(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    response = Client().post("/members/join/supporter/month/")
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
    assert stripe_server.state.requests == []


def test_a_member_cant_start_a_second_subscription(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    client = Client()
    client.force_login(make_member(tiers["supporter"]).user)
    response = client.post("/members/join/patron/month/")
    assert response.status_code == 502
    assert "already a member" in response.content.decode()
    assert stripe_server.state.calls("POST", "/v1/checkout/sessions") == []


def test_without_stripe_keys_the_buttons_say_so_instead_of_failing(
    tiers: dict[str, Tier], settings: Any, campaign: Campaign
) -> None:
    settings.STRIPE_SECRET_KEY = ""
    client, _reader = signed_in()
    assert "Payments are not configured" in client.get("/members/").content.decode()
    response = client.post("/members/join/supporter/month/")
    assert response.status_code == 502
    assert "not configured" in response.content.decode()
    page = client.get("/support/newsroom/").content.decode()
    assert "Payments are not configured" in page


def test_stripe_failing_gives_a_clear_error_and_no_half_written_state(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    client, reader = signed_in()
    stripe_server.state.fail_next = 10
    response = client.post("/members/join/supporter/month/")
    assert response.status_code == 502
    assert "try again later" in response.content.decode()
    reader.refresh_from_db()
    assert reader.stripe_customer_id == ""


def test_the_sync_command_creates_products_and_prices_once(
    stripe_server: StripeStandIn, db: None
) -> None:
    tier = Tier.objects.create(name="Friend", slug="friend", monthly_amount=300, yearly_amount=0)
    call_command("membership-stripe-sync")
    tier.refresh_from_db()
    assert tier.stripe_product_id.startswith("prod_test_")
    assert tier.stripe_monthly_price_id.startswith("price_test_")
    assert tier.stripe_yearly_price_id == ""
    (price,) = stripe_server.state.calls("POST", "/v1/prices")
    assert price.params["unit_amount"] == "300"
    assert price.params["recurring[interval]"] == "month"
    call_command("membership-stripe-sync")
    assert len(stripe_server.state.calls("POST", "/v1/prices")) == 1


def test_the_billing_button_opens_stripes_portal(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    client, reader = signed_in()
    reader.stripe_customer_id = "cus_test_ana"
    reader.save()
    response = client.post("/account/billing/")
    assert response.status_code == 302
    assert response["Location"] == f"{stripe_server.url}/portal/cus_test_ana"
    (portal,) = stripe_server.state.calls("POST", "/v1/billing_portal/sessions")
    assert portal.params["return_url"].endswith("/account/")


# --- The webhook --------------------------------------------------------------------------------
def checkout_completed(sub: dict[str, Any], reader_id: int) -> dict[str, Any]:
    return {
        "id": "cs_test_join",
        "object": "checkout.session",
        "mode": "subscription",
        "customer": sub["customer"],
        "subscription": sub["id"],
        "client_reference_id": str(reader_id),
        "payment_status": "paid",
        "metadata": {"masthead_kind": "membership", "masthead_reader": str(reader_id)},
        "customer_details": {"email": "someone-else@example.net"},
    }


@pytest.mark.parametrize(
    "signature",
    [
        None,
        "",
        "t=1,v1=deadbeef",
        "garbage",
        sign(b"another payload", WEBHOOK_SECRET),
        sign(b"x", "whsec_wrong"),
    ],
)
def test_forged_or_unsigned_webhooks_get_400_and_change_nothing(
    stripe_server: StripeStandIn, tiers: dict[str, Tier], signature: str | None
) -> None:
    reader = make_reader()
    sub = stripe_server.subscription(price="price_test_supporter_m", reader_id=reader.pk)
    body = event("checkout.session.completed", checkout_completed(sub, reader.pk))
    headers = {} if signature is None else {"HTTP_STRIPE_SIGNATURE": signature}
    response = Client().post(
        "/stripe/webhook/", data=body, content_type="application/json", **headers
    )
    assert response.status_code == 400
    assert StripeEvent.objects.count() == 0 and Membership.objects.count() == 0


def test_a_replayed_old_event_is_refused(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    reader = make_reader()
    sub = stripe_server.subscription(price="price_test_supporter_m", reader_id=reader.pk)
    body = event("checkout.session.completed", checkout_completed(sub, reader.pk))
    stale = sign(body, WEBHOOK_SECRET, timestamp=int(time.time()) - 3600)
    response = Client().post(
        "/stripe/webhook/", data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=stale
    )
    assert response.status_code == 400
    assert Membership.objects.count() == 0


def test_checkout_completed_makes_a_member_even_when_paid_with_another_email(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    reader = make_reader("ana@example.org")
    sub = stripe_server.subscription(price="price_test_supporter_m", reader_id=reader.pk)
    response = post_event(
        Client(), "checkout.session.completed", checkout_completed(sub, reader.pk)
    )
    assert response.status_code == 200
    membership = Membership.objects.get(reader=reader)
    assert membership.tier == tiers["supporter"]
    assert membership.status == Membership.Status.ACTIVE
    assert membership.interval == "month"
    assert membership.current_period_end > timezone.now()
    assert StripeEvent.objects.get().processed_at is not None
    # Masthead asked Stripe for the subscription's current state.
    assert stripe_server.state.calls("GET", f"/v1/subscriptions/{sub['id']}")


def test_the_same_event_twice_changes_nothing_the_second_time(
    stripe_server: StripeStandIn, tiers: dict[str, Tier], campaign: Campaign
) -> None:
    session = {
        "id": "cs_test_gift",
        "object": "checkout.session",
        "mode": "payment",
        "payment_intent": "pi_test_1",
        "payment_status": "paid",
        "amount_total": 2500,
        "currency": "eur",
        "metadata": {"masthead_kind": "gift", "masthead_campaign": str(campaign.pk)},
        "customer_details": {"email": "Donor@Example.org", "name": "Dee"},
    }
    for _delivery in range(2):
        assert (
            post_event(Client(), "checkout.session.completed", session, "evt_1").status_code == 200
        )
    # Stripe may also send the same payment under a new event id (a retried checkout event).
    post_event(Client(), "checkout.session.completed", session, "evt_2")
    assert StripeEvent.objects.count() == 2
    gift = Gift.objects.get()
    assert (gift.amount, gift.status, gift.donor_email) == (2500, "succeeded", "donor@example.org")
    assert campaign_progress(campaign)["raised"] == 2500


def test_out_of_order_events_end_in_stripes_current_state(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    reader = make_reader()
    sub = stripe_server.subscription(price="price_test_supporter_m", reader_id=reader.pk)
    invoice = {
        "id": "in_test_1",
        "object": "invoice",
        "amount_paid": 500,
        "currency": "eur",
        "parent": {"subscription_details": {"subscription": sub["id"]}},
    }
    # The invoice arrives before the checkout event: no failure, the member exists.
    assert post_event(Client(), "invoice.paid", invoice).status_code == 200
    assert Membership.objects.get(reader=reader).status == Membership.Status.ACTIVE
    # A stale "deleted" event arrives while Stripe says the subscription is active.
    post_event(Client(), "customer.subscription.deleted", {**sub, "status": "canceled"})
    assert Membership.objects.get(reader=reader).status == Membership.Status.ACTIVE
    post_event(Client(), "checkout.session.completed", checkout_completed(sub, reader.pk))
    assert Membership.objects.count() == 1
    # Cancel at period end, then the real end.
    sub["cancel_at_period_end"] = True
    post_event(Client(), "customer.subscription.updated", sub)
    membership = Membership.objects.get(reader=reader)
    assert membership.cancel_at_period_end and membership.is_current()
    sub["status"] = "canceled"
    post_event(Client(), "customer.subscription.deleted", sub)
    assert not Membership.objects.get(reader=reader).is_current()


def test_a_failed_payment_starts_the_grace_period(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    reader = make_reader()
    sub = stripe_server.subscription(price="price_test_supporter_m", reader_id=reader.pk)
    post_event(Client(), "customer.subscription.created", sub)
    sub["status"] = "past_due"
    post_event(
        Client(),
        "invoice.payment_failed",
        {"id": "in_test_2", "object": "invoice", "subscription": sub["id"], "amount_paid": 0},
    )
    membership = Membership.objects.get(reader=reader)
    assert membership.status == Membership.Status.PAST_DUE
    assert membership.past_due_since is not None and membership.is_current()


def test_prices_masthead_did_not_create_are_ignored(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    reader = make_reader()
    other = stripe_server.subscription(price="price_of_the_tshirt_shop", reader_id=reader.pk)
    foreign = stripe_server.subscription(
        price="price_test_supporter_m", reader_id=reader.pk, kind=""
    )
    post_event(Client(), "customer.subscription.created", other)
    post_event(Client(), "customer.subscription.created", foreign)
    assert Membership.objects.count() == 0
    assert StripeEvent.objects.filter(processed_at__isnull=False).count() == 2


def test_a_second_active_subscription_is_cancelled(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    reader = make_reader()
    first = stripe_server.subscription(price="price_test_supporter_m", reader_id=reader.pk)
    second = stripe_server.subscription(price="price_test_patron_m", reader_id=reader.pk)
    post_event(Client(), "customer.subscription.created", first)
    post_event(Client(), "customer.subscription.created", second)
    membership = Membership.objects.get(reader=reader)
    assert membership.stripe_subscription_id == first["id"]
    assert membership.tier == tiers["supporter"]
    assert stripe_server.state.calls("DELETE", f"/v1/subscriptions/{second['id']}")


# --- Gifts and the ledger -----------------------------------------------------------------------
def test_a_gift_goes_through_checkout_with_an_integer_amount(
    stripe_server: StripeStandIn, campaign: Campaign, site: Any
) -> None:
    response = Client().post("/support/newsroom/", {"amount": "12.50"})
    assert response.status_code == 302
    (session,) = stripe_server.state.calls("POST", "/v1/checkout/sessions")
    assert session.params["mode"] == "payment"
    assert session.params["line_items[0][price_data][unit_amount]"] == "1250"
    assert session.params["line_items[0][price_data][currency]"] == "eur"
    assert session.params["metadata[masthead_campaign]"] == str(campaign.pk)
    monthly = Client().post("/support/newsroom/", {"other_amount": "7", "monthly": "on"})
    assert monthly.status_code == 302
    second = stripe_server.state.calls("POST", "/v1/checkout/sessions")[1]
    assert second.params["mode"] == "subscription"
    assert second.params["line_items[0][price_data][recurring][interval]"] == "month"
    assert second.params["subscription_data[metadata][masthead_campaign]"] == str(campaign.pk)


@pytest.mark.parametrize(
    "amount", ["", "-5", "0", "0.001", "1e9", "abc", "99999999", "NaN", "5; DROP TABLE"]
)
def test_hostile_gift_amounts_are_refused(
    stripe_server: StripeStandIn, campaign: Campaign, amount: str
) -> None:
    response = Client().post("/support/newsroom/", {"amount": amount})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert stripe_server.state.calls("POST", "/v1/checkout/sessions") == []


def test_the_ledger_counts_received_gifts_renewals_and_refunds(
    stripe_server: StripeStandIn, campaign: Campaign
) -> None:
    base = {
        "object": "checkout.session",
        "mode": "payment",
        "currency": "eur",
        "metadata": {"masthead_kind": "gift", "masthead_campaign": str(campaign.pk)},
        "customer_details": {"email": "a@example.org"},
    }
    # Pending (a bank debit still clearing) does not count, until it succeeds.
    pending = {**base, "id": "cs_1", "payment_intent": "pi_1", "payment_status": "unpaid"}
    post_event(Client(), "checkout.session.completed", {**pending, "amount_total": 4000})
    assert campaign_progress(campaign)["raised"] == 0
    post_event(
        Client(),
        "checkout.session.async_payment_succeeded",
        {**pending, "amount_total": 4000, "payment_status": "paid"},
    )
    assert campaign_progress(campaign)["raised"] == 4000
    # A monthly gift: each renewal counts in the campaign it was started from.
    sub = stripe_server.subscription(
        price="price_adhoc", reader_id=0, kind="gift", campaign=str(campaign.pk)
    )
    for number in (1, 2):
        invoice = {
            "id": f"in_gift_{number}",
            "object": "invoice",
            "subscription": sub["id"],
            "amount_paid": 1000,
            "currency": "eur",
            "payment_intent": f"pi_renewal_{number}",
            "customer_email": "m@example.org",
        }
        post_event(Client(), "invoice.paid", invoice)
    assert campaign_progress(campaign)["raised"] == 6000
    # A partial refund, then a lost dispute on another payment, subtract.
    post_event(
        Client(),
        "charge.refunded",
        {"id": "ch_1", "object": "charge", "payment_intent": "pi_1", "amount_refunded": 1500},
    )
    post_event(
        Client(),
        "charge.dispute.funds_withdrawn",
        {"id": "dp_1", "object": "dispute", "payment_intent": "pi_renewal_1", "amount": 1000},
    )
    progress = campaign_progress(campaign)
    assert progress["raised"] == 6000 - 1500 - 1000
    assert progress["donors"] == 2
    assert progress["percent"] == pytest.approx(3.5)
    # The total is always a sum over the ledger.
    assert (
        sum(g.amount - g.amount_refunded for g in Gift.objects.filter(status="succeeded")) == 3500
    )


def test_refunds_and_disputes_count_whatever_order_they_arrive_in(
    stripe_server: StripeStandIn, campaign: Campaign
) -> None:
    session = {
        "object": "checkout.session",
        "id": "cs_late",
        "mode": "payment",
        "currency": "eur",
        "payment_intent": "pi_late",
        "payment_status": "paid",
        "amount_total": 5000,
        "metadata": {"masthead_kind": "gift", "masthead_campaign": str(campaign.pk)},
        "customer_details": {"email": "late@example.org"},
    }
    # The refund's event is delivered before the checkout's: nothing to subtract from yet,
    # and the event must not fail; the gift, once recorded, counts without it.
    refund = {"id": "ch_late", "object": "charge", "payment_intent": "pi_late"}
    assert (
        post_event(Client(), "charge.refunded", {**refund, "amount_refunded": 2000}).status_code
        == 200
    )
    assert StripeEvent.objects.get(type="charge.refunded").processed_at is not None
    post_event(Client(), "checkout.session.completed", session)
    assert campaign_progress(campaign)["raised"] == 3000
    # A second partial refund reports the charge's running total; an older one arriving
    # after it changes nothing.
    post_event(Client(), "charge.refunded", {**refund, "amount_refunded": 2500}, "evt_r2")
    post_event(Client(), "charge.refunded", {**refund, "amount_refunded": 2000}, "evt_r1_late")
    assert campaign_progress(campaign)["raised"] == 2500
    # A dispute takes the rest out; won, it comes back.
    dispute = {"id": "dp_late", "object": "dispute", "payment_intent": "pi_late", "amount": 2500}
    post_event(Client(), "charge.dispute.funds_withdrawn", dispute)
    assert campaign_progress(campaign)["raised"] == 0
    post_event(Client(), "charge.dispute.funds_reinstated", dispute)
    assert campaign_progress(campaign)["raised"] == 2500
    assert Gift.objects.get().amount_refunded == 2500


def test_gifts_recorded_by_hand_count_and_the_progress_endpoint_shows_them(
    client: Client, campaign: Campaign
) -> None:
    Gift.objects.create(
        campaign=campaign, amount=30_000, status=Gift.Status.SUCCEEDED, source=Gift.Source.CHEQUE
    )
    data = client.get("/support/newsroom/progress.json").json()
    assert data["raised"] == 30_000 and data["percent"] == 30.0 and data["days_left"] in {9, 10}
    assert (
        "300.00 EUR</span> raised of 1,000.00 EUR"
        in client.get("/support/newsroom/").content.decode()
    )


def test_a_campaign_in_yen_shows_whole_yen(client: Client) -> None:
    Campaign.objects.create(
        title="Tokyo bureau",
        slug="tokyo",
        goal_amount=1_000_000,
        currency="jpy",
        starts_at=timezone.now() - dt.timedelta(days=1),
        ends_at=timezone.now() + dt.timedelta(days=10),
    )
    Gift.objects.create(
        campaign=Campaign.objects.get(slug="tokyo"),
        amount=5000,
        currency="jpy",
        status=Gift.Status.SUCCEEDED,
    )
    data = client.get("/support/tokyo/progress.json").json()
    assert (data["raised"], data["decimals"]) == (5000, 0)
    page = client.get("/support/tokyo/").content.decode()
    assert "5,000 JPY</span> raised of 1,000,000 JPY" in page


def test_a_delivery_of_an_event_whose_processing_failed_retries_it(
    stripe_server: StripeStandIn, tiers: dict[str, Tier], settings: Any
) -> None:
    reader = make_reader()
    sub = stripe_server.subscription(price="price_test_supporter_m", reader_id=reader.pk)
    good_base = settings.STRIPE_API_BASE
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # Stripe unreachable while processing
    # Stripe gets its answer at once; the task fails and leaves the event unprocessed.
    assert (
        post_event(Client(), "customer.subscription.created", sub, "evt_retry").status_code == 200
    )
    assert StripeEvent.objects.get().processed_at is None
    assert Membership.objects.count() == 0
    settings.STRIPE_API_BASE = good_base
    assert (
        post_event(Client(), "customer.subscription.created", sub, "evt_retry").status_code == 200
    )
    assert StripeEvent.objects.get().processed_at is not None
    assert Membership.objects.get().status == Membership.Status.ACTIVE


def test_the_progress_endpoint_writes_the_figures_in_the_pages_language(
    client: Client, campaign: Campaign
) -> None:
    """The banner's figures are refreshed from this endpoint: it writes them as the page's
    language does, not as the browser's number formats guess (Galician came back English)."""
    Gift.objects.create(
        campaign=campaign, amount=157_500, status=Gift.Status.SUCCEEDED, source=Gift.Source.CHEQUE
    )
    page = client.get("/support/newsroom/").content.decode()
    assert 'data-progress-url="/support/newsroom/progress.en.json"' in page

    english = client.get("/support/newsroom/progress.en.json").json()["shown"]
    assert english["raised"] == "1,575.00 EUR"
    galician = client.get("/support/newsroom/progress.gl.json").json()["shown"]
    with translation.override("gl"):
        assert galician["raised"] == format_money(157_500, "eur") != english["raised"]
    assert galician["raised"].endswith(",00 EUR")
    persian = client.get("/support/newsroom/progress.fa.json").json()["shown"]
    assert persian["days_left"] in {"\u06f9", "\u06f1\u06f0"}  # Persian 9 or 10
    assert client.get("/support/newsroom/progress.json").json()["shown"] == english
    assert client.get("/support/newsroom/progress.xx.json").status_code == 404
    assert client.get("/support/newsroom/progress.%3Cscript%3E.json").status_code == 404

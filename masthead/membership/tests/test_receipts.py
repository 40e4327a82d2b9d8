"""The thank-you mail and receipt for each gift, sent once, to a real SMTP server."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Site

from masthead.membership import receipts, tasks
from masthead.membership.accounts import publication_settings
from masthead.membership.models import Campaign, Gift, GivingSettings
from masthead.membership.money import format_money, major, minor
from masthead.newsletter.tests.smtp_sink import SmtpSink

from .conftest import make_reader, post_event
from .stripe_standin import StripeStandIn

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


@pytest.fixture
def giving(site: Any) -> GivingSettings:
    found = GivingSettings.for_site(Site.objects.get(is_default_site=True))
    found.organisation_name = "Meridian Review Foundation"
    found.postal_address = "12 Harbour Street\n1000 Lisbon"
    found.receipt_note = "Registered charity 123456."
    found.save()
    return found


def gift_session(campaign: Campaign, payment: str = "pi_test_thanks") -> dict[str, Any]:
    return {
        "id": "cs_test_thanks",
        "object": "checkout.session",
        "mode": "payment",
        "payment_intent": payment,
        "payment_status": "paid",
        "amount_total": 123_450,
        "currency": "eur",
        "metadata": {"masthead_kind": "gift", "masthead_campaign": str(campaign.pk)},
        "customer_details": {"email": "Dee@Example.org", "name": "Dee Donor"},
    }


def test_a_gift_gets_one_thank_you_with_a_receipt_however_often_stripe_says_so(
    stripe_server: StripeStandIn, smtp: SmtpSink, campaign: Campaign, giving: GivingSettings
) -> None:
    session = gift_session(campaign)
    post_event(Client(), "checkout.session.completed", session, "evt_thanks_1")
    post_event(Client(), "checkout.session.completed", session, "evt_thanks_1")  # retried
    # The same payment under another event (Stripe's async success event for the session).
    post_event(Client(), "checkout.session.async_payment_succeeded", session, "evt_thanks_2")
    assert len(smtp.received) == 1
    message = smtp.received[0].message
    gift = Gift.objects.get()
    assert gift.receipt_number == f"{gift.received_at:%Y}-{gift.pk:06d}"
    assert gift.thanked_at is not None
    assert message["To"] == "dee@example.org"
    assert gift.receipt_number in message["Subject"]
    for part in (message.get_body(("plain",)), message.get_body(("html",))):
        text = part.get_content()
        assert gift.receipt_number in text
        assert "1,234.50 EUR" in text
        assert "Keep the newsroom open" in text
        assert "Meridian Review Foundation" in text
        assert "12 Harbour Street" in text and "1000 Lisbon" in text
        assert "Registered charity 123456." in text
        with translation.override("en"):
            assert date_format(timezone.localdate(gift.received_at), "DATE_FORMAT") in text
    # Sending again (a worker that ran the task twice) sends nothing.
    assert receipts.send_thanks(gift.pk) is False
    assert len(smtp.received) == 1


def test_a_pending_gift_is_thanked_when_it_is_received_and_not_before(
    stripe_server: StripeStandIn, smtp: SmtpSink, campaign: Campaign, site: Any
) -> None:
    session = {**gift_session(campaign, "pi_test_slow"), "payment_status": "unpaid"}
    post_event(Client(), "checkout.session.completed", session)
    assert Gift.objects.get().status == Gift.Status.PENDING
    assert smtp.received == []
    post_event(
        Client(), "checkout.session.async_payment_succeeded", {**session, "payment_status": "paid"}
    )
    assert len(smtp.received) == 1
    # Without giving settings the receipt names the publication as who received it.
    name = publication_settings().publication_name
    assert f"Received by: {name}" in smtp.received[0].message.get_body(("plain",)).get_content()


def test_the_thank_you_goes_through_the_mail_queue() -> None:
    assert tasks.send_gift_thanks.queue_name == "mail"


def test_a_failed_send_is_retried_later_and_then_sent_once(
    smtp: SmtpSink, settings: Any, campaign: Campaign, site: Any
) -> None:
    good_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 9  # nothing listens: the SMTP server is down
    gift = Gift.objects.create(
        campaign=campaign,
        amount=5000,
        status=Gift.Status.SUCCEEDED,
        source=Gift.Source.TRANSFER,
        donor_email="bank@example.org",
    )
    with pytest.raises(OSError):
        receipts.send_thanks(gift.pk)
    gift.refresh_from_db()
    assert gift.thanked_at is None and gift.receipt_number is None
    assert receipts.unthanked_gifts() == [gift.pk]
    settings.EMAIL_PORT = good_port
    assert receipts.send_thanks(gift.pk) is True
    assert receipts.unthanked_gifts() == []
    assert "bank transfer" in smtp.received[0].message.get_body(("plain",)).get_content()


def test_a_donors_gifts_and_receipt_numbers_are_on_their_account_page(
    stripe_server: StripeStandIn, smtp: SmtpSink, campaign: Campaign, site: Any
) -> None:
    reader = make_reader("dee@example.org")
    session = {
        **gift_session(campaign),
        "metadata": {
            "masthead_kind": "gift",
            "masthead_campaign": str(campaign.pk),
            "masthead_reader": str(reader.pk),
        },
    }
    post_event(Client(), "checkout.session.completed", session)
    gift = Gift.objects.get()
    assert gift.reader == reader
    client = Client()
    client.force_login(reader.user)
    page = client.get("/account/").content.decode()
    assert "1,234.50 EUR" in page
    assert "Keep the newsroom open" in page
    assert gift.receipt_number in page
    # A gift given without signing in, from the reader's address, is theirs too.
    post_event(
        Client(),
        "checkout.session.completed",
        {**gift_session(campaign, "pi_test_anonymous"), "amount_total": 4200},
    )
    assert Gift.objects.get(stripe_payment_id="pi_test_anonymous").reader == reader
    assert "42.00 EUR" in client.get("/account/").content.decode()
    # Another reader's page does not show them.
    other = make_reader("other@example.org")
    client.force_login(other.user)
    assert gift.receipt_number not in client.get("/account/").content.decode()


@pytest.mark.parametrize(
    ("amount", "currency", "shown", "back"),
    [
        (123_450, "eur", "1,234.50 EUR", Decimal("1234.50")),
        (1250, "jpy", "1,250 JPY", Decimal("1250")),
        (1250, "kwd", "1.250 KWD", Decimal("1.250")),
    ],
)
def test_amounts_are_shown_in_the_currencys_own_unit(
    amount: int, currency: str, shown: str, back: Decimal
) -> None:
    with translation.override("en"):
        assert format_money(amount, currency) == shown
    assert major(amount, currency) == back
    assert minor(back, currency) == amount


def test_a_gift_recorded_by_hand_in_the_admin_is_thanked_once(
    smtp: SmtpSink, campaign: Campaign, site: Any, django_user_model: Any
) -> None:
    staff = Client()
    staff.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "x"))
    form = {
        "campaign": campaign.pk,
        "amount": "15000",
        "currency": "eur",
        "source": "cheque",
        "donor_name": "Carla Cheque",
        "donor_email": "carla@example.org",
        "status": "succeeded",
        "received_at": "2026-11-02 10:00",
        "amount_refunded": "0",
    }
    response = staff.post("/admin/snippets/membership/gift/add/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    gift = Gift.objects.get()
    assert [r.recipients for r in smtp.received] == [["carla@example.org"]]
    assert "150.00 EUR" in smtp.received[0].message.get_body(("plain",)).get_content()
    assert "cheque" in smtp.received[0].message.get_body(("plain",)).get_content()
    # Editing it again (a typo in the name) sends nothing more.
    staff.post(f"/admin/snippets/membership/gift/edit/{gift.pk}/", {**form, "donor_name": "Carla"})
    assert len(smtp.received) == 1

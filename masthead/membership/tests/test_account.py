"""The account page: name, email change, newsletter, data download, deletion."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.membership.models import Gift, Membership, Reader, Tier
from masthead.newsletter.models import Subscriber
from masthead.newsletter.tests.smtp_sink import SmtpSink

from .conftest import make_member, make_reader
from .stripe_standin import StripeStandIn

pytestmark = pytest.mark.django_db


def signed_in(reader: Reader) -> Client:
    client = Client()
    client.force_login(reader.user)
    return client


def test_the_account_page_needs_a_reader(client: Client) -> None:
    response = client.get("/account/")
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
    editor = get_user_model().objects.create_user("editor", "e@example.org", "pw-long-enough-1")
    client.force_login(editor)
    assert client.get("/account/").status_code == 404


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Ana   Souza ", "Ana Souza"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("Zoë O'Brien-Łukasz", "Zoë O'Brien-Łukasz"),
    ],
)
def test_names_are_kept_as_typed_and_shown_escaped(typed: str, stored: str) -> None:
    reader = make_reader()
    client = signed_in(reader)
    assert client.post("/account/", {"name": typed}).status_code == 302
    reader.refresh_from_db()
    assert reader.name == stored
    assert "<script>alert" not in client.get("/account/").content.decode()


@pytest.mark.parametrize("hostile", ["x" * 121, "Ana\x00", "Ana\x07bell"])
def test_hostile_names_are_refused(hostile: str) -> None:
    reader = make_reader()
    response = signed_in(reader).post("/account/", {"name": hostile})
    assert response.status_code == 400
    reader.refresh_from_db()
    assert reader.name == ""


def test_an_email_change_is_confirmed_at_the_new_address(smtp: SmtpSink) -> None:
    reader = make_reader("old@example.org")
    client = signed_in(reader)
    response = client.post("/account/email/", {"email": "New@Example.org"})
    assert response.status_code == 200
    (message,) = smtp.received
    assert message.recipients == ["new@example.org"]
    text = message.message.get_body(("plain",)).get_content()
    token = re.search(r"/account/email/confirm/([^/\s]+)/", text).group(1)
    reader.refresh_from_db()
    assert reader.email == "old@example.org"  # not before confirmation
    assert Client().get(f"/account/email/confirm/{token}/").status_code == 200  # a scanner
    reader.refresh_from_db()
    assert reader.email == "old@example.org"
    # The link is not a sign-in link, and a sign-in link can't change an address.
    assert Client().post(f"/account/sign-in/link/{token}/").status_code == 400
    assert Client().post(f"/account/email/confirm/{token}/").status_code == 200
    reader.refresh_from_db()
    assert reader.email == "new@example.org"
    assert Client().post(f"/account/email/confirm/{token}/").status_code == 400


def test_an_address_another_reader_has_cant_be_taken(smtp: SmtpSink) -> None:
    make_reader("taken@example.org")
    reader = make_reader("mine@example.org")
    signed_in(reader).post("/account/email/", {"email": "taken@example.org"})
    text = smtp.received[0].message.get_body(("plain",)).get_content()
    token = re.search(r"/account/email/confirm/([^/\s]+)/", text).group(1)
    assert Client().post(f"/account/email/confirm/{token}/").status_code == 400
    reader.refresh_from_db()
    assert reader.email == "mine@example.org"


def test_the_newsletter_subscription_is_linked_not_copied() -> None:
    subscriber = Subscriber.objects.create(
        email="ana@example.org", status=Subscriber.Status.CONFIRMED
    )
    reader = make_reader("ana@example.org")
    assert reader.subscriber == subscriber
    html = signed_in(reader).get("/account/").content.decode()
    assert "/newsletter/preferences/" in html


def test_download_my_data(tiers: dict[str, Tier]) -> None:
    reader = make_member(tiers["supporter"], "ana@example.org")
    Gift.objects.create(
        reader=reader, amount=700, status=Gift.Status.SUCCEEDED, receipt_number="2026-000042"
    )
    response = signed_in(reader).get("/account/data.json")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "ana@example.org"
    assert data["membership"]["tier"] == "Supporter"
    assert data["gifts"][0]["amount"] == 700
    assert data["gifts"][0]["receipt_number"] == "2026-000042"


def test_deleting_the_account_removes_personal_data_and_the_stripe_customer(
    stripe_server: StripeStandIn, tiers: dict[str, Tier]
) -> None:
    reader = make_member(tiers["supporter"], "ana@example.org")
    reader.stripe_customer_id = "cus_test_ana"
    reader.name = "Ana"
    reader.save()
    gift = Gift.objects.create(
        reader=reader, amount=700, status="succeeded", donor_email="ana@example.org"
    )
    client = signed_in(reader)
    assert client.post("/account/delete/", {}).status_code == 400  # not confirmed
    response = client.post("/account/delete/", {"confirm": "delete"})
    assert response.status_code == 200
    assert stripe_server.state.deleted_customers == ["cus_test_ana"]
    assert not Reader.objects.exists() and not Membership.objects.exists()
    assert not get_user_model().objects.filter(pk=reader.user_id).exists()
    gift.refresh_from_db()
    assert (gift.reader, gift.donor_email, gift.amount) == (None, "", 700)
    assert "_auth_user_id" not in client.session


def test_if_stripe_is_down_the_account_is_not_half_deleted(
    stripe_server: StripeStandIn, tiers: dict[str, Tier], settings: Any
) -> None:
    reader = make_reader()
    reader.stripe_customer_id = "cus_test_ana"
    reader.save()
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there
    response = signed_in(reader).post("/account/delete/", {"confirm": "delete"})
    assert response.status_code == 502
    assert Reader.objects.filter(pk=reader.pk).exists()


def test_the_members_csv_export_neutralises_formulas(tiers: dict[str, Tier]) -> None:
    reader = make_member(tiers["supporter"], "ana@example.org")
    reader.name = '=HYPERLINK("http://evil.example","click")'
    reader.save()
    staff = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-long-1x")
    client = Client()
    client.force_login(staff)
    response = client.get("/admin/snippets/membership/membership/", {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "ana@example.org" in text
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text

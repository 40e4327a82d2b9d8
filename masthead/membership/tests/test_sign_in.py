"""Sign-in by emailed link or code, over a real SMTP server."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from masthead.email_address import normalise_email
from masthead.membership import accounts
from masthead.membership.models import BlockedEmailDomain, Reader, SignInRequest
from masthead.newsletter.tests.smtp_sink import SmtpSink

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://[^\s]+/account/sign-in/link/([^/\s]+)/")
CODE = re.compile(r"code where you asked to sign in: (\d{6})")


def ask(client: Client, email: str) -> Any:
    return client.post("/account/sign-in/", {"email": email})


def mailed(sink: SmtpSink, index: int = -1) -> tuple[str, str, str]:
    message = sink.received[index].message
    text = message.get_body(("plain",)).get_content()
    return message["To"], LINK.search(text).group(1), CODE.search(text).group(1)


def signed_in_reader(client: Client) -> Reader | None:
    user_id = client.session.get("_auth_user_id")
    return Reader.objects.filter(user_id=user_id).first() if user_id else None


def test_the_code_signs_in_on_the_device_that_asked_and_creates_a_plain_account(
    client: Client, smtp: SmtpSink, site: Any
) -> None:
    response = ask(client, "  Ana@Example.ORG ")
    assert response.status_code == 302
    assert response["Location"] == "/account/sign-in/code/"
    to, _token, code = mailed(smtp)
    assert to == "ana@example.org"
    assert Reader.objects.count() == 0  # nothing is created before the reader proves the address

    response = client.post("/account/sign-in/code/", {"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302
    reader = signed_in_reader(client)
    assert reader is not None and reader.email == "ana@example.org"
    assert not reader.user.is_staff and not reader.user.is_superuser
    assert not reader.user.has_usable_password()
    # The code works once.
    used = SignInRequest.objects.get()
    assert used.used_at is not None
    assert accounts.redeem_code(used.pk, code) is None


def test_a_readers_account_never_reaches_the_admin(client: Client, smtp: SmtpSink) -> None:
    ask(client, "ana@example.org")
    _to, _token, code = mailed(smtp)
    client.post("/account/sign-in/code/", {"code": code})
    assert signed_in_reader(client) is not None
    for path in ("/admin/", "/admin/pages/", "/admin/snippets/membership/membership/"):
        response = client.get(path)
        assert response.status_code in {302, 403}, path
        if response.status_code == 302:
            assert "login" in response["Location"], path
    assert client.get("/account/").status_code == 200


def test_a_code_typed_elsewhere_does_nothing(client: Client, smtp: SmtpSink) -> None:
    ask(client, "ana@example.org")
    _to, _token, code = mailed(smtp)
    elsewhere = Client()
    response = elsewhere.post("/account/sign-in/code/", {"code": code})
    assert response.status_code == 302 and response["Location"] == "/account/sign-in/"
    elsewhere.post("/account/sign-in/", {"email": "mallory@example.org"})
    assert elsewhere.post("/account/sign-in/code/", {"code": code}).status_code == 400
    assert signed_in_reader(elsewhere) is None
    # The rightful device still can.
    assert client.post("/account/sign-in/code/", {"code": code}).status_code == 302


def test_wrong_codes_spend_the_request(client: Client, smtp: SmtpSink) -> None:
    ask(client, "ana@example.org")
    _to, _token, code = mailed(smtp)
    wrong = "000000" if code != "000000" else "111111"
    for _attempt in range(5):
        assert client.post("/account/sign-in/code/", {"code": wrong}).status_code == 400
    assert client.post("/account/sign-in/code/", {"code": code}).status_code == 400
    assert signed_in_reader(client) is None


def test_following_the_link_shows_a_button_and_only_its_post_signs_in(
    client: Client, smtp: SmtpSink
) -> None:
    ask(client, "ana@example.org")
    _to, token, _code = mailed(smtp)
    scanner = Client()
    for _visit in range(3):  # Safe Links and friends fetch the link, sometimes more than once
        page = scanner.get(f"/account/sign-in/link/{token}/")
        assert page.status_code == 200
        assert b'<form method="post">' in page.content
    assert signed_in_reader(scanner) is None
    assert Reader.objects.count() == 0
    assert SignInRequest.objects.get().used_at is None

    reader_device = Client()
    response = reader_device.post(f"/account/sign-in/link/{token}/")
    assert response.status_code == 302
    assert signed_in_reader(reader_device).email == "ana@example.org"
    # Used up: neither the link nor the code works again.
    assert Client().post(f"/account/sign-in/link/{token}/").status_code == 400
    assert Client().get(f"/account/sign-in/link/{token}/").status_code == 400


def test_links_and_codes_expire(client: Client, smtp: SmtpSink) -> None:
    ask(client, "ana@example.org")
    _to, token, code = mailed(smtp)
    SignInRequest.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert client.post(f"/account/sign-in/link/{token}/").status_code == 400
    assert client.post("/account/sign-in/code/", {"code": code}).status_code == 400
    assert Reader.objects.count() == 0


def test_forged_tokens_are_refused(client: Client, smtp: SmtpSink) -> None:
    for token in ("x", "a" * 43, "%00", "../../admin"):
        response = client.post(f"/account/sign-in/link/{token}/")
        assert response.status_code in {400, 404}
    assert Reader.objects.count() == 0


def test_known_unknown_and_blocked_addresses_get_the_same_answer(smtp: SmtpSink, site: Any) -> None:
    Reader.objects.all().delete()
    from .conftest import make_reader

    make_reader("known@example.org")
    BlockedEmailDomain.objects.create(domain="Spam.Example")
    answers = []
    for email in ("known@example.org", "unknown@example.org", "bot@mail.spam.example"):
        response = ask(Client(), email)
        answers.append((response.status_code, response["Location"]))
    assert len(set(answers)) == 1
    assert sorted(r.recipients[0] for r in smtp.received) == [
        "known@example.org",
        "unknown@example.org",
    ]


def test_floods_are_refused_per_address_and_per_ip(
    client: Client, smtp: SmtpSink, settings: Any
) -> None:
    settings.MASTHEAD_SIGN_IN_RATE_PER_ADDRESS = "3/10m"
    settings.MASTHEAD_SIGN_IN_RATE_PER_IP = "6/h"
    statuses = [ask(Client(), "victim@example.org").status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert len(smtp.received) == 3
    # Many addresses from one IP.
    statuses = [ask(Client(), f"r{n}@example.org").status_code for n in range(5)]
    assert statuses.count(429) >= 3  # 6 per IP in all, 5 already spent above
    assert len(smtp.received) <= 6


@pytest.mark.parametrize(
    "hostile",
    [
        "ana@example.org\r\nBcc: everyone@example.org",
        "Ana <ana@example.org>",
        "ana@example.org, bob@example.org",
        "<script>alert(1)</script>@example.org",
        "a" * 300 + "@example.org",
        "ana@exa\u0000mple.org",
        "",
        "@example.org",
        "ana@",
        "ana@" + "x" * 64 + ".org",
    ],
)
def test_hostile_addresses_are_refused_clearly_and_nothing_is_stored(
    client: Client, smtp: SmtpSink, hostile: str
) -> None:
    response = ask(client, hostile)
    assert response.status_code == 400
    assert b'role="alert"' in response.content
    assert SignInRequest.objects.count() == 0
    assert smtp.received == []


def test_addresses_are_normalised() -> None:
    assert normalise_email(" Ana@Example.ORG ") == "ana@example.org"
    assert normalise_email("ana@exämple.org") == "ana@xn--exmple-cua.org"
    # Fullwidth "ANA" (NFKC folds it).
    assert normalise_email("\uff21\uff2e\uff21@example.org") == "ana@example.org"
    assert normalise_email("STRASSE@example.org") == normalise_email("straße@example.org")
    with pytest.raises(ValidationError):
        normalise_email("ana@exa mple.org")


def test_a_staff_address_signs_into_a_separate_reader_account(
    client: Client, smtp: SmtpSink
) -> None:
    staff = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-long-1")
    ask(client, "editor@example.org")
    _to, _token, code = mailed(smtp)
    client.post("/account/sign-in/code/", {"code": code})
    reader = signed_in_reader(client)
    assert reader is not None and reader.user_id != staff.pk
    assert client.get("/admin/").status_code == 302

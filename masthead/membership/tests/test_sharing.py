"""Readers sending an article by email: fixed content, few recipients, limits, opt-out."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from masthead.membership.models import ShareOptOut
from masthead.news.tests.factories import ArticleFactory
from masthead.newsletter.tests.smtp_sink import SmtpSink

from .conftest import make_reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home: Any) -> Any:
    return ArticleFactory(
        title="The bridge reopens", slug="bridge", standfirst="After three years."
    )


def sharer(email: str = "ana@example.org") -> Client:
    client = Client()
    client.force_login(make_reader(email).user)
    return client


def test_only_signed_in_readers_can_share(client: Client, article: Any, smtp: SmtpSink) -> None:
    response = client.post(f"/account/share/{article.pk}/", {"recipients": "b@example.org"})
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
    assert smtp.received == []


def test_a_shared_article_is_a_fixed_message_with_an_opt_out(article: Any, smtp: SmtpSink) -> None:
    response = sharer().post(
        f"/account/share/{article.pk}/",
        {"recipients": "b@example.org, C@Example.org", "message": "<b>Buy pills</b>"},
    )
    assert response.status_code == 200
    assert sorted(r.recipients[0] for r in smtp.received) == ["b@example.org", "c@example.org"]
    message = smtp.received[0].message
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "The bridge reopens" in message["Subject"]
    assert "After three years." in text and "http://" in text and "/articles/bridge/" in text
    assert "Buy pills" not in text + html
    assert message["List-Unsubscribe"]
    token = re.search(r"/shared-articles/never/([^/\s]+)/", text).group(1)
    # The opt-out link's GET (a scanner) changes nothing; the button does.
    Client().get(f"/shared-articles/never/{token}/")
    assert not ShareOptOut.objects.exists()
    # RFC 8058: the mail program's one-click POST carries no session and no CSRF token.
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert token in message["List-Unsubscribe"]
    one_click = Client(enforce_csrf_checks=True).post(
        f"/shared-articles/never/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert one_click.status_code == 200
    assert ShareOptOut.objects.filter(email=message["To"]).exists()
    forged = Client(enforce_csrf_checks=True).post("/shared-articles/never/x:forged/")
    assert forged.status_code == 400 and ShareOptOut.objects.count() == 1
    smtp.received.clear()
    sharer("d@example.org").post(f"/account/share/{article.pk}/", {"recipients": message["To"]})
    assert smtp.received == []


@pytest.mark.parametrize(
    "recipients",
    [
        "a@example.org b@example.org c@example.org d@example.org",
        "",
        "not-an-address",
        "a@example.org\r\nBcc: spam@example.org",
        "<script>@example.org",
    ],
)
def test_too_many_or_hostile_recipients_are_refused(
    article: Any, smtp: SmtpSink, recipients: str
) -> None:
    response = sharer().post(f"/account/share/{article.pk}/", {"recipients": recipients})
    assert response.status_code == 400
    assert smtp.received == []


def test_limits_per_account_and_per_recipient(article: Any, smtp: SmtpSink, settings: Any) -> None:
    settings.MASTHEAD_SHARE_RATE_PER_ACCOUNT = "2/d"
    settings.MASTHEAD_SHARE_RATE_PER_RECIPIENT = "3/d"
    settings.MASTHEAD_SHARE_RATE_PER_IP = "100/d"
    ana = sharer()
    url = f"/account/share/{article.pk}/"
    assert [ana.post(url, {"recipients": f"x{n}@example.org"}).status_code for n in range(3)] == [
        200,
        200,
        429,
    ]
    statuses = [
        sharer(f"s{n}@example.org").post(url, {"recipients": "target@example.org"}).status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    assert sum(1 for r in smtp.received if r.recipients == ["target@example.org"]) == 3


def test_private_articles_cant_be_shared(article: Any, smtp: SmtpSink) -> None:
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=article, restriction_type="login")
    response = sharer().post(f"/account/share/{article.pk}/", {"recipients": "b@example.org"})
    assert response.status_code == 404
    assert smtp.received == []

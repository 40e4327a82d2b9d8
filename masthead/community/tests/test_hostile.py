"""Hostile input against every field of the comment form: each gets a clear refusal (400 or
429 with a message), nothing unsafe is stored or sent, and nothing answers with a 5xx."""

from __future__ import annotations

import time

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from masthead.community.models import Comment, Commenter
from masthead.community.text import render_comment
from masthead.email_address import normalise_email

from .conftest import stamp_at

pytestmark = pytest.mark.django_db


def approve_everything():
    Comment.objects.update(status=Comment.Status.APPROVED)
    for comment in Comment.objects.filter(parent=None):
        Comment.objects.filter(pk=comment.pk).update(root=comment)


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "[img](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<img src=x onerror="alert(1)">',
        '<a href="https://example.org" onclick="alert(1)">x</a>',
        "![tracker](https://tracker.example/pixel.gif)",
        "[ok](https://example.org/page)",
    ],
)
def test_markup_in_comments_is_shown_as_text_and_links_are_safe(client, article, body):
    Commenter.objects.create(email="ana@example.org", confirmed_at=timezone.now())
    commenter = Commenter.objects.get()
    comment = Comment.objects.create(
        article=article, commenter=commenter, author_name="A", body=body
    )
    Comment.objects.filter(pk=comment.pk).update(root=comment, status="approved")
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    rendered = soup.select_one(".comment__body")
    assert rendered is not None
    assert rendered.find_all(["script", "img", "iframe"]) == []
    for tag in rendered.find_all(True):
        assert not [name for name in tag.attrs if name.startswith("on")]
    for link in rendered.find_all("a"):
        assert link["href"].startswith("https://")
        assert set(link["rel"]) == {"nofollow", "ugc", "noopener"}


def test_render_comment_keeps_the_small_markdown_subset():
    html = render_comment("*em* **strong**\n\n> quoted\n\n- one\n- two\n\n# not a heading")
    assert "<em>em</em>" in html and "<strong>strong</strong>" in html
    assert "<blockquote>" in html and "<li>one</li>" in html
    assert "<h1>" not in html


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Ana\r\nBcc: victim@example.org"),
        ("email", "ana@example.org\r\nBcc: victim@example.org"),
        ("email", "ana@example.org, bob@example.org"),
        ("email", "not an address"),
        ("name", "x" * 100_000),
        ("email", "a" * 100_000 + "@example.org"),
        ("body", "x" * 100_000),
        ("body", "   "),
        ("name", "Ana\x00"),
        ("body", "Zero\u202ewidth override"),
    ],
)
def test_bad_fields_get_a_400_with_a_message_and_nothing_is_stored(
    post_comment, smtp, field, value
):
    response = post_comment(**{field: value})
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select(".field-error")
    assert Comment.objects.count() == 0 and Commenter.objects.count() == 0
    assert smtp.received == []


def test_invalid_utf8_is_refused_clearly(client, article):
    body = (
        b"name=Ana&email=ana%40example.org&body=caf%E9+%FF%FE&shown="
        + stamp_at(time.time() - 30).encode()
    )
    response = client.post(
        f"/comments/{article.pk}/post/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert b"UTF-8" in response.content
    assert Comment.objects.count() == 0


def test_bots_learn_nothing_and_leave_nothing(post_comment, smtp):
    honeypot = post_comment(website="https://spam.example")
    too_fast = post_comment(shown=stamp_at(time.time()), email="b@example.org")
    forged = post_comment(shown="forged:stamp", email="c@example.org")
    for response in (honeypot, too_fast, forged):
        assert response.status_code == 200 and b"Check your inbox" in response.content
    assert Comment.objects.count() == 0 and smtp.received == []


def test_one_client_sending_1000_requests_gets_429s_and_the_site_stays_up(
    client, article, post_comment, settings
):
    started = time.perf_counter()
    client.get(article.url)
    before = time.perf_counter() - started
    statuses = [post_comment(email=f"r{n}@example.org").status_code for n in range(1000)]
    assert set(statuses) <= {302, 429}
    # MASTHEAD_COMMENT_RATE_PER_IP's default is 10 per 10-minute window; a slow run may span
    # the start of a new window, and no more.
    assert 10 <= statuses.count(302) <= 20
    assert Comment.objects.count() == statuses.count(302)
    started = time.perf_counter()
    assert client.get(article.url).status_code == 200
    assert time.perf_counter() - started < max(2.0, 5 * before)
    # Another reader is not held back by the first one's limit.
    assert post_comment(email="other@example.org", ip="198.51.100.77").status_code == 302


def test_one_address_from_many_ips_is_limited_too(post_comment):
    statuses = [
        post_comment(ip=f"198.51.100.{n}", body=f"Comment {n}").status_code for n in range(20)
    ]
    assert 5 <= statuses.count(302) <= 10  # 5 per 10-minute window, whatever the IP
    assert statuses.count(429) == 20 - statuses.count(302)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("  Ana@Example.ORG ", "ana@example.org"),
        ("\uff21\uff2e\uff21@example.org", "ana@example.org"),  # full-width letters (NFKC)
        ("straße@example.org", "strasse@example.org"),  # casefold
        ("ana@bücher.example", "ana@xn--bcher-kva.example"),  # IDNA domain
    ],
)
def test_addresses_are_normalised_to_one_spelling(raw, normal):
    assert normalise_email(raw) == normal

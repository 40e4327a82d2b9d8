"""Pages are cached per access level (anonymous, reader account, each tier), never per reader.

The page cache keys a signed-in reader's request on the level its signed cookie names; the
cookie is issued by membership's middleware, and a page is stored for a level only when the
request's cookie already named that reader's level.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from masthead.membership.models import MembersOnlyArticle, Tier
from masthead.news.tests.factories import ArticleFactory, body
from masthead.server import page_cache

from .conftest import make_member, make_reader

pytestmark = pytest.mark.django_db

LOCKED_URL = "/articles/locked-tide-story/"


@pytest.fixture
def locked(home: Any, tiers: dict[str, Tier]) -> Any:
    page = ArticleFactory(
        title="The locked tide story",
        slug="locked-tide-story",
        body=body("<p>Tide tables and zebralocked nets.</p>"),
    )
    MembersOnlyArticle.objects.create(article=page)
    return page


def signed_in(reader: Any) -> Client:
    client = Client()
    client.force_login(reader.user)
    first = client.get("/")  # Django answers and names the reader's level in the cookie
    assert page_cache.ACCESS_COOKIE in first.cookies
    return client


def test_members_of_one_tier_share_a_cached_page_marked_private(
    locked: Any, tiers: dict[str, Tier]
) -> None:
    first = signed_in(make_member(tiers["supporter"], "one@example.org"))
    stored = first.get(LOCKED_URL)
    assert stored["X-Page-Cache"] == "miss" and "zebralocked" in stored.content.decode()
    second = signed_in(make_member(tiers["supporter"], "two@example.org"))
    hit = second.get(LOCKED_URL)
    assert hit["X-Page-Cache"] == "hit" and "zebralocked" in hit.content.decode()
    # Only this server keeps it: a CDN or browser cache in front must not share it.
    assert hit["Cache-Control"].startswith("private") and "Cookie" in hit["Vary"]
    assert "one@example.org" not in hit.content.decode()


def test_other_levels_never_get_a_members_page_and_members_never_get_theirs(
    locked: Any, tiers: dict[str, Tier]
) -> None:
    member = signed_in(make_member(tiers["supporter"], "one@example.org"))
    member.get(LOCKED_URL)
    assert member.get(LOCKED_URL)["X-Page-Cache"] == "hit"
    for client in (Client(), signed_in(make_reader("free@example.org"))):
        for _ in range(2):
            page = client.get(LOCKED_URL)
            assert page.status_code == 200 and "zebralocked" not in page.content.decode()
    # The teasers are cached too by now; the member still reads the whole article.
    assert "zebralocked" in member.get(LOCKED_URL).content.decode()
    patron = signed_in(make_member(tiers["patron"], "patron@example.org"))
    assert patron.get(LOCKED_URL)["X-Page-Cache"] == "miss"


def claimed_level(client: Client) -> str:
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    return page_cache.access_level({"HTTP_COOKIE": cookies})


def test_a_forged_or_borrowed_level_reaches_no_members_page(
    locked: Any, tiers: dict[str, Tier]
) -> None:
    member = signed_in(make_member(tiers["supporter"], "one@example.org"))
    member.get(LOCKED_URL)
    assert member.get(LOCKED_URL)["X-Page-Cache"] == "hit"
    level = claimed_level(member)
    assert level.startswith("tier-")
    reader = signed_in(make_reader("free@example.org"))
    assert claimed_level(reader) == "reader"
    borrowed = member.cookies[page_cache.ACCESS_COOKIE].value
    forged = page_cache.ACCESS_COOKIE + "=" + f"{level}/0000:forged:signature"
    for value in (borrowed, forged.split("=", 1)[1]):
        reader.cookies[page_cache.ACCESS_COOKIE] = value
        answer = reader.get(LOCKED_URL)
        assert "zebralocked" not in answer.content.decode()
        # Django answered for the reader's own level, put their cookie right, stored nothing.
        assert "X-Page-Cache" not in answer
        assert claimed_level(reader) == "reader"
    # A member's cookie without the member's session is worth nothing either.
    stranger = Client()
    stranger.cookies[page_cache.ACCESS_COOKIE] = borrowed
    assert "zebralocked" not in stranger.get(LOCKED_URL).content.decode()


def test_signing_out_removes_the_level(locked: Any, tiers: dict[str, Tier]) -> None:
    member = signed_in(make_member(tiers["supporter"], "one@example.org"))
    answer = member.post("/account/sign-out/")
    assert answer.cookies[page_cache.ACCESS_COOKIE].value == ""
    assert claimed_level(member) == ""
    assert "zebralocked" not in member.get(LOCKED_URL).content.decode()


def test_staff_sessions_are_never_cached(locked: Any, admin_user: Any) -> None:
    staff = Client()
    staff.force_login(admin_user)
    for _ in range(2):
        answer = staff.get("/")
        assert "X-Page-Cache" not in answer
        assert page_cache.ACCESS_COOKIE not in answer.cookies


def test_the_fast_path_answers_a_members_level_from_memory(
    locked: Any, tiers: dict[str, Tier]
) -> None:
    from masthead.server.tests.test_fast_path import Reader, reader  # noqa: F401 - fixture

    member = signed_in(make_member(tiers["supporter"], "one@example.org"))
    cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in member.cookies.items())
    production = Reader()
    answers = [production.get(LOCKED_URL, cookie=cookie) for _ in range(2)]
    assert [answer.state for answer in answers] == ["miss", "hit"]
    assert all(b"zebralocked" in answer.body for answer in answers)
    assert answers[1]["Cache-Control"].startswith("private")
    # Without the member's session the same access cookie opens nothing.
    access = member.cookies[page_cache.ACCESS_COOKIE].value
    stranger = production.get(LOCKED_URL, cookie=f"{page_cache.ACCESS_COOKIE}={access}")
    assert b"zebralocked" not in stranger.body


def test_signed_in_readers_are_offered_send_by_email_and_anonymous_readers_are_not(
    locked: Any, home: Any
) -> None:
    article = ArticleFactory(title="An open tide story", slug="open-tide-story")
    reader = signed_in(make_reader("free@example.org"))
    for _ in range(2):  # rendered, then from the reader level's cached page
        assert f"/account/share/{article.id}/" in reader.get(article.url).content.decode()
    for _ in range(2):
        assert "/account/share/" not in Client().get(article.url).content.decode()

"""Members-only articles on every reader surface, in every language, with the page cache.

A members-only article's body (and its translation's) appears nowhere but on its own page for
a member; listings, feeds, search, the sitemap, the newsletter and JSON-LD lists leave the
article out; its own page gives everyone else a teaser marked up as paywalled.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import extruct
import feedparser
import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from masthead.membership.models import Membership, MembersOnlyArticle, Tier
from masthead.news.models import HomePage
from masthead.news.tests.factories import (
    ArticleFactory,
    AuthorFactory,
    RegionFactory,
    ReportFactory,
    ThemeFactory,
    body,
)
from masthead.newsletter import services as newsletter
from masthead.newsletter.models import IssueArticle, NewsletterIssue
from masthead.newsletter.rendering import render_issue
from masthead.translation.models import ArticleTranslation

from .conftest import make_member, make_reader

pytestmark = pytest.mark.django_db

LOCKED_URL = "/articles/locked-harbour-story/"
PUBLIC_URL = "/articles/open-harbour-story/"


def make_story(kind: str, filing: dict[str, Any]) -> Any:
    page = ArticleFactory(
        title=f"The {kind} harbour story",
        slug=f"{kind}-harbour-story",
        standfirst=f"Standfirst of the {kind} story.",
        body=body(f"<p>Harbour boats and zebra{kind} nets.</p>"),
        selected_for_newsletter=True,
        published_at=timezone.now() - dt.timedelta(minutes=30),
        **filing,
    )
    ArticleTranslation.objects.create(
        article=page,
        language="pt",
        status=ArticleTranslation.Status.DONE,
        title=f"A história do porto {kind}",
        standfirst=f"Entrada da história {kind}.",
        body=[{"type": "paragraph", "value": f"<p>Redes zebra{kind}pt.</p>", "id": "b1"}],
    )
    return page


@pytest.fixture
def stories(home: HomePage, settings: Any, tiers: dict[str, Tier]) -> dict[str, Any]:
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt"]
    filing = {
        "authors": [AuthorFactory(slug="ana")],
        "regions": [RegionFactory(slug="coast")],
        "themes": [ThemeFactory(slug="fishing")],
        "reports": [ReportFactory(slug="harbours")],
    }
    made = {"open": make_story("open", filing), "locked": make_story("locked", filing)}
    MembersOnlyArticle.objects.create(article=made["locked"])
    home.lead_article = made["locked"]  # an editor leads with it: the front page must not
    home.save_revision().publish()
    return made


LISTINGS = ["/", "/articles/", "/authors/ana/", "/regions/coast/", "/themes/fishing/"]
LISTINGS += ["/reports/harbours/"]
FEEDS = [f"{page}feed/{kind}/" for page in LISTINGS for kind in ("rss", "atom")]
LOCKED_MARKS = ("The locked harbour story", "A história do porto locked", "zebralocked")
BODY_MARKS = ("zebralocked", "zebralockedpt")


def assert_no_locked(text: str, where: str) -> None:
    for mark in LOCKED_MARKS:
        assert mark not in text, f"the members-only article ({mark!r}) is in {where}"


@pytest.mark.parametrize("prefix", ["", "/pt"])
@pytest.mark.parametrize("path", LISTINGS + FEEDS)
def test_listings_and_feeds_leave_members_only_articles_out(
    client: Client, stories: dict[str, Any], prefix: str, path: str
) -> None:
    response = client.get(prefix + path)
    assert response.status_code == 200
    assert_no_locked(response.content.decode(), prefix + path)
    assert ("A história do porto open" if prefix else "The open harbour story") in (
        response.content.decode()
    )


@pytest.mark.parametrize("prefix", ["", "/pt"])
def test_feeds_stay_free_of_full_text_even_for_members(
    client: Client, stories: dict[str, Any], tiers: dict[str, Tier], prefix: str
) -> None:
    client.force_login(make_member(tiers["supporter"]).user)
    feed = feedparser.parse(client.get(f"{prefix}/feed/atom/").content)
    assert [entry.title for entry in feed.entries] == [
        "A história do porto open" if prefix else "The open harbour story"
    ]


@pytest.mark.parametrize("prefix", ["", "/pt"])
def test_search_finds_no_members_only_article(
    client: Client, stories: dict[str, Any], prefix: str
) -> None:
    for query in ("harbour", "zebralocked", "locked"):
        text = client.get(f"{prefix}/search/", {"q": query}).content.decode()
        for mark in (
            "The locked harbour story",
            "A história do porto locked",
            "Standfirst of the locked",
        ):
            assert mark not in text, f"{prefix}/search/?q={query} shows {mark!r}"


@pytest.mark.parametrize("prefix", ["", "/pt"])
def test_the_republishing_html_is_not_given_for_members_only_articles(
    client: Client, stories: dict[str, Any], tiers: dict[str, Tier], prefix: str
) -> None:
    locked, open_story = stories["locked"].pk, stories["open"].pk
    assert client.get(f"{prefix}/republish/{open_story}/").status_code == 200
    assert client.get(f"{prefix}/republish/{locked}/").status_code == 404
    client.force_login(make_member(tiers["supporter"]).user)
    assert client.get(f"{prefix}/republish/{locked}/").status_code == 404
    # Nor does a member's page of the article offer it.
    assert f"/republish/{locked}/" not in client.get(prefix + LOCKED_URL).content.decode()


def test_the_sitemap_lists_no_members_only_article(client: Client, stories: dict[str, Any]) -> None:
    response = client.get("/sitemap.xml")
    locations = [loc.get_text() for loc in BeautifulSoup(response.content, "xml").find_all("loc")]
    assert "http://testserver/articles/open-harbour-story/" in locations
    assert [url for url in locations if "locked" in url] == []


def test_the_newsletter_neither_picks_nor_renders_members_only_articles(
    client: Client, stories: dict[str, Any]
) -> None:
    issue = newsletter.build_issue("daily")
    assert list(issue.entries.values_list("article_id", flat=True)) == [stories["open"].pk]
    older = NewsletterIssue.objects.create(
        subject="Earlier",
        frequency="daily",
        edition_date=timezone.localdate(),
        period_start=timezone.now() - dt.timedelta(days=2),
        period_end=timezone.now() - dt.timedelta(days=1),
        slug="earlier",
        status=NewsletterIssue.Status.SENT,
        sent_at=timezone.now(),
    )
    for position, page in enumerate(stories.values()):
        IssueArticle.objects.create(issue=older, article=page, sort_order=position)
    for language in ("en", "pt"):
        rendered = render_issue(older, language)
        assert_no_locked(rendered.html + rendered.text, f"the {language} newsletter")
    assert_no_locked(client.get("/newsletter/issues/earlier/").content.decode(), "the archive")


@pytest.mark.parametrize("prefix", ["", "/pt"])
def test_non_members_get_a_paywalled_teaser_in_every_language(
    client: Client, stories: dict[str, Any], tiers: dict[str, Tier], prefix: str
) -> None:
    readers = {
        "anonymous": Client(),
        "signed-in non-member": Client(),
        "free-tier member": Client(),
        "lapsed member": Client(),
    }
    readers["signed-in non-member"].force_login(make_reader("plain@example.org").user)
    free = make_member(tiers["free"], "free@example.org")
    readers["free-tier member"].force_login(free.user)
    lapsed = make_member(tiers["supporter"], "lapsed@example.org")
    Membership.objects.filter(reader=lapsed).update(status=Membership.Status.CANCELED)
    readers["lapsed member"].force_login(lapsed.user)
    headline = "A história do porto locked" if prefix else "The locked harbour story"
    for who, reader in readers.items():
        response = reader.get(prefix + LOCKED_URL)
        assert response.status_code == 200, who
        html = response.content.decode()
        assert headline in html, who
        for mark in BODY_MARKS:
            assert mark not in html, f"the body reached a {who}"
        soup = BeautifulSoup(html, "html.parser")
        assert soup.select_one(".paywall a[href='/members/']"), who
        data = paywall_marks(html)
        assert data["headline"] == headline
        # The part not free to read is the call to join that stands in its place.
        assert soup.select_one(data["hasPart"]["cssSelector"]).select_one("a[href='/members/']")


def paywall_marks(html: str) -> dict[str, Any]:
    """The article's JSON-LD, as a search engine reads it (extruct), with Google's marks for
    paywalled news, whose ``cssSelector`` matches exactly one element of the page."""
    (data,) = [
        item
        for item in extruct.extract(html, base_url="http://testserver/", syntaxes=["json-ld"])[
            "json-ld"
        ]
        if item.get("@type") == "NewsArticle"
    ]
    assert data["isAccessibleForFree"] is False
    part = data["hasPart"]
    assert part["@type"] == "WebPageElement" and part["isAccessibleForFree"] is False
    assert len(BeautifulSoup(html, "html.parser").select(part["cssSelector"])) == 1
    return data


@pytest.mark.parametrize("prefix", ["", "/pt"])
def test_members_read_the_whole_article_and_their_page_is_never_shared(
    client: Client, stories: dict[str, Any], tiers: dict[str, Tier], prefix: str
) -> None:
    client.force_login(make_member(tiers["supporter"]).user)
    response = client.get(prefix + LOCKED_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert ("zebralockedpt" if prefix else "zebralocked") in html
    # Members' pages carry the same marks, on the body they read (Google's guidance).
    selector = paywall_marks(html)["hasPart"]["cssSelector"]
    paywalled = BeautifulSoup(html, "html.parser").select_one(selector)
    assert ("zebralockedpt" if prefix else "zebralocked") in paywalled.get_text()
    # A free article says it is free, and marks no part.
    free = extruct.extract(
        client.get(prefix + PUBLIC_URL).content.decode(),
        base_url="http://testserver/",
        syntaxes=["json-ld"],
    )["json-ld"]
    (article,) = [item for item in free if item.get("@type") == "NewsArticle"]
    assert article["isAccessibleForFree"] is True and "hasPart" not in article
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_a_minimum_tier_keeps_lower_tiers_out(
    client: Client, stories: dict[str, Any], tiers: dict[str, Tier]
) -> None:
    MembersOnlyArticle.objects.filter(article=stories["locked"]).update(
        minimum_tier=tiers["patron"]
    )
    supporter, patron = Client(), Client()
    supporter.force_login(make_member(tiers["supporter"], "s@example.org").user)
    patron.force_login(make_member(tiers["patron"], "p@example.org").user)
    assert "zebralocked" not in supporter.get(LOCKED_URL).content.decode()
    assert "zebralocked" in patron.get(LOCKED_URL).content.decode()


def test_a_failed_payment_keeps_access_for_the_grace_period_only(
    client: Client, stories: dict[str, Any], tiers: dict[str, Tier], settings: Any
) -> None:
    settings.MASTHEAD_MEMBERSHIP_GRACE_DAYS = 7
    reader = make_member(tiers["supporter"])
    client.force_login(reader.user)
    Membership.objects.filter(reader=reader).update(
        status=Membership.Status.PAST_DUE, past_due_since=timezone.now() - dt.timedelta(days=6)
    )
    assert "zebralocked" in client.get(LOCKED_URL).content.decode()
    Membership.objects.filter(reader=reader).update(
        past_due_since=timezone.now() - dt.timedelta(days=8)
    )
    assert "zebralocked" not in client.get(LOCKED_URL).content.decode()


def test_the_page_cache_never_serves_full_text_to_non_members(
    stories: dict[str, Any], tiers: dict[str, Tier]
) -> None:
    member, anonymous = Client(), Client()
    member.force_login(make_member(tiers["supporter"]).user)
    # A member reads first: nothing of theirs is cached.
    assert "zebralocked" in member.get(LOCKED_URL).content.decode()
    first = anonymous.get(LOCKED_URL)
    assert first["X-Page-Cache"] == "miss"
    assert "zebralocked" not in first.content.decode()
    # The cached teaser is what every anonymous reader gets; members still get the article.
    second = Client().get(LOCKED_URL)
    assert second["X-Page-Cache"] == "hit"
    assert "zebralocked" not in second.content.decode()
    assert "zebralocked" in member.get(LOCKED_URL).content.decode()


def test_marking_a_cached_article_members_only_empties_the_cache_at_once(
    stories: dict[str, Any],
) -> None:
    anonymous = Client()
    for path in (PUBLIC_URL, "/", "/feed/rss/", "/pt/feed/atom/"):
        anonymous.get(path)
        assert anonymous.get(path)["X-Page-Cache"] == "hit"
    restriction = MembersOnlyArticle.objects.create(article=stories["open"])
    assert "zebraopen" not in anonymous.get(PUBLIC_URL).content.decode()
    for path in ("/", "/feed/rss/", "/pt/feed/atom/"):
        assert "open harbour" not in anonymous.get(path).content.decode(), path
    restriction.delete()
    assert "zebraopen" in anonymous.get(PUBLIC_URL).content.decode()


def test_view_restrictions_still_come_first(client: Client, stories: dict[str, Any]) -> None:
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=stories["locked"], restriction_type="login")
    response = client.get(LOCKED_URL)
    assert response.status_code == 302  # to the login page, not a teaser of a private article
    assert "The locked harbour story" not in client.get("/members/").content.decode()


def test_the_join_page_lists_members_only_teasers_without_their_text(
    client: Client, stories: dict[str, Any]
) -> None:
    html = client.get("/members/").content.decode()
    assert "The locked harbour story" in html
    assert "Standfirst of the locked story." in html
    for mark in BODY_MARKS:
        assert mark not in html
    assert "Supporter" in html and "Patron" in html
    assert "Payments are not configured" in html


def test_teasers_leave_out_aliases_of_articles_in_restricted_sections(home: HomePage) -> None:
    """Wagtail's ``.public()`` ignores aliases: an alias (in an open section) of an article in a
    password-protected desk must not be teased either."""
    from wagtail.models import Page, PageViewRestriction

    from masthead.membership.selectors import members_only_articles
    from masthead.news.models import ArticleIndexPage

    open_one = ArticleFactory(title="Open to members")  # before a second article index
    desk = Page.objects.get(pk=home.pk).add_child(
        instance=ArticleIndexPage(title="Locked desk", slug="locked-desk")
    )
    source = ArticleFactory(parent=desk, title="Desk secret")
    alias = source.create_alias(parent=open_one.get_parent(), update_slug="desk-secret-alias")
    MembersOnlyArticle.objects.create(article=alias.specific)
    MembersOnlyArticle.objects.create(article=open_one)
    PageViewRestriction.objects.create(page=desk, restriction_type="password", password="x")
    assert list(members_only_articles()) == [open_one]

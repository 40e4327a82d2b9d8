"""Licences where machines read them: <link rel="license">, the JSON-LD (extruct) and the
feeds (feedparser); feeds respect the policy; pieces republished from elsewhere say so."""

from __future__ import annotations

import extruct
import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.news.tests.factories import ArticleFactory
from masthead.syndication.models import ArticlePolicy, SyndicationSettings

pytestmark = pytest.mark.django_db

BY_ND = "https://creativecommons.org/licenses/by-nd/4.0/"
BY = "https://creativecommons.org/licenses/by/4.0/"


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    data = extruct.extract(
        response.content.decode(), base_url=f"http://testserver{url}", syntaxes=["json-ld"]
    )
    return next(item for item in data["json-ld"] if item["@type"] == "NewsArticle")


def test_article_page_and_json_ld_name_the_licence(client, story):
    ArticleFactory(title="Under CC BY", slug="cc-by-story")
    ArticlePolicy.objects.create(article=ArticleFactory(slug="open"), policy="cc-by")

    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert soup.head.find("link", rel="license")["href"] == BY_ND
    assert json_ld(client, story.url)["license"] == BY_ND
    assert json_ld(client, "/articles/open/")["license"] == BY


def test_policy_and_permission_pages_stand_in_for_a_licence(client, story, site):
    ArticlePolicy.objects.create(article=story, policy="permission")
    credit = ArticleFactory(slug="with-credit")
    ArticlePolicy.objects.create(article=credit, policy="credit")

    assert json_ld(client, story.url)["license"] == "http://testserver/about/permissions/"
    assert json_ld(client, credit.url)["license"] == "http://testserver/about/republishing/"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_carry_each_items_licence_and_rights(client, story, kind):
    closed = ArticleFactory(title="Closed story", slug="closed")
    ArticlePolicy.objects.create(article=closed, policy="permission")

    feed = feedparser.parse(client.get(f"/feed/{kind}/").content)

    assert not feed.bozo, feed.bozo_exception
    entries = {entry.title: entry for entry in feed.entries}
    assert entries[story.title].license == BY_ND
    assert entries["Closed story"].license == "http://testserver/about/permissions/"
    if kind == "atom":
        assert entries[story.title].rights == "Licensed under CC BY-ND 4.0."
        assert entries["Closed story"].rights == (
            "All rights reserved: republishing only with permission."
        )
    else:
        assert feed.feed.rights == "Copyright © Gazette Media"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_full_text_only_where_republishing_is_allowed(client, story, site, kind):
    closed = ArticleFactory(title="Closed story", slug="closed")
    ArticlePolicy.objects.create(article=closed, policy="permission")

    entries = {e.title: e for e in feedparser.parse(client.get(f"/feed/{kind}/").content).entries}

    open_text = entries[story.title].content[0].value
    assert "Residents waited three years." in open_text
    closed_text = entries["Closed story"].content[0].value
    assert "The first paragraph" not in closed_text
    assert closed.standfirst in closed_text
    assert 'href="http://testserver/articles/closed/"' in closed_text
    for text in (open_text, closed_text):
        assert "The original source of this article is The Test Gazette." in text
        assert 'rel="license"' in text

    settings = SyndicationSettings.for_site(site)
    settings.full_text_in_feeds = False
    settings.save()
    entries = {e.title: e for e in feedparser.parse(client.get(f"/feed/{kind}/").content).entries}
    assert "Residents waited three years." not in entries[story.title].content[0].value
    assert story.standfirst in entries[story.title].content[0].value


def test_licences_cost_a_fixed_number_of_queries_in_a_feed(client, story, settings):
    settings.MASTHEAD_PAGE_CACHE_SECONDS = 0  # measure the feed, not the page cache
    more = [ArticleFactory(slug=f"more-{number}") for number in range(5)]
    client.get("/feed/rss/")  # warm renditions and per-site look-ups
    with CaptureQueriesContext(connection) as site_default:
        client.get("/feed/rss/")
    for article in more:
        ArticlePolicy.objects.create(article=article, policy="cc-by")
    client.get("/feed/rss/")  # the policies purged the site-wide reads: read them again once
    with CaptureQueriesContext(connection) as each_its_own:
        feed = feedparser.parse(client.get("/feed/rss/").content)
    assert len(each_its_own) == len(site_default)
    licences = [entry.license for entry in feed.entries]
    assert licences.count(BY) == 5 and licences.count(BY_ND) == 2  # the story and its sibling


def test_a_piece_republished_from_elsewhere_says_so_everywhere(client, story):
    origin = "https://partner.example/2026/bridge"
    elsewhere = ArticleFactory(
        title="From a partner", slug="from-partner", originally_published_at=origin
    )

    soup = BeautifulSoup(client.get(elsewhere.url).content, "html.parser")
    assert soup.find("link", rel="canonical")["href"] == origin
    attribution = soup.select_one(".attribution")
    assert attribution.get_text(" ", strip=True).startswith(
        f"This article was originally published at {origin} ."
    )
    assert attribution.find("a", href=origin) is not None
    assert json_ld(client, elsewhere.url)["isBasedOn"] == origin

    page = BeautifulSoup(client.get(f"/republish/{elsewhere.pk}/").content, "html.parser")
    head = page.find("textarea", id="republish-head").get_text()
    assert head == f'<link rel="canonical" href="{origin}">'
    pasted = BeautifulSoup(page.find("textarea", id="republish-html").get_text(), "html.parser")
    assert pasted.find("a", href=origin) is not None
    assert f"This article was originally published at {origin}." in pasted.get_text()

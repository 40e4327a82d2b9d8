"""RSS and Atom feeds, parsed back the way feed readers parse them."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.news.models import PublicationSettings

from .factories import ArticleFactory, AuthorFactory, RegionFactory, body

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(site):
    publication = PublicationSettings.for_site(site)
    publication.publication_name = "The Test Gazette"
    publication.save()
    author = AuthorFactory(title="Ana Ruiz")
    region = RegionFactory(title="Europe")
    mine = ArticleFactory(
        title="Grid talks stall",
        authors=[author],
        regions=[region],
        body=body('<p>Full <b>text</b> with <a href="/articles/">a relative link</a>.</p>'),
    )
    other = ArticleFactory(title="Someone else's story")
    return author, region, mine, other


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_site_feed_carries_full_text_and_attribution(client, articles, kind):
    _, _, mine, other = articles
    response = client.get(f"/feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    titles = [entry.title for entry in feed.entries]
    assert set(titles) == {mine.title, other.title}
    entry = next(e for e in feed.entries if e.title == mine.title)
    assert entry.link == f"http://testserver{mine.url}"
    assert entry.author_detail.name == "Ana Ruiz" or "Ana Ruiz" in entry.author
    full_text = entry.content[0].value
    assert "<b>text</b>" in full_text
    assert 'href="http://testserver/articles/"' in full_text  # absolute for feed readers
    assert "The original source of this article is The Test Gazette." in full_text
    assert entry.published_parsed is not None


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_landing_page_feeds_list_only_their_articles(client, articles, kind):
    author, region, mine, _ = articles
    for landing in (author, region):
        feed = feedparser.parse(client.get(f"{landing.url}feed/{kind}/").content)
        assert [entry.title for entry in feed.entries] == [mine.title]


def test_feeds_are_advertised_on_landing_pages(client, articles):
    author, *_ = articles
    html = client.get(author.url).content.decode()
    assert f'href="{author.url}feed/rss/"' in html
    assert 'type="application/atom+xml"' in html


def test_a_feed_costs_the_same_queries_however_many_items(client, articles, settings):
    settings.MASTHEAD_PAGE_CACHE_SECONDS = 0  # measure the feed, not the page cache

    def queries_for_feed() -> int:
        client.get("/feed/rss/")  # warm renditions and per-site look-ups
        with CaptureQueriesContext(connection) as queries:
            client.get("/feed/rss/")
        return len(queries.captured_queries)

    few = queries_for_feed()
    for _ in range(5):
        ArticleFactory()
    assert queries_for_feed() == few <= 15

"""What search engines and machines read: JSON-LD, sitemap, robots.txt, search, health."""

import json

import extruct
import pytest
from bs4 import BeautifulSoup

from masthead.news.models import PublicationSettings
from masthead.server.page_cache import page_cache

from .factories import ArticleFactory, AuthorFactory, CreditedImageFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_article_json_ld_is_a_complete_news_article(client, site):
    publication = PublicationSettings.for_site(site)
    publication.publication_name = "The Test Gazette"
    publication.save()
    author = AuthorFactory(title="Ana Ruiz")
    article = ArticleFactory(
        title="A headline with </script><script>alert(1)</script> in it",
        authors=[author],
        featured_image=CreditedImageFactory(),
        regions=[RegionFactory(title="Europe")],
    )
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)</script>" not in html

    data = extruct.extract(html, base_url="http://testserver/", syntaxes=["json-ld"])["json-ld"]
    [news] = [item for item in data if item["@type"] == "NewsArticle"]
    assert news["headline"] == article.title
    assert news["datePublished"].startswith(article.published_at.date().isoformat())
    assert news["dateModified"]
    assert news["author"] == [
        {"@type": "Person", "name": "Ana Ruiz", "url": f"http://testserver{author.url}"}
    ]
    assert news["image"][0].startswith("http://testserver/media/")
    assert news["publisher"]["name"] == "The Test Gazette"
    assert news["mainEntityOfPage"]["@id"] == f"http://testserver{article.url}"
    assert "Europe" in news["keywords"]


def test_sitemap_lists_live_articles_and_landing_pages_but_not_drafts(client, site):
    article = ArticleFactory()
    draft = ArticleFactory(live=False)
    author = article.article_authors.first().author
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = [loc.get_text() for loc in BeautifulSoup(response.content, "xml").find_all("loc")]
    assert f"http://testserver{article.url}" in locations
    assert f"http://testserver{author.url}" in locations
    assert not any(draft.slug in location for location in locations)


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(
    client, site, settings
):
    settings.MASTHEAD_BASE_URL = "http://testserver"
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_healthz_reports_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}


def test_search_finds_articles_by_headline_standfirst_and_author(client, site):
    author = AuthorFactory(title="Ingrid Solberg")
    article = ArticleFactory(
        title="Fjord salmon farms expand", standfirst="Quotas doubled.", authors=[author]
    )
    ArticleFactory(title="Unrelated matter", standfirst="Nothing here.")
    for query in ("salmon", "quotas", "Solberg"):
        page = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
        titles = [h.get_text(strip=True) for h in page.select(".teaser__headline")]
        assert titles == [article.title], query


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("x" * 201, 400, "shorter search"),
        ("nul\x00byte", 400, "be searched for"),
        ("<script>alert(1)</script>", 200, "&lt;script&gt;"),
    ],
)
def test_search_answers_hostile_queries_with_a_clear_message(client, site, query, status, message):
    response = client.get("/search/", {"q": query})
    assert response.status_code == status
    html = response.content.decode()
    assert message in html
    assert "<script>alert(1)</script>" not in html


SEARCH_SYNTAX = ['"', 'a"b', "*", "NEAR(", "AND", "-", "salmon OR", ('NEAR( "x* -' * 20)[:200]]


@pytest.mark.parametrize("prefix", ["", "/pt"])
@pytest.mark.parametrize("query", SEARCH_SYNTAX)
def test_search_syntax_in_a_query_is_just_text(client, site, prefix, query):
    """Full-text engines read quotes, stars and operators; a reader's query is words only."""
    ArticleFactory(title="Fjord salmon farms expand")
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200, response.content[:500]


def test_search_words_next_to_syntax_still_find_the_article(client, site):
    article = ArticleFactory(title="Fjord salmon farms expand")
    for query in ('"salmon', "salmon*", "-salmon", 'salmon"', "(salmon)"):
        page = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
        titles = [h.get_text(strip=True) for h in page.select(".teaser__headline")]
        assert titles == [article.title], query


def test_a_search_without_hits_says_so(client, site):
    ArticleFactory(title="Fjord salmon farms expand")
    html = client.get("/search/", {"q": "volcano"}).content.decode()
    assert "No articles match" in html
    assert "No articles have been published here yet" not in html


def test_robots_txt_and_feed_self_links_use_the_base_url_not_the_host_header(
    client, site, settings
):
    settings.MASTHEAD_BASE_URL = "https://news.example.org"
    ArticleFactory()
    robots = client.get("/robots.txt", HTTP_HOST="testserver:8123").content.decode()
    assert "Sitemap: https://news.example.org/sitemap.xml" in robots.splitlines()
    for kind in ("rss", "atom"):
        feed = client.get(f"/feed/{kind}/", HTTP_HOST="testserver:8123").content.decode()
        assert "8123" not in feed, kind
        assert f"https://news.example.org/feed/{kind}/" in feed, kind


def test_past_the_limit_the_sitemap_is_an_index_of_paginated_files(
    client, site, settings, django_assert_max_num_queries
):
    settings.MASTHEAD_BASE_URL = "https://news.example.org"
    articles = [ArticleFactory() for _ in range(4)]
    draft = ArticleFactory(live=False)
    one_file = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    every_url = [loc.get_text() for loc in one_file.select("urlset > url > loc")]
    assert {f"http://testserver{article.url}" for article in articles} <= set(every_url)

    settings.MASTHEAD_SITEMAP_URLS = 3
    page_cache().purge_everything()  # as a restart after changing the setting would
    index = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    assert index.find("urlset") is None
    files = [loc.get_text() for loc in index.select("sitemapindex > sitemap > loc")]
    pages, articles = (f"https://news.example.org/sitemap-{s}.xml" for s in ("pages", "articles"))
    landing_pages = len(every_url) - 4
    assert files == [
        pages,
        *(f"{pages}?p={n}" for n in range(2, -(-landing_pages // 3) + 1)),
        articles,
        f"{articles}?p=2",
        "https://news.example.org/sitemap-translations.xml",
    ]
    listed = []
    for url in files:
        with django_assert_max_num_queries(8):
            response = client.get(url.removeprefix("https://news.example.org"))
        assert response.status_code == 200
        urlset = BeautifulSoup(response.content, "xml")
        assert len(urlset.find_all("loc")) <= 3
        listed += [loc.get_text() for loc in urlset.find_all("loc")]
    assert sorted(listed) == sorted(every_url)
    assert not any(draft.slug in url for url in listed)
    assert client.get("/sitemap-articles.xml?p=3").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_the_sitemap_index_costs_the_same_queries_however_many_files(
    client, site, settings, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.MASTHEAD_SITEMAP_URLS = 2
    for _ in range(3):
        ArticleFactory()
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap.xml")
    for _ in range(10):
        ArticleFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        index = client.get("/sitemap.xml").content
    assert index.count(b"<sitemap>") > 10

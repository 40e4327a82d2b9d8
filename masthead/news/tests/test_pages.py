"""What a reader sees: the front page, articles, landing pages and error pages."""

import datetime as dt
import itertools

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.news.models import ArticlePage, PublicationSettings

from .factories import (
    ArticleFactory,
    AuthorFactory,
    CreditedImageFactory,
    RegionFactory,
    ReportFactory,
    ThemeFactory,
    body,
)

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def publication(site):
    settings = PublicationSettings.for_site(site)
    settings.publication_name = "The Test Gazette"
    settings.copyright_holder = "Gazette Media"
    settings.article_footer_note = "<p>Views are the authors' own.</p>"
    settings.save()
    return settings


def test_article_page_shows_byline_dates_image_credit_author_box_and_attribution(
    client, publication
):
    nadia = AuthorFactory(title="Nadia Haddad", bio="Nadia Haddad is a Cairo-based researcher.")
    tom = AuthorFactory(title="Tom Okafor")
    image = CreditedImageFactory(credit="Photo: Riverside Agency", credit_url="https://ra.example/")
    article = ArticleFactory(
        title="Ports reopen after the strike",
        standfirst="Trade resumes, but the backlog will take weeks.",
        authors=[nadia, tom],
        featured_image=image,
        featured_image_alt="Cranes over a container port",
        featured_image_caption="The port at dawn.",
        published_at=dt.datetime(2026, 3, 4, 9, 30, tzinfo=dt.UTC),
    )

    response = client.get(article.url)

    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("a.skip-link")["href"] == "#main"
    headline = page.select_one("article h1")
    assert headline.get_text(strip=True) == "Ports reopen after the strike"
    assert page.select_one(".standfirst").get_text(strip=True).startswith("Trade resumes")
    byline = page.select_one(".byline").get_text(" ", strip=True)
    assert "Nadia Haddad and Tom Okafor" in byline
    assert page.select_one("time")["datetime"] == "2026-03-04T09:30:00+00:00"
    image_tag = page.select_one(".article__image img")
    assert image_tag["alt"] == "Cranes over a container port"
    assert "Photo: Riverside Agency" in page.select_one(".article__image figcaption").get_text()
    assert page.select_one(".author-box__bio").get_text() == nadia.bio
    assert [a.get_text() for a in page.select(".author-box__more")] == [
        "Articles by Nadia Haddad",
        "Articles by Tom Okafor",
    ]
    attribution = page.select_one(".attribution").get_text(" ", strip=True)
    assert "The original source of this article is The Test Gazette." in attribution
    assert "Copyright © Nadia Haddad, Tom Okafor, Gazette Media, 2026" in attribution
    assert f"http://testserver{article.url}" in attribution
    assert "Views are the authors' own." in page.select_one(".footer-note").get_text()
    assert page.select_one('link[rel="canonical"]')["href"] == f"http://testserver{article.url}"
    assert page.select_one('meta[property="og:type"]')["content"] == "article"
    assert page.select_one('meta[property="og:image"]')["content"].startswith("http://testserver/")
    assert page.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"


def test_headings_come_in_order_on_an_article(client, publication):
    article = ArticleFactory(body=body("<h2>Background</h2><p>Text.</p>", "<h3>Detail</h3>"))
    page = soup(client.get(article.url))
    levels = [int(tag.name[1]) for tag in page.select("main h1, main h2, main h3, main h4")]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_front_page_leads_with_the_newest_article_and_lists_report_blocks(client, publication):
    report = ReportFactory(title="The Sahel in transition")
    older = ArticleFactory(
        title="Older story", published_at=timezone.now() - dt.timedelta(days=2), reports=[report]
    )
    newest = ArticleFactory(title="Newest story", published_at=timezone.now())
    page = soup(client.get("/"))
    assert page.select_one(".lead-story h2").get_text(strip=True) == newest.title
    # Only the lead is laid out as the lead, not every teaser after it.
    assert len(page.select(".teaser--lead")) == 1
    assert page.select_one(".latest .teaser h3") is not None
    assert older.title in page.select_one(".latest").get_text()
    report_block = page.select_one(".report-block")
    assert "The Sahel in transition" in report_block.get_text()
    assert older.title in report_block.get_text()


def test_landing_pages_list_their_articles_newest_first(client, publication):
    region = RegionFactory(title="Europe")
    theme = ThemeFactory(title="Energy")
    author = AuthorFactory(title="Ana Ruiz")
    now = timezone.now()
    first = ArticleFactory(
        title="First",
        regions=[region],
        themes=[theme],
        authors=[author],
        published_at=now - dt.timedelta(days=3),
    )
    second = ArticleFactory(
        title="Second",
        regions=[region],
        themes=[theme],
        authors=[author],
        published_at=now - dt.timedelta(days=1),
    )
    ArticleFactory(title="Elsewhere")

    for landing in (region, theme, author):
        response = client.get(landing.url)
        assert response.status_code == 200
        titles = [h.get_text(strip=True) for h in soup(response).select(".teaser__headline")]
        assert titles == [second.title, first.title], landing.url
    assert soup(client.get(author.url)).h1.get_text() == "Articles by Ana Ruiz"


def test_report_page_pins_articles_above_the_listing(client, publication):
    from masthead.news.models import ReportPinnedArticle

    report = ReportFactory(title="Chips and sovereignty", introduction="Who makes the chips.")
    pinned = ArticleFactory(title="The primer", reports=[report])
    ArticleFactory(title="Latest turn", reports=[report])
    report.pinned_articles.add(ReportPinnedArticle(article=pinned))
    report.save_revision().publish()

    page = soup(client.get(report.url))
    assert "Who makes the chips." in page.get_text()
    assert "The primer" in page.select_one(".pinned").get_text()


def test_listings_paginate_and_bad_page_numbers_are_404(client, publication, settings):
    settings.MASTHEAD_ARTICLES_PER_PAGE = 2
    region = RegionFactory()
    for _ in range(3):
        ArticleFactory(regions=[region])
    assert client.get(region.url + "?page=2").status_code == 200
    for bad in ("3", "0", "-1", "abc", "1e9", "%00"):
        response = client.get(region.url + "?page=" + bad)
        assert response.status_code == 404, bad
        assert "Page not found" in response.content.decode()


def test_unknown_url_is_a_404_page_with_the_site_chrome(client, publication):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    page = soup(response)
    assert page.select_one(".site-header") is not None
    assert "Page not found" in page.h1.get_text()


def test_drafts_and_scheduled_articles_are_not_public(client, publication):
    draft = ArticleFactory(title="Secret draft", live=False)
    assert ArticlePage.objects.get(pk=draft.pk).live is False
    assert client.get("/articles/" + draft.slug + "/").status_code == 404
    assert "Secret draft" not in client.get("/").content.decode()


def test_hostile_query_strings_never_cause_a_server_error(client, publication):
    article = ArticleFactory()
    for query in ("?page=%ff%fe", "?q=%00", "?page=" + "9" * 400, "?page[]=1"):
        for url in ("/", article.url, "/articles/", "/search/"):
            assert client.get(url + query).status_code in {200, 400, 404}, url + query


def test_an_article_page_costs_a_fixed_number_of_queries(
    client, publication, settings, django_assert_num_queries
):
    """A correctness guard, not a timing: a cold article page (page cache off) with three
    authors with photos, an image and every kind of filing costs exactly this many queries,
    however many of each it has, once the process has made its site-wide reads (the site, its
    settings, the sections, the view restrictions: kept until the next purge). Lower it when a
    change saves one; never raise it silently."""
    settings.MASTHEAD_PAGE_CACHE_SECONDS = 0
    filing = {
        "regions": [RegionFactory(), RegionFactory()],
        "themes": [ThemeFactory(), ThemeFactory()],
        "reports": [ReportFactory()],
    }
    authors = [AuthorFactory(photo=CreditedImageFactory()) for _ in range(3)]
    article = ArticleFactory(authors=authors, featured_image=CreditedImageFactory(), **filing)
    client.get(article.url)  # the renditions are made once, for good
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        assert client.get(article.url).status_code == 200


ARTICLE_PAGE_QUERIES = 11


def test_the_article_index_routes_articles_its_feeds_and_nothing_else(client, publication):
    """Articles are found in one query under the index; its own routes and Wagtail's 404s
    are as before."""
    article = ArticleFactory()
    draft = ArticleFactory(live=False)
    index = article.get_parent()
    assert client.get(article.url).context["page"] == article
    assert client.get(f"{index.url}feed/rss/").status_code == 200
    assert client.get(f"{index.url}feed/").status_code == 404
    assert client.get(f"{index.url}no-such-article/").status_code == 404
    assert client.get(f"{index.url}{draft.slug}/").status_code == 404
    assert client.get(f"{article.url}more/").status_code == 404


def test_the_front_page_costs_no_query_more_per_report_or_teaser(
    client, publication, settings, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.MASTHEAD_PAGE_CACHE_SECONDS = 0
    first = ReportFactory()
    for _ in range(4):
        ArticleFactory(reports=[first], authors=[AuthorFactory()])
    client.get("/")
    with CaptureQueriesContext(connection) as one_report:
        client.get("/")
    one_report_queries = len(one_report.captured_queries)
    for _ in range(3):
        report = ReportFactory()
        for _ in range(4):
            ArticleFactory(reports=[report], authors=[AuthorFactory()])
    client.get("/")  # publishing purged the site-wide reads: the first render reads them again
    with django_assert_max_num_queries(one_report_queries):
        client.get("/")


@pytest.mark.parametrize("rows_read_together", [1, 3])
def test_the_front_page_shows_the_newest_readable_articles_in_each_place(
    client, home, publication, settings, monkeypatch, rows_read_together
):
    """The lead the editor chose, the twelve newest after it and each report's four newest,
    exactly as the reader selector orders them: nothing private, unpublished or in a
    password-protected article, an article in two reports in both blocks, and a report with
    nothing readable left out; the same whether the reports' newest articles were all among
    the rows read together or some (an old report's) were read on their own."""
    from wagtail.models import PageViewRestriction

    from masthead.news import queries
    from masthead.news.queries import ARTICLES_PER_REPORT, LATEST_ON_FRONT_PAGE, NEWEST_FIRST
    from masthead.news.selectors import readable_articles

    settings.MASTHEAD_PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(queries, "REPORT_ROWS_READ_TOGETHER", rows_read_together)
    first, second, hidden, old = (ReportFactory(title=t) for t in ("Alpha", "Beta", "Gamma", "Old"))
    start = timezone.now() - dt.timedelta(days=30)
    for number in range(5):
        ArticleFactory(
            title=f"Old {number}", published_at=start - dt.timedelta(days=number), reports=[old]
        )
    articles = [
        ArticleFactory(
            title=f"Story {number}",
            # 0 and 1, 2 and 3 published at the same moment: ties are broken by id.
            published_at=start + dt.timedelta(hours=number - number % 2 if number < 4 else number),
            reports=[[first], [second], [first, second], []][number % 4],
        )
        for number in range(20)
    ]
    ArticleFactory(title="Draft", live=False, reports=[first])
    secret = ArticleFactory(title="Secret", published_at=timezone.now(), reports=[first, hidden])
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    home.lead_article = articles[3]
    home.save_revision().publish()

    page = soup(client.get("/"))

    def titles(section) -> list[str]:
        return [a.get_text(strip=True) for a in section.select(".teaser__headline a")]

    readable = readable_articles().order_by(*NEWEST_FIRST)
    newest = [a.title for a in readable if a.pk != articles[3].pk][:LATEST_ON_FRONT_PAGE]
    assert titles(page.select_one(".lead-story")) == ["Story 3"]
    assert titles(page.select_one(".latest")) == newest
    blocks = {
        block.select_one("h2 a").get_text(strip=True): titles(block)
        for block in page.select(".report-block")
    }
    assert blocks == {
        report.title: [a.title for a in readable.filter(reports=report)[:ARTICLES_PER_REPORT]]
        for report in (first, second, old)
    }
    assert "Story 18" in blocks["Alpha"] and "Story 18" in blocks["Beta"]
    assert "Secret" not in page.get_text() and "Draft" not in page.get_text()
    home.lead_article = secret  # a lead no reader may open gives way to the newest readable one
    home.save_revision().publish()
    assert titles(soup(client.get("/")).select_one(".lead-story")) == [readable[0].title]


def test_the_front_page_costs_a_fixed_number_of_queries(
    client, publication, settings, django_assert_num_queries
):
    """A correctness guard, not a timing: a cold front page (page cache off) with a lead, the
    latest articles and two report blocks, every teaser with an image and authors with photos,
    costs exactly this many queries, and a further report none. Lower it when a change saves
    one; never raise it silently."""
    from masthead.news.queries import ARTICLES_PER_REPORT

    settings.MASTHEAD_PAGE_CACHE_SECONDS = 0
    authors = [AuthorFactory(photo=CreditedImageFactory()) for _ in range(2)]
    for report in (ReportFactory(), ReportFactory()):
        for _ in range(ARTICLES_PER_REPORT + 1):
            ArticleFactory(reports=[report], authors=authors, featured_image=CreditedImageFactory())
    client.get("/")  # the renditions are made once, for good
    with django_assert_num_queries(FRONT_PAGE_QUERIES):
        assert client.get("/").status_code == 200
    ArticleFactory(reports=[ReportFactory()], featured_image=CreditedImageFactory())
    client.get("/")
    with django_assert_num_queries(FRONT_PAGE_QUERIES):
        client.get("/")


FRONT_PAGE_QUERIES = 9


def test_deep_listing_pages_fetch_ids_first_and_list_the_same_articles(
    client, publication, settings, monkeypatch
):
    """Past ``DEEP_OFFSET`` a listing fetches the page's ids, then their rows: every page
    lists exactly what one query would, in the same order, ties on the date broken by id."""
    from masthead.news import queries

    settings.MASTHEAD_PAGE_CACHE_SECONDS = 0
    settings.MASTHEAD_ARTICLES_PER_PAGE = 3
    monkeypatch.setattr(queries, "DEEP_OFFSET", 3)
    theme = ThemeFactory()
    same_moment = timezone.now() - dt.timedelta(days=1)
    for number in range(8):
        when = same_moment if number in (3, 4, 5) else same_moment - dt.timedelta(hours=number)
        ArticleFactory(themes=[theme], published_at=when)
    expected = list(
        theme.article_queryset().order_by("-published_at", "-pk").values_list("pk", flat=True)
    )
    listed = []
    for number in (1, 2, 3):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{theme.url}?page={number}")
        listed += [article.id for article in response.context["articles"]]
        assert response.context["articles"].paginator.count == 8
        if number > 1:
            # A deep page reads its ids and the count in one query (a window count), not a
            # count of every article and then the ids; the last page reuses that read too.
            listing_sql = [q["sql"] for q in captured.captured_queries if "OVER ()" in q["sql"]]
            assert len(listing_sql) == 1
            assert not any("COUNT(*)" in q["sql"] for q in captured.captured_queries)
    assert listed == expected
    assert client.get(f"{theme.url}?page=4").status_code == 404


@pytest.mark.django_db
def test_the_menu_pages_have_their_own_index():
    """The header's menu query (the home page's children in the menu) is served by a partial
    index on the few menu pages; without it PostgreSQL read every page row of a 100,000-article
    archive on each uncached page (migration news 0005)."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert constraints["masthead_page_in_menus"]["index"]
    assert constraints["masthead_page_in_menus"]["columns"] == ["path"]

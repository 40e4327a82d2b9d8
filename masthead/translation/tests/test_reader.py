"""What readers get: translated articles at /<lang>/ URLs with lang, dir and hreflang, the
switcher, the machine-translation notice, the sitemap and per-language feeds."""

from __future__ import annotations

import json

import feedparser
import pytest
from bs4 import BeautifulSoup

from masthead.translation import services
from masthead.translation.engines import get_engine
from masthead.translation.models import ArticleTranslation

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(article, languages):
    services.translate_article(article.pk)
    return article


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.usefixtures("apertium")
def test_translated_article_served_at_its_own_url_with_lang_and_hreflang(client, translated):
    soup = page(client, "/pt/articles/bridge-reopens/")

    assert soup.html["lang"] == "pt"
    assert soup.html["dir"] == "ltr"
    assert soup.select_one("article.article")["lang"] == "pt"
    translation = ArticleTranslation.objects.get(article=translated, language="pt")
    assert soup.find("h1").get_text() == translation.title
    assert soup.select_one(".standfirst").get_text() == translation.standfirst
    body = soup.select_one(".article__body")
    assert body.find("a", href="https://example.org/souza").get_text() == "Ana Souza"
    assert "ponte" in body.get_text()
    # Names in the byline are never translated.
    assert soup.select_one(".byline a").get_text() == "Nadia Haddad"
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {
        "en": "http://testserver/articles/bridge-reopens/",
        "es": "http://testserver/es/articles/bridge-reopens/",
        "pt": "http://testserver/pt/articles/bridge-reopens/",
        "x-default": "http://testserver/articles/bridge-reopens/",
    }
    assert soup.find("link", rel="canonical")["href"] == (
        "http://testserver/pt/articles/bridge-reopens/"
    )
    structured = json.loads(soup.find("script", type="application/ld+json").string)
    assert structured["headline"] == translation.title
    assert structured["url"] == "http://testserver/pt/articles/bridge-reopens/"


@pytest.mark.usefixtures("apertium")
def test_original_lists_the_languages_each_in_its_own_name(client, translated):
    soup = page(client, "/articles/bridge-reopens/")

    assert soup.html["lang"] == "en"
    switcher = soup.select_one(".article__header .language-switcher")
    links = {a.get_text(): a["href"] for a in switcher.find_all("a")}
    assert links == {
        "English": "/articles/bridge-reopens/",
        "Español": "/es/articles/bridge-reopens/",
        "Português": "/pt/articles/bridge-reopens/",
    }
    assert switcher.find("a", attrs={"aria-current": "true"}).get_text() == "English"
    assert soup.select_one(".site-header .language-switcher") is not None
    assert soup.select_one(".translation-notice") is None


def test_machine_translation_notice_in_the_readers_language_until_reviewed(
    client, translated, admin_user, django_capture_on_commit_callbacks
):
    soup = page(client, "/pt/articles/bridge-reopens/")
    notice = soup.select_one(".translation-notice")
    assert "Este artigo foi traduzido automaticamente." in notice.get_text()
    assert notice.find("a")["href"] == "/articles/bridge-reopens/"

    with django_capture_on_commit_callbacks(execute=True):  # the page cache empties on commit
        services.mark_reviewed(
            ArticleTranslation.objects.get(article=translated, language="pt"), admin_user
        )
    assert page(client, "/pt/articles/bridge-reopens/").select_one(".translation-notice") is None


def test_untranslated_or_excluded_language_is_a_404(client, translated):
    page(client, "/fr/articles/bridge-reopens/", status=404)
    services.set_policy(translated, excluded=False, excluded_languages=["es"])
    page(client, "/es/articles/bridge-reopens/", status=404)


def test_dates_are_localised_by_djangos_catalogues(client, translated):
    from django.utils import formats, translation

    with translation.override("pt"):
        month_pt = formats.date_format(translated.published_at, "F")
    month_en = formats.date_format(translated.published_at, "F")

    dates = page(client, "/pt/articles/bridge-reopens/").select_one(".dates").get_text()

    assert month_pt in dates and month_pt != month_en and month_en not in dates


def test_other_pages_under_a_prefix_use_the_localised_interface(client, translated):
    soup = page(client, "/pt/")
    assert soup.html["lang"] == "pt"
    assert soup.select_one(".site-search button").get_text() == "Pesquisar"
    # Links inside a translated page stay in that language.
    assert soup.find("a", href="/pt/articles/bridge-reopens/") is not None


def test_right_to_left_languages_get_dir_rtl(client, article, settings, fake_api):
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["ar"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["libretranslate"]}
    settings.LIBRETRANSLATE_URL = fake_api.url
    get_engine.cache_clear()
    try:
        [outcome] = services.translate_article(article.pk)
    finally:
        get_engine.cache_clear()
    assert outcome.status == "done", outcome.error

    soup = page(client, "/ar/articles/bridge-reopens/")

    assert soup.html["lang"] == "ar"
    assert soup.html["dir"] == "rtl"
    assert soup.find("h1").get_text() == "«The city will reopen the old bridge»"


@pytest.mark.usefixtures("apertium")
def test_sitemap_lists_every_translated_url(client, translated):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    locations = set(BeautifulSoup(response.content, "xml").find_all("loc"))
    urls = {loc.get_text() for loc in locations}
    assert {
        "http://testserver/articles/bridge-reopens/",
        "http://testserver/pt/articles/bridge-reopens/",
        "http://testserver/es/articles/bridge-reopens/",
    } <= urls


def test_feed_per_language_carries_translated_items(client, translated):
    response = client.get("/pt/feed/rss/")

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    translation = ArticleTranslation.objects.get(article=translated, language="pt")
    [entry] = feed.entries
    assert entry.title == translation.title
    assert entry.link == "http://testserver/pt/articles/bridge-reopens/"
    assert feed.feed.language == "pt"
    assert "ponte" in entry.content[0].value


def test_translated_article_page_query_count(client, translated, django_assert_max_num_queries):
    client.get("/pt/articles/bridge-reopens/")
    with django_assert_max_num_queries(40):
        client.get("/pt/articles/bridge-reopens/")


def test_header_switcher_offers_languages_that_have_articles(
    client, article, languages, django_capture_on_commit_callbacks
):
    soup = page(client, "/")
    assert soup.select_one(".site-header .language-switcher") is None

    with django_capture_on_commit_callbacks(execute=True):
        services.translate_article(article.pk, ["pt"])

    switcher = page(client, "/").select_one(".site-header .language-switcher")
    assert {a.get_text(): a["href"] for a in switcher.find_all("a")} == {
        "English": "/",
        "Português": "/pt/",
    }


def test_private_article_stays_private_in_every_language(client, translated):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=translated, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/pt/articles/bridge-reopens/")

    assert response.status_code == 302
    assert "login" in response.url
    assert b"ponte" not in response.content


@pytest.mark.usefixtures("apertium")
def test_sitemap_queries_do_not_grow_with_translations(
    client, article, languages, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from masthead.news.tests.factories import ArticleFactory, body

    services.translate_article(article.pk, ["es"])
    with CaptureQueriesContext(connection) as one_article:
        client.get("/sitemap.xml")
    for n in range(4):
        extra = ArticleFactory(body=body(f"<p>Story number {n} about the river.</p>"))
        services.translate_article(extra.pk, ["es"])

    with django_assert_max_num_queries(len(one_article.captured_queries)):
        response = client.get("/sitemap.xml")
    assert response.content.count(b"/es/articles/") == 5


def test_listings_under_a_prefix_show_translated_teasers_and_never_link_to_a_missing_page(
    client, translated
):
    from masthead.news.tests.factories import ArticleFactory

    untranslated = ArticleFactory(title="Only in English", slug="only-in-english")
    translation = ArticleTranslation.objects.get(article=translated, language="pt")
    for url in ("/pt/", "/pt/articles/"):
        soup = page(client, url)
        links = {a.get_text(): a["href"] for a in soup.select(".teaser__headline a")}
        assert links[translation.title] == "/pt/articles/bridge-reopens/"
        assert links["Only in English"] == "/articles/only-in-english/"
        teaser = soup.find("a", string="Only in English").find_parent("article")
        assert teaser["lang"] == "en"
        for href in links.values():
            assert client.get(href).status_code == 200, href
    assert untranslated.live


def test_a_language_taken_out_of_the_configuration_is_not_linked_from_listings(
    client, translated, settings
):
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["es"]  # Portuguese rows remain in the table
    page(client, "/pt/articles/bridge-reopens/", status=404)
    links = [a["href"] for a in page(client, "/pt/articles/").select(".teaser__headline a")]
    assert links == ["/articles/bridge-reopens/"]

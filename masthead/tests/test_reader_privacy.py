"""Privacy is a property of the whole reader path: an article restricted to signed-in readers
or behind a password appears on no surface a reader can reach, in any language, while a
public article beside it appears on all of them.

Every surface is asked for through the test client, as a reader would, and the answer is
searched for each article's headline, its translated headline and a word only its body has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from masthead.news.models import ArticlePage, HomePage, ReportPinnedArticle
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

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Story:
    page: ArticlePage
    marks: tuple[str, ...]  # headline, translated headline, a word only its body has


def make_story(kind: str, filing: dict[str, Any], restriction: str | None) -> Story:
    page = ArticleFactory(
        title=f"The {kind} harbour story",
        slug=f"{kind}-harbour-story",
        standfirst="Boats came back to the harbour.",
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
        standfirst="Os barcos voltaram ao porto.",
        body=[
            {
                "type": "paragraph",
                "value": f"<p>Barcos do porto e redes zebra{kind}.</p>",
                "id": "b1",
            }
        ],
    )
    if restriction == "login":
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    elif restriction == "password":
        PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="open sesame"
        )
    return Story(page, (page.title, f"A história do porto {kind}", f"zebra{kind}"))


@pytest.fixture
def stories(home: HomePage, settings: Any) -> dict[str, Story]:
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt"]
    filing = {
        "authors": [AuthorFactory(slug="ana")],
        "regions": [RegionFactory(slug="coast")],
        "themes": [ThemeFactory(slug="fishing")],
        "reports": [ReportFactory(slug="harbours")],
    }
    made = {
        "public": make_story("public", filing, None),
        "private": make_story("private", filing, "login"),
        "secret": make_story("secret", filing, "password"),
    }
    report = filing["reports"][0]
    for position, story in enumerate(made.values()):
        ReportPinnedArticle.objects.create(report=report, article=story.page, sort_order=position)
    # An editor chose a restricted article as the lead story: it must not lead.
    home.lead_article = made["secret"].page
    home.save_revision().publish()
    return made


LANDING_PAGES = [
    "/",
    "/articles/",
    "/authors/ana/",
    "/regions/coast/",
    "/themes/fishing/",
    "/reports/harbours/",
]
FEEDS = [f"{landing}feed/{kind}/" for landing in LANDING_PAGES for kind in ("rss", "atom")]


def assert_only_public(text: str, stories: dict[str, Story], where: str) -> None:
    for name in ("private", "secret"):
        for mark in stories[name].marks:
            assert mark not in text, f"{name} article ({mark!r}) leaks into {where}"


@pytest.mark.parametrize("prefix", ["", "/pt"])
@pytest.mark.parametrize("path", LANDING_PAGES)
def test_listings_home_and_report_pins_show_only_public_articles(
    client: Any, stories: dict[str, Story], prefix: str, path: str
) -> None:
    response = client.get(prefix + path)
    assert response.status_code == 200
    text = response.content.decode()
    assert_only_public(text, stories, prefix + path)
    public_mark = stories["public"].marks[1 if prefix else 0]
    assert public_mark in text, f"the public article is missing from {prefix + path}"


@pytest.mark.parametrize("prefix", ["", "/pt"])
@pytest.mark.parametrize("path", FEEDS)
def test_feeds_in_every_language_carry_only_public_articles(
    client: Any, stories: dict[str, Story], prefix: str, path: str
) -> None:
    response = client.get(prefix + path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    titles = [entry.title for entry in feed.entries]
    assert titles == [stories["public"].marks[1 if prefix else 0]]
    assert_only_public(response.content.decode(), stories, prefix + path)


@pytest.mark.parametrize("prefix", ["", "/pt"])
def test_search_finds_only_public_articles(
    client: Any, stories: dict[str, Story], prefix: str
) -> None:
    response = client.get(f"{prefix}/search/", {"q": "harbour"})
    assert response.status_code == 200
    text = response.content.decode()
    assert_only_public(text, stories, f"{prefix}/search/")
    assert stories["public"].marks[1 if prefix else 0] in text


@pytest.mark.parametrize("urls_per_file", [50_000, 1])
def test_sitemap_lists_neither_restricted_articles_nor_their_translations(
    client: Any, stories: dict[str, Story], settings: Any, urls_per_file: int
) -> None:
    """In one file, and split into an index of one-URL files."""
    settings.MASTHEAD_BASE_URL = "http://testserver"
    settings.MASTHEAD_SITEMAP_URLS = urls_per_file
    root = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    files = [loc.get_text() for loc in root.select("sitemapindex > sitemap > loc")]
    assert bool(files) == (urls_per_file == 1)
    locations = [loc.get_text() for loc in root.select("urlset > url > loc")]
    for url in files:
        answer = BeautifulSoup(client.get(url.removeprefix("http://testserver")).content, "xml")
        locations += [loc.get_text() for loc in answer.find_all("loc")]
    assert "http://testserver/articles/public-harbour-story/" in locations
    assert "http://testserver/pt/articles/public-harbour-story/" in locations
    leaked = [url for url in locations if "private-harbour" in url or "secret-harbour" in url]
    assert leaked == []


@pytest.mark.parametrize("prefix", ["", "/pt"])
def test_restricted_article_pages_ask_for_login_or_password_in_every_language(
    client: Any, stories: dict[str, Story], prefix: str
) -> None:
    private = client.get(f"{prefix}/articles/private-harbour-story/")
    assert private.status_code == 302
    assert "/login/" in private["Location"] or "login" in private["Location"]
    secret = client.get(f"{prefix}/articles/secret-harbour-story/")
    assert secret.status_code == 200
    assert 'type="password"' in secret.content.decode()
    assert_only_public(secret.content.decode(), stories, f"{prefix} password page")
    public = client.get(f"{prefix}/articles/public-harbour-story/")
    assert public.status_code == 200
    assert "zebrapublic" in public.content.decode()


def test_the_page_files_nginx_serves_hold_no_restricted_article(
    client: Any, stories: dict[str, Story], settings: Any, tmp_path: Any
) -> None:
    """With MASTHEAD_PAGE_FILES_DIR set, nginx serves files without asking Masthead: none may
    hold a restricted article, in any language, and none may stand for its own address."""
    settings.MASTHEAD_PAGE_FILES_DIR = str(tmp_path / "pages")
    articles = [f"/articles/{kind}-harbour-story/" for kind in ("public", "private", "secret")]
    for prefix in ("", "/pt"):
        for path in [*LANDING_PAGES, *articles]:
            client.get(prefix + path)
    written = {
        path.relative_to(tmp_path / "pages").as_posix(): path.read_text()
        for path in (tmp_path / "pages").rglob("index.html")
    }
    assert "testserver/articles/public-harbour-story/index.html" in written
    assert "testserver/pt/regions/coast/index.html" in written
    for name, text in written.items():
        assert "private-harbour" not in name and "secret-harbour" not in name, name
        assert_only_public(text, stories, f"the page file {name}")


def test_the_newsletter_neither_picks_nor_mails_nor_archives_restricted_articles(
    client: Any, stories: dict[str, Story]
) -> None:
    issue = newsletter.build_issue("daily")
    picked = list(issue.entries.values_list("article_id", flat=True))
    assert picked == [stories["public"].page.pk]

    # An issue built before two articles were restricted, then sent: neither its mail nor its
    # public archive page may show them now.
    older = NewsletterIssue.objects.create(
        subject="Earlier stories",
        frequency="daily",
        edition_date=timezone.localdate(),
        period_start=timezone.now() - dt.timedelta(days=2),
        period_end=timezone.now() - dt.timedelta(days=1),
        slug="earlier-stories",
        status=NewsletterIssue.Status.SENT,
        sent_at=timezone.now(),
    )
    for position, story in enumerate(stories.values()):
        IssueArticle.objects.create(issue=older, article=story.page, sort_order=position)
    for language in ("en", "pt"):
        rendered = render_issue(older, language)
        assert_only_public(rendered.html + rendered.text, stories, f"the {language} email")
        assert stories["public"].marks[1 if language == "pt" else 0] in rendered.html
    archive = client.get("/newsletter/issues/earlier-stories/")
    assert archive.status_code == 200
    assert_only_public(archive.content.decode(), stories, "the newsletter archive")
    assert stories["public"].marks[0] in archive.content.decode()


# --- The readers' page cache ------------------------------------------------------------------
CACHED_SURFACES = ["/", "/articles/", "/feed/rss/", "/pt/feed/atom/", "/pt/themes/fishing/"]


def warm(client: Any, paths: list[str]) -> None:
    """Ask twice, so each page is known to be in the cache before the change."""
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit", path


def shows(client: Any, path: str, mark: str) -> bool:
    return mark in client.get(path).content.decode()


def test_restricting_an_article_takes_it_out_of_cached_pages_at_once(
    client: Any, stories: dict[str, Story]
) -> None:
    public = stories["public"]
    article_url = "/articles/public-harbour-story/"
    warm(client, [*CACHED_SURFACES, article_url])

    restriction = PageViewRestriction.objects.create(page=public.page, restriction_type="login")
    for path in CACHED_SURFACES:
        text = client.get(path).content.decode()
        assert not any(mark in text for mark in public.marks), path
    assert client.get(article_url).status_code == 302

    # Lifting the restriction brings it back everywhere, as promptly.
    warm(client, CACHED_SURFACES)
    restriction.delete()
    assert shows(client, "/", public.marks[0])
    assert shows(client, "/pt/feed/atom/", public.marks[1])
    assert client.get(article_url).status_code == 200


def test_unpublishing_deleting_or_moving_an_article_empties_cached_pages(
    client: Any, stories: dict[str, Story]
) -> None:
    from wagtail.models import Page

    from masthead.news.models import ArticleIndexPage

    public = stories["public"].page
    warm(client, [*CACHED_SURFACES, public.url])
    public.unpublish()
    assert not shows(client, "/", "public harbour")
    assert client.get("/articles/public-harbour-story/").status_code == 404

    moved = ArticleFactory(title="A story that moves", slug="moving-story")
    archive = ArticleIndexPage(title="Archive", slug="archive")
    Page.objects.get(pk=HomePage.objects.get().pk).add_child(instance=archive)
    archive.save_revision().publish()
    warm(client, ["/articles/moving-story/", "/articles/"])
    moved.move(archive, pos="last-child")
    # The old address is not served from the cache: it now redirects to the new one.
    old = client.get("/articles/moving-story/")
    assert (old.status_code, old["Location"]) == (301, "/archive/moving-story/")
    assert not shows(client, "/articles/", "A story that moves")
    assert client.get("/archive/moving-story/").status_code == 200

    doomed = ArticleFactory(title="A story to delete", slug="doomed-story", parent=archive)
    warm(client, ["/", "/archive/", "/archive/doomed-story/"])
    doomed.delete()
    assert not shows(client, "/", "A story to delete")
    assert client.get("/archive/doomed-story/").status_code == 404

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
from wagtail.models import Page, PageViewRestriction

from masthead.news.models import ArticleIndexPage, ArticlePage, HomePage, ReportPinnedArticle
from masthead.news.selectors import readable_articles, restricted_sections
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
    leaked = [
        f"{name} article ({mark!r})"
        for name, story in stories.items()
        if name != "public"
        for mark in story.marks
        if mark in text
    ]
    assert leaked == [], f"{', '.join(leaked)} leak into {where}"


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


# --- Aliases ------------------------------------------------------------------------------------
# Wagtail serves an alias, and a page under one, with its source's view restrictions, including
# those added after the alias was made; their articles' own place in the tree is public. Listings
# leave out, too, an alias of a page under a restricted one, which Wagtail serves to anyone.
ALIAS_ADDRESSES = (
    "/articles/alias-harbour-story/",
    "/locked-desk-mirror/",
    "/drafts-mirror/",
)


def aliased_stories(home: HomePage, restrict: bool = True) -> tuple[dict[str, Story], Page]:
    """An article reached through an alias in each way an alias hands a restriction on:
    ``alias``, an alias (in the public section) of an article in a restricted desk; ``mirrored``,
    in an alias of the whole desk; ``under``, made straight under that alias; ``staged``, in an
    alias of an open section of a restricted second site. With the desk, restricted last (as an
    editor may after the aliases were made) unless ``restrict`` is false."""
    home_page = Page.objects.get(pk=home.pk)
    locked = home_page.add_child(instance=ArticleIndexPage(title="Locked desk", slug="locked-desk"))
    filing = {"parent": locked, "regions": [RegionFactory(slug="bay")]}
    # An article that is itself an alias (in a public section) of one in the restricted desk...
    source = make_story("alias", filing, None)
    alias = source.page.create_alias(parent=ArticleIndexPage.objects.get(slug="articles"))
    made = {"alias": Story(alias.specific, source.marks)}
    # ...one made by aliasing the whole desk, and one filed straight under that desk's alias.
    mirrored = make_story("mirrored", filing, None)
    mirror = locked.create_alias(parent=home_page, update_slug="locked-desk-mirror", recursive=True)
    mirrored_alias = mirror.get_children().get(slug="mirrored-harbour-story")
    made["mirrored"] = Story(mirrored_alias.specific, mirrored.marks)
    made["under"] = make_story("under", {**filing, "parent": mirror}, None)
    # An alias of a section whose own page is open, under a restricted one: a second site.
    staging = Page.objects.get(depth=1).add_child(instance=HomePage(title="Staging", slug="stg"))
    drafts = staging.add_child(instance=ArticleIndexPage(title="Drafts", slug="drafts"))
    staged = make_story("staged", {**filing, "parent": drafts}, None)
    drafts_mirror = drafts.create_alias(
        parent=home_page, update_slug="drafts-mirror", recursive=True
    )
    made["staged"] = Story(drafts_mirror.get_children().get().specific, staged.marks)
    PageViewRestriction.objects.create(page=staging, restriction_type="login")
    if restrict:
        PageViewRestriction.objects.create(page=locked, restriction_type="password", password="x")
    return made, locked


@pytest.fixture
def aliased(stories: dict[str, Story], home: HomePage) -> dict[str, Story]:
    """The public, private and secret stories, and the aliased ones, all restricted."""
    return {**stories, **aliased_stories(home)[0]}


@pytest.mark.parametrize("prefix", ["", "/pt"])
def test_aliases_of_restricted_pages_ask_for_what_their_source_asks(
    client: Any, aliased: dict[str, Story], prefix: str
) -> None:
    """Served, not only listed: Wagtail's own check looks at an alias's source but not at the
    sections above the source, so an alias of an article in a locked desk opened for anyone."""
    for name in ("alias", "mirrored", "under", "staged"):
        response = client.get(prefix + aliased[name].page.url)
        text = response.content.decode()
        assert f"zebra{name}" not in text, f"the {name} alias serves its text"
        if prefix and response.status_code == 404:
            continue  # no translation of the alias itself: nothing served
        if name == "staged":  # under a site that asks for a sign-in
            assert response.status_code == 302 and "login" in response["Location"]
        else:
            assert response.status_code == 200 and 'type="password"' in text, name


def test_aliases_of_restricted_pages_are_not_readable(aliased: dict[str, Story]) -> None:
    readable = set(readable_articles().values_list("pk", flat=True))
    assert aliased["public"].page.pk in readable
    names = ("alias", "mirrored", "under", "staged")
    assert [name for name in names if aliased[name].page.pk in readable] == []


# The front page, the public section an alias article is in, the region every aliased article
# is filed under, their feeds and search.
ALIAS_SURFACES = ["/", "/articles/", "/regions/bay/", "/feed/rss/", "/regions/bay/feed/atom/"]


@pytest.mark.parametrize("path", [*ALIAS_SURFACES, "/search/"])
def test_aliases_of_restricted_pages_stay_out_of_listings_feeds_and_search(
    client: Any, aliased: dict[str, Story], path: str
) -> None:
    response = client.get(path, {"q": "harbour"} if path == "/search/" else {})
    assert response.status_code == 200
    assert_only_public(response.content.decode(), aliased, path)


def test_aliases_of_restricted_pages_stay_out_of_the_sitemap(
    client: Any, aliased: dict[str, Story], settings: Any
) -> None:
    settings.MASTHEAD_BASE_URL = "http://testserver"
    text = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/articles/public-harbour-story/" in text
    assert [address for address in ALIAS_ADDRESSES if address in text] == []


def test_restricting_the_source_takes_its_aliases_out_of_cached_pages_at_once(
    client: Any, stories: dict[str, Story], home: HomePage
) -> None:
    made, locked = aliased_stories(home, restrict=False)
    warm(client, ALIAS_SURFACES)
    assert shows(client, "/articles/", made["alias"].marks[0])
    assert shows(client, "/", made["under"].marks[0])
    PageViewRestriction.objects.create(page=locked, restriction_type="password", password="x")
    for path in ALIAS_SURFACES:
        assert_only_public(client.get(path).content.decode(), made, path)


def test_restricting_an_aliased_article_takes_its_aliases_out_of_cached_pages_at_once(
    client: Any, home: HomePage
) -> None:
    """A restriction on an article alone (no page under it) purges its aliases' listings too."""
    home_page = Page.objects.get(pk=home.pk)
    desk = home_page.add_child(instance=ArticleIndexPage(title="Desk", slug="desk"))
    source = ArticleFactory(title="A story told twice", slug="told-twice", parent=desk)
    told = source.create_alias(parent=ArticleIndexPage.objects.get(slug="articles"))
    warm(client, ["/articles/"])
    assert shows(client, "/articles/", "A story told twice")
    PageViewRestriction.objects.create(page=source, restriction_type="login")
    assert not shows(client, "/articles/", "A story told twice")
    assert not readable_articles().filter(pk=told.pk).exists()


def test_the_restricted_places_follow_chains_of_aliases_and_name_each_place_once(
    aliased: dict[str, Story], home: HomePage
) -> None:
    """An alias of an alias is left out too; the pages of an alias of a whole section are not
    named one by one (each would be one more term in every listing's query)."""
    wire = Page.objects.get(pk=home.pk).add_child(
        instance=ArticleIndexPage(title="Wire", slug="wire")
    )
    twice = aliased["alias"].page.create_alias(parent=wire)
    assert not readable_articles().filter(pk=twice.pk).exists()
    places = {
        (page.path, page.depth)
        for page in Page.objects.filter(
            slug__in=["locked-desk", "stg", "locked-desk-mirror", "drafts-mirror"]
        )
    }
    places |= {(page.path, page.depth) for page in (aliased["alias"].page, twice)}
    places |= {
        (story.page.path, story.page.depth)
        for story in aliased.values()
        if story.page.view_restrictions.exists()
    }
    assert sorted(places) == restricted_sections()

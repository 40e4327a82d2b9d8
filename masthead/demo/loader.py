"""Load the demo publication, "The Meridian Review", into whatever database is configured.

Its content comes from the data files under ``demo/content/`` (read and checked by
``content_files``); this module turns them into pages, images, settings and accounts.

Idempotent: every object is looked up by its slug (or title, for images) before it is made, so
running the loader again changes nothing and duplicates nothing. That holds for the scheduled
article too: once made, it is left to the clock, scheduled or already published.
"""

from __future__ import annotations

import datetime as dt
import io
import secrets
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.rich_text import RichText
from wagtail.search.index import insert_or_update_object

from masthead.community.demo import load_demo_comments
from masthead.importers.mapping import load_mapping
from masthead.importers.media import MediaOptions
from masthead.importers.services import ImportOptions, import_export
from masthead.importers.sources.wordpress import WordPressExport
from masthead.membership.demo import load_demo_membership
from masthead.news.models import (
    ArticleAuthor,
    ArticleIndexPage,
    ArticlePage,
    AuthorPage,
    CreditedImage,
    HomePage,
    PublicationSettings,
    RegionPage,
    ReportPage,
    ReportPinnedArticle,
    SectionIndexPage,
    ThemePage,
)
from masthead.newsletter.demo import load_demo_newsletter
from masthead.syndication.demo import load_demo_syndication

from .content_files import DemoContent, demo_content
from .credentials import read_all_demo_credentials, write_demo_credentials
from .images import illustration

# Every rendition the templates and feeds ask for, made now so the first visits are fast.
RENDITION_SPECS = [
    "fill-480x270",
    "fill-800x450",
    "fill-1200x675",
    "fill-1600x900",
    "fill-1200x630",
    "fill-320x180",
    "fill-640x360",
    "width-1200",
]
PHOTO_RENDITION_SPECS = ["fill-96x96", "fill-160x160"]
STAFF_ACCOUNTS = [
    # (role, username, group or None for the superuser)
    ("admin", "admin", None),
    ("editor", "editor", "Editors"),
    ("contributor", "contributor", "Contributors"),
]

# Kept beside the staff logins so the banner can show the embargoed article's password.
PAGE_PASSWORD_ROLE = "page-password"  # noqa: S105 - a label, not a password

P = TypeVar("P", bound=Page)

# The Meridian's old WordPress blog, moved in by the WordPress importer; its old addresses
# redirect (the demo banner names one).
WORDPRESS_ARCHIVE = Path(__file__).parent / "wordpress"
OLD_WORDPRESS_ADDRESS = "/2019/03/weekly-market-currency/"
ARCHIVE_IMAGES = {
    "2019/03/market-day.jpg": ["#c98a3d", "#2c4a6e"],
    "2020/06/desalination.jpg": ["#2f7f6f", "#8a9aa6"],
    "2021/02/ballot-radio.jpg": ["#a8323a", "#f1e6d0"],
}


@dataclass
class DemoLoadSummary:
    created: dict[str, int] = field(default_factory=dict)
    site_url: str = ""

    def count(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1

    def __str__(self) -> str:
        if not self.created:
            return f"The demo publication was already loaded; nothing changed ({self.site_url})."
        # Every kind is a regular English plural ("scheduled articles", "region pages").
        made = ", ".join(
            f"{number} {kind if number != 1 else kind.removesuffix('s')}"
            for kind, number in self.created.items()
        )
        return f"Loaded the demo publication at {self.site_url}: created {made}."


def load_demo(
    *,
    hostname: str = "127.0.0.1",
    port: int = 8000,
    progress: Callable[[Iterable[Any]], Any] = iter,
) -> DemoLoadSummary:
    """Create what is missing of the demo publication; ``progress`` wraps the article loop."""
    summary = DemoLoadSummary(site_url=f"http://{hostname}:{port}/")
    content = demo_content()
    site = _configure_site(hostname, port, content)
    _configure_publication(site, content)
    _ensure_staff(summary)
    collection = _demo_collection()

    authors = {
        spec["slug"]: _ensure_page(
            AuthorPage,
            _section("authors"),
            spec["slug"],
            summary,
            title=spec["name"],
            bio=spec["bio"],
            website_url=spec.get("website_url", ""),
            mastodon_url=spec.get("mastodon_url", ""),
            photo=_ensure_image(
                f"Portrait of {spec['name']}",
                [spec["photo_colour"], "#f4efe6"],
                collection,
                summary,
                size=(480, 480),
                credit="Illustration: The Meridian Review",
                renditions=PHOTO_RENDITION_SPECS,
            ),
        )
        for spec in content.authors
    }
    regions, themes = (
        {
            spec["slug"]: _ensure_page(
                model,
                _section(section),
                spec["slug"],
                summary,
                title=spec["title"],
                description=spec["description"],
            )
            for spec in specs
        }
        for model, section, specs in (
            (RegionPage, "regions", content.regions),
            (ThemePage, "themes", content.themes),
        )
    )
    reports = {
        spec["slug"]: _ensure_page(
            ReportPage,
            _section("reports"),
            spec["slug"],
            summary,
            title=spec["title"],
            introduction=spec["introduction"],
            image=_ensure_image(
                spec["title"],
                [spec["image_colour"], "#1b2433"],
                collection,
                summary,
                credit="Illustration: The Meridian Review",
            ),
        )
        for spec in content.reports
    }

    now = timezone.now()
    articles_index = ArticleIndexPage.objects.get()
    articles = []
    for spec in progress(content.listed_articles):
        articles.append(
            _ensure_article(
                spec, articles_index, authors, regions, themes, reports, collection, now, summary
            )
        )
    _pin_report_articles(reports, summary)
    _import_wordpress_archive(summary)
    _set_lead_story(articles)
    for spec in content.password_protected_articles:
        embargoed = _ensure_article(
            spec, articles_index, authors, regions, themes, reports, collection, now, summary
        )
        _ensure_page_password(embargoed, summary)
    for spec in content.scheduled_articles:
        # Its minutes count from the moment it is made, near the end of the load.
        _ensure_article(
            spec,
            articles_index,
            authors,
            regions,
            themes,
            reports,
            collection,
            timezone.now(),
            summary,
        )
    for _rule in range(load_demo_syndication(site, content.syndication, articles)):
        summary.count("republishing rules")
    _reader, created = load_demo_newsletter()
    if created:
        summary.count("newsletter subscribers")
    _index_now(site, collection)
    for _comment in range(load_demo_comments(articles)):
        summary.count("comments")
    members_only = {spec["slug"] for spec in content.listed_articles if spec["members_only"]}
    for kind, number in load_demo_membership(
        [article for article in articles if article.slug in members_only]
    ).items():
        summary.created[kind] = summary.created.get(kind, 0) + number
    return summary


# --- Site and people --------------------------------------------------------------------------
def _configure_site(hostname: str, port: int, content: DemoContent) -> Site:
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.site_name = content.publication["name"]
    site.root_page = HomePage.objects.get()
    site.save()
    return site


def _configure_publication(site: Site, content: DemoContent) -> None:
    spec = content.publication
    publication = PublicationSettings.for_site(site)
    publication.publication_name = spec["name"]
    publication.tagline = spec["tagline"]
    publication.copyright_holder = spec["copyright_holder"]
    publication.republishing_policy = spec["republishing_note"]
    publication.disclaimer = spec["disclaimer"]
    publication.article_footer_note = spec["article_footer_note"]
    publication.media_inquiries_email = spec["media_inquiries_email"]
    publication.mastodon_url = spec.get("mastodon_url", "")
    publication.bluesky_url = spec.get("bluesky_url", "")
    publication.save()
    home = HomePage.objects.get()
    if home.title != spec["name"]:
        home.title = spec["name"]
        home.save_revision().publish()


def _ensure_staff(summary: DemoLoadSummary) -> None:
    """The admin, an editor and a contributor, each with a generated password kept in var/."""
    User = get_user_model()
    known = read_all_demo_credentials()
    accounts = dict(known)
    for role, username, group_name in STAFF_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is not None and role in known:
            accounts[role] = known[role]
            continue
        password = secrets.token_urlsafe(12)
        if user is None:
            user = User(username=username, email=f"{username}@meridian.example")
            summary.count("staff accounts")
        user.first_name = role.capitalize()
        user.is_staff = group_name is None
        user.is_superuser = group_name is None
        user.set_password(password)
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        accounts[role] = (username, password)
    write_demo_credentials(accounts)


# --- Images -----------------------------------------------------------------------------------
def _demo_collection() -> Collection:
    existing = Collection.objects.filter(name="Demo illustrations").first()
    return existing or Collection.get_first_root_node().add_child(name="Demo illustrations")


def _ensure_image(
    title: str,
    colours: list[str],
    collection: Collection,
    summary: DemoLoadSummary,
    *,
    size: tuple[int, int] = (1600, 900),
    credit: str = "",
    credit_url: str = "",
    renditions: list[str] = RENDITION_SPECS,
) -> CreditedImage:
    image = CreditedImage.objects.filter(title=title, collection=collection).first()
    if image is None:
        data = illustration(title, colours, size)
        image = CreditedImage.objects.create(
            title=title,
            collection=collection,
            credit=credit,
            credit_url=credit_url,
            file=ImageFile(io.BytesIO(data), name=f"{slugify(title)[:60] or 'illustration'}.jpg"),
        )
        summary.count("images")
    # All at once: Wagtail reads the original once and makes them on threads (Pillow lets go
    # of the interpreter lock while it decodes and resizes), then saves them in one query.
    image.get_renditions(*renditions)
    return image


# --- Pages ------------------------------------------------------------------------------------
def _index_now(site: Site, collection: Collection) -> None:
    """Search finds every demo article, and the admin's usage counts are right, the moment the
    banner shows: index here rather than wait for the worker's queued index jobs."""
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).specific()
    images = CreditedImage.objects.filter(collection=collection)
    for item in [*pages, *images]:
        insert_or_update_object(item)
        ReferenceIndex.create_or_update_for_object(item)


def _section(slug: str) -> SectionIndexPage:
    return SectionIndexPage.objects.get(slug=slug)


def _ensure_page(
    model: type[P], parent: Page, slug: str, summary: DemoLoadSummary, **fields: Any
) -> P:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    summary.count(f"{model._meta.verbose_name} pages")
    return page


def _body(blocks: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [(kind, RichText(value) if kind == "paragraph" else value) for kind, value in blocks]


@transaction.atomic
def _ensure_article(
    spec: dict[str, Any],
    parent: ArticleIndexPage,
    authors: dict[str, AuthorPage],
    regions: dict[str, RegionPage],
    themes: dict[str, ThemePage],
    reports: dict[str, ReportPage],
    collection: Collection,
    now: dt.datetime,
    summary: DemoLoadSummary,
) -> ArticlePage:
    existing = ArticlePage.objects.child_of(parent).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    image_spec = spec["image"]
    image = _ensure_image(
        image_spec["title"],
        image_spec["colours"],
        collection,
        summary,
        credit=image_spec["credit"],
        credit_url=image_spec.get("credit_url", ""),
    )
    published_at = go_live_at = None
    if spec["scheduled"]:
        # On the minute, as the admin's date picker sets it (and as the banner shows it).
        go_live_at = now + dt.timedelta(minutes=spec["scheduled"]["minutes_after_load"] + 1)
        go_live_at = go_live_at.replace(second=0, microsecond=0)
    else:
        day = (now - dt.timedelta(days=spec["published"]["days_ago"])).date()
        published_at = timezone.make_aware(
            dt.datetime.combine(day, dt.time(spec["published"]["hour"], 0))
        )
        published_at = min(published_at, now - dt.timedelta(minutes=5))
    article = ArticlePage(
        title=spec["title"],
        slug=spec["slug"],
        standfirst=spec["standfirst"],
        body=_body(spec["body"]),
        published_at=published_at,
        go_live_at=go_live_at,
        featured_image=image,
        featured_image_alt=image_spec["alt"],
        featured_image_caption=image_spec["caption"],
        originally_published_at=spec["originally_published_at"],
        selected_for_newsletter=spec["newsletter"],
        live=False,
    )
    parent.add_child(instance=article)
    for position, slug in enumerate(spec["authors"]):
        ArticleAuthor.objects.create(article=article, author=authors[slug], sort_order=position)
    article.regions.set([regions[slug] for slug in spec["regions"]])
    article.themes.set([themes[slug] for slug in spec["themes"]])
    article.reports.set([reports[slug] for slug in spec["reports"]])
    revision = article.save_revision()
    # With a go-live date ahead, Wagtail schedules rather than publishes, as the admin's
    # "Schedule" does: the draft stays unpublished and the revision carries the date
    # (approved_go_live_at), where ``masthead clock`` finds it. The publication date is then
    # left empty, as an editor leaves it, and becomes the go-live date when it goes live.
    revision.publish()
    if go_live_at is not None:
        summary.count("scheduled articles")
        return ArticlePage.objects.get(pk=article.pk)
    # Publishing stamps first_published_at with the load time; the demo's history says otherwise.
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=published_at, last_published_at=published_at
    )
    summary.count("articles")
    return ArticlePage.objects.get(pk=article.pk)


def _pin_report_articles(reports: dict[str, ReportPage], summary: DemoLoadSummary) -> None:
    """Each report pins its oldest article, the piece that opened the dossier."""
    for report in reports.values():
        if report.pinned_articles.exists():
            continue
        first = ArticlePage.objects.live().filter(reports=report).order_by("published_at").first()
        if first is not None:
            # Through the cluster and a revision, so the editor sees the pin too.
            report.pinned_articles.add(ReportPinnedArticle(article=first, sort_order=0))
            report.save_revision().publish()
            summary.count("pinned articles")


def _ensure_page_password(article: ArticlePage, summary: DemoLoadSummary) -> None:
    """Put ``article`` behind a generated page password, kept with the staff logins."""
    accounts = read_all_demo_credentials()
    restriction = PageViewRestriction.objects.filter(page=article).first()
    if restriction is not None and PAGE_PASSWORD_ROLE in accounts:
        return
    password = secrets.token_urlsafe(9)
    if restriction is None:
        restriction = PageViewRestriction(page=article)
        summary.count("password-protected articles")
    restriction.restriction_type = PageViewRestriction.PASSWORD
    restriction.password = password
    restriction.save()
    accounts[PAGE_PASSWORD_ROLE] = (article.url, password)
    write_demo_credentials(accounts)


def _import_wordpress_archive(summary: DemoLoadSummary) -> None:
    """Three posts from the old blog, through ``import-wordpress``'s own service, with its
    uploads folder drawn on the fly (the project ships no photographs)."""
    with tempfile.TemporaryDirectory() as folder:
        uploads = Path(folder)
        for name, colours in ARCHIVE_IMAGES.items():
            (uploads / name).parent.mkdir(parents=True, exist_ok=True)
            (uploads / name).write_bytes(illustration(name, colours))
        result = import_export(
            WordPressExport(WORDPRESS_ARCHIVE / "archive.xml"),
            ImportOptions(
                mapping=load_mapping(WORDPRESS_ARCHIVE / "mapping.yaml"),
                media=MediaOptions(uploads_dir=uploads),
            ),
        )
    if result.created["articles"]:
        summary.created["articles moved in from WordPress"] = result.created["articles"]
    for article in ArticlePage.objects.filter(featured_image__isnull=False):
        for spec in RENDITION_SPECS:
            article.featured_image.get_rendition(spec)


def _set_lead_story(articles: list[ArticlePage]) -> None:
    home = HomePage.objects.get()
    if home.lead_article_id or not articles:
        return
    lead = max(articles, key=lambda article: article.published_at)
    home.lead_article = lead
    home.save_revision().publish()

"""An article as one reader sees it: one immutable value, built in one place.

Article pages, listings, feeds, the sitemap, JSON-LD and the newsletter all show
:class:`ReaderArticle` values made by :func:`reader_articles`, whatever the language. In the
publication's language a value carries the article's own words; in another language it
carries the version an app registered through
:data:`~masthead.news.extensions.ARTICLE_VERSIONS_HOOK` (the translation app), and links to
that version's URL. An article nobody has in that language stays in the original and links to
the original, so no listing ever links to a page that doesn't exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import HttpRequest
from django.utils import translation
from wagtail import hooks
from wagtail.blocks import StreamValue

from .extensions import ARTICLE_VERSIONS_HOOK, ArticleVersion

if TYPE_CHECKING:
    from .models import ArticlePage, AuthorPage, CreditedImage, RegionPage, ReportPage, ThemePage


@dataclass(frozen=True)
class ReaderArticle:
    """An article's words, address and surroundings in the language the reader gets it in."""

    page: ArticlePage  # the original: its id, images, dates; never shown for its words
    language: str
    headline: str
    standfirst: str
    url: str
    full_url: str
    authors: tuple[AuthorPage, ...]
    # Where the article is filed; None where only teasers were asked for (a teaser shows none).
    regions: tuple[RegionPage, ...] | None
    themes: tuple[ThemePage, ...] | None
    reports: tuple[ReportPage, ...] | None
    image: CreditedImage | None
    image_alt: str
    image_caption: str
    published_at: dt.datetime | None
    updated_at: dt.datetime | None
    # The body as a StreamValue; None where only teasers were asked for.
    body: StreamValue | None = None
    machine_translated: bool = False
    reviewed: bool = False
    via_language: str = ""

    @property
    def id(self) -> int:
        return self.page.pk

    @property
    def direction(self) -> str:
        return "rtl" if self.language.split("-")[0] in settings.LANGUAGES_BIDI else "ltr"

    @property
    def is_original(self) -> bool:
        return self.language == settings.LANGUAGE_CODE

    @property
    def modified_at(self) -> dt.datetime | None:
        page = self.page
        return self.updated_at or page.last_published_at or self.published_at

    @property
    def originally_published_at(self) -> str:
        return self.page.originally_published_at


# What readers are shown of an article's filing and authors (a link and a name; an author's
# bio and photo): SQL for the page's other columns costs more to build than to run.
FILING_FIELDS = ("title", "url_path", "live")
BYLINE_FIELDS = ("sort_order", "article", "author")
AUTHOR_FIELDS = ("title", "url_path", "live", "bio", "photo")


def reader_articles(
    articles: Iterable[ArticlePage],
    language: str | None = None,
    *,
    request: HttpRequest | None = None,
    with_body: bool = False,
    with_filing: bool = True,
) -> list[ReaderArticle]:
    """The articles as readers of ``language`` (default: the active one) see them, in order.

    Costs a fixed number of queries however many articles: their authors and filing are
    fetched in bulk, and each app's versions in one query. Listings of teasers pass
    ``with_filing=False``: a teaser shows no regions, themes or reports, and reading them
    cost a page of 50 teasers three queries and some 130 page objects.
    """
    articles = list(articles)
    original = settings.LANGUAGE_CODE
    language = language or translation.get_language() or original
    # Each author with their page and photo in the one query for the bylines (unless a
    # listing fetched the bylines already; then only the photos, once for all).
    from .models import ArticleAuthor, RegionPage, ReportPage, ThemePage

    bylines = (
        ArticleAuthor.objects.select_related("author__photo")
        .only(*BYLINE_FIELDS, *(f"author__{name}" for name in AUTHOR_FIELDS))
        .order_by("sort_order")
    )
    filing = [
        Prefetch("regions", queryset=RegionPage.objects.only(*FILING_FIELDS)),
        Prefetch("themes", queryset=ThemePage.objects.only(*FILING_FIELDS)),
        Prefetch("reports", queryset=ReportPage.objects.only(*FILING_FIELDS)),
    ]
    prefetch_related_objects(
        articles,
        Prefetch("article_authors", queryset=bylines),
        "article_authors__author__photo",
        *(filing if with_filing else []),
        "featured_image",
    )
    versions: dict[int, ArticleVersion] = {}
    if articles and language != original:
        for source in hooks.get_hooks(ARTICLE_VERSIONS_HOOK):
            versions.update(source.versions(articles, language, with_body))
    return [
        _reader_article(a, versions.get(a.pk), language, request, with_body, with_filing)
        for a in articles
    ]


def available_in(articles: QuerySet[ArticlePage], language: str) -> QuerySet[ArticlePage]:
    """``articles`` that readers of ``language`` can read in it (all, in the original)."""
    if language == settings.LANGUAGE_CODE:
        return articles
    available = Q(pk__in=[])
    for source in hooks.get_hooks(ARTICLE_VERSIONS_HOOK):
        available |= Q(pk__in=source.available(articles, language).values("pk"))
    return articles.filter(available)


def reader_article(
    article: ArticlePage, language: str | None = None, *, request: HttpRequest | None = None
) -> ReaderArticle:
    """One article with its body, for its own page."""
    return reader_articles([article], language, request=request, with_body=True)[0]


def _reader_article(
    article: ArticlePage,
    version: ArticleVersion | None,
    language: str,
    request: HttpRequest | None,
    with_body: bool,
    with_filing: bool,
) -> ReaderArticle:
    shown_language = language if version is not None else settings.LANGUAGE_CODE
    with translation.override(shown_language):
        _site_id, root_url, path = article.get_url_parts(request) or (None, "", "")
    body = None
    if version is None:
        headline, standfirst = article.title, article.standfirst
        image_alt, image_caption = article.featured_image_alt, article.featured_image_caption
        if with_body:
            body = article.body
    else:
        headline = version.headline or article.title
        standfirst = version.standfirst or article.standfirst
        image_alt = version.image_alt or article.featured_image_alt
        image_caption = version.image_caption or article.featured_image_caption
        if with_body and version.body_data is not None:
            body = StreamValue(article.body.stream_block, version.body_data, is_lazy=True)
    return ReaderArticle(
        page=article,
        language=shown_language,
        headline=headline,
        standfirst=standfirst,
        url=path or "",
        full_url=f"{root_url}{path}" if path else "",
        authors=tuple(link.author for link in article.article_authors.all() if link.author.live),
        regions=_live(article.regions.all()) if with_filing else None,
        themes=_live(article.themes.all()) if with_filing else None,
        reports=_live(article.reports.all()) if with_filing else None,
        image=article.featured_image,
        image_alt=image_alt,
        image_caption=image_caption,
        published_at=article.published_at,
        updated_at=article.updated_at,
        body=body,
        machine_translated=version is not None and version.machine_translated,
        reviewed=version is not None and version.reviewed,
        via_language=version.via_language if version is not None else "",
    )


FiledUnder = TypeVar("FiledUnder", "RegionPage", "ThemePage", "ReportPage")


def _live(pages: Iterable[FiledUnder]) -> tuple[FiledUnder, ...]:
    return tuple(page for page in pages if page.live)

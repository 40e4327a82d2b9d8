"""Reads for readers' pages, shaped so a page costs a fixed number of queries however many
articles it lists. Articles come only from :func:`~masthead.news.selectors.readable_articles`
and reach templates as :class:`~masthead.news.reader_articles.ReaderArticle` values."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django.db.models import Count, QuerySet, Window
from django.http import Http404, HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _

from . import models
from .attribution import attribution_for
from .extensions import paywalled_part
from .reader_articles import ReaderArticle, reader_article, reader_articles
from .selectors import is_readable, readable_articles, readable_pages
from .structured_data import news_article_json_ld

if TYPE_CHECKING:
    from .models import ArticlePage, HomePage, ReportPage

LATEST_ON_FRONT_PAGE = 12
ARTICLES_PER_REPORT = 4
# Newest first; ties on the date (articles imported together) broken by id.
NEWEST_FIRST = ("-published_at", "-pk")


def with_listing_relations(articles: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    """Newest first, with the teaser's image and its renditions fetched in bulk (the bylines
    and filing come with :func:`~masthead.news.reader_articles.reader_articles`)."""
    return (
        articles.order_by(*NEWEST_FIRST)
        .select_related("featured_image")
        .prefetch_related(TEASER_IMAGES)
    )


TEASER_IMAGES = "featured_image__renditions"


class IdsFirst:
    """A listing the paginator cuts by ids before it fetches rows, for deep pages: page 500 of
    a theme's 8,000 articles sorts (date, id) pairs to skip 5,988 of them, not whole articles
    (which outgrow the sort's memory and go to disk), then fetches the page's 20 rows.

    :meth:`prefetch_window` reads a deep page's ids and the listing's count in one query (a
    window count): the count alone joins and filters every article of the theme again, which
    was half of page 500's time at 100,000 articles."""

    ordered = True  # the queryset's order, which Paginator checks for

    def __init__(self, articles: QuerySet[ArticlePage]) -> None:
        self.articles = articles
        self._count: int | None = None
        self._window: tuple[int, list[int]] | None = None  # (start, ids from there)

    def prefetch_window(self, start: int, stop: int) -> None:
        """Read the ids of ``[start:stop]`` and the count together, for a page deep enough to
        be fetched by ids (nothing to do near the top, where the date index stops early)."""
        if start < DEEP_OFFSET:
            return
        rows = list(
            self.articles.annotate(listing_total=Window(Count("pk"))).values_list(
                "pk", "listing_total"
            )[start:stop]
        )
        if rows:  # past the end there is no row to carry the count: count() asks on its own
            self._count = rows[0][1]
            self._window = (start, [pk for pk, _total in rows])

    def count(self) -> int:
        if self._count is None:
            self._count = self.articles.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> Any:
        start = window.start or 0
        if start < DEEP_OFFSET:
            return self.articles[window]  # near the top, the index on the date stops early
        if self._window and self._window[0] == start:
            # The paginator asks for [start:count] on the last page: a prefix of what was read.
            ids = self._window[1][: None if window.stop is None else window.stop - start]
        else:
            ids = list(self.articles.values_list("pk", flat=True)[window])
        found = {article.pk: article for article in self.articles.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]


# From this many articles in, a listing page fetches ids first (page 17 at 12 a page).
DEEP_OFFSET = 200


def article_page_context(article: ArticlePage, request: HttpRequest) -> dict[str, Any]:
    """The article in the reader's language (a 404 where nobody has it in that language), its
    attribution line, its JSON-LD, the part of it not free to read, if any, and whether every
    reader may read it (for the fragments apps add to the page)."""
    language = translation.get_language()
    shown = reader_article(article, language, request=request)
    if shown.language != language:
        raise Http404(_("This article has not been translated into that language."))
    paywalled = paywalled_part(article, request)
    return {
        "article": shown,
        "attribution": attribution_for(shown, request),
        "json_ld": news_article_json_ld(shown, request, paywalled),
        "paywalled_part": paywalled,
        "article_readable": is_readable(article, request),
    }


def front_page_context(home: HomePage, request: HttpRequest | None = None) -> dict[str, Any]:
    """The lead story, the latest articles after it and a few articles from each report.

    Each place on the page reads only its articles' ids (:func:`report_block_ids` for the
    reports), then every article on the page is fetched once, with what its teaser shows:
    building a query of whole rows for each place cost more Python than the database spent
    answering them.
    """
    articles = readable_articles(request)
    newest = articles.order_by(*NEWEST_FIRST)
    latest_ids = list(newest.values_list("pk", flat=True)[: LATEST_ON_FRONT_PAGE + 1])
    reports = list(readable_pages(models.ReportPage.objects.all(), request).order_by("title"))
    block_ids = report_block_ids(newest, reports)
    wanted = {home.lead_article_id, *latest_ids, *(pk for ids in block_ids.values() for pk in ids)}
    # Not the body: a teaser shows none, and it is most of an article's row.
    found = with_listing_relations(articles.filter(pk__in=wanted - {None})).defer("body")
    shown = {a.id: a for a in reader_articles(found, request=request, with_filing=False)}
    lead = shown.get(home.lead_article_id) or (shown.get(latest_ids[0]) if latest_ids else None)
    latest = [shown[pk] for pk in latest_ids if pk in shown and shown[pk] is not lead]
    report_blocks = []
    for report in reports:
        block = [shown[pk] for pk in block_ids[report.pk] if pk in shown]
        if block:
            report_blocks.append({"report": report, "articles": block})
    return {"lead": lead, "latest": latest[:LATEST_ON_FRONT_PAGE], "report_blocks": report_blocks}


def report_block_ids(
    newest: QuerySet[ArticlePage], reports: list[ReportPage]
) -> dict[int, list[int]]:
    """The ids of each report's ``ARTICLES_PER_REPORT`` newest ``newest`` articles.

    One query reads the newest articles filed under any of the reports, a few blocks' worth
    for each, down the date index (a fixed number of rows however big the archive; ranking
    every report's articles with a window function instead read all of them); the first
    articles of a report in that order are its newest. Only a report with too few among them
    (one nobody has added to for a while) gets a query of its own."""
    per_block = ARTICLES_PER_REPORT
    block_ids: dict[int, list[int]] = {report.pk: [] for report in reports}
    if not reports:
        return block_ids
    limit = REPORT_ROWS_READ_TOGETHER * per_block * len(reports)
    rows = list(newest.filter(reports__in=reports).values_list("pk", "reports")[:limit])
    for pk, report_id in rows:
        if len(block_ids[report_id]) < per_block:
            block_ids[report_id].append(pk)
    if len(rows) < limit:
        return block_ids  # every report's articles were read to the end
    for report in reports:
        if len(block_ids[report.pk]) < per_block:
            ids = newest.filter(reports=report).values_list("pk", flat=True)[:per_block]
            block_ids[report.pk] = list(ids)
    return block_ids


# How many blocks' worth of rows report_block_ids reads for each report in its one query.
REPORT_ROWS_READ_TOGETHER = 3


def pinned_articles(report: ReportPage, request: HttpRequest | None = None) -> list[ReaderArticle]:
    """A report's pinned articles in the editor's order, leaving out any a reader may not see."""
    ids = [pin.article_id for pin in report.pinned_articles.all()]
    found = {a.pk: a for a in with_listing_relations(readable_articles().filter(pk__in=ids))}
    pinned = (found[i] for i in ids if i in found)
    return reader_articles(pinned, request=request, with_filing=False)


def search_articles(query: str) -> Any:
    """Readable articles matching every word of ``query``, best match first (Wagtail search).

    Only the words are searched for: quotes, stars and operators mean something to SQLite's
    and PostgreSQL's full-text syntax, and a stray one made the search fail."""
    words = re.findall(r"\w+", query)
    if not words:
        return readable_articles().none()
    return readable_articles().search(" ".join(words), operator="and")

"""Reads of published articles, shaped so a listing costs a fixed number of queries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, QuerySet

from .reader_language import in_reader_language

if TYPE_CHECKING:
    from .models import ArticlePage, HomePage

LATEST_ON_FRONT_PAGE = 12
ARTICLES_PER_REPORT_BLOCK = 4


def with_listing_relations(articles: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    """Newest first, with what a teaser shows (image, authors) fetched in bulk."""
    from .models import ArticleAuthor

    return (
        articles.order_by("-published_at", "-pk")
        .select_related("featured_image")
        .prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            ),
            "featured_image__renditions",
        )
    )


def front_page_context(home: HomePage) -> dict[str, Any]:
    """The lead story, the latest articles after it and a few articles from each report."""
    from .models import ArticlePage, ReportPage

    live_articles = with_listing_relations(ArticlePage.objects.live())
    lead = None
    if home.lead_article_id:
        lead = live_articles.filter(pk=home.lead_article_id).first()
    latest = list(live_articles[: LATEST_ON_FRONT_PAGE + 1])
    if lead is None and latest:
        lead = latest[0]
    latest = [article for article in latest if lead is None or article.pk != lead.pk]
    latest = in_reader_language(latest[:LATEST_ON_FRONT_PAGE])
    if lead is not None:
        [lead] = in_reader_language([lead])

    report_blocks = []
    for report in ReportPage.objects.live().order_by("title"):
        articles = in_reader_language(
            live_articles.filter(reports=report)[:ARTICLES_PER_REPORT_BLOCK]
        )
        if articles:
            report_blocks.append({"report": report, "articles": articles})
    return {"lead": lead, "latest": latest, "report_blocks": report_blocks}


def search_articles(query: str) -> Any:
    """Live articles matching ``query``, best match first (Wagtail search)."""
    from .models import ArticlePage

    return ArticlePage.objects.live().search(query, operator="and")

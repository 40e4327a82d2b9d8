"""Reader-facing views for translated pages (called from the ``on_serve_page`` hook)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from masthead.news.models import ArticlePage, FeedRoutesMixin
from masthead.news.structured_data import news_article_json_ld

from .feeds import TranslatedAtomFeed, TranslatedRssFeed
from .models import ArticleTranslation, TranslatedArticle


def serve_translated_article(
    request: HttpRequest, article: ArticlePage, translation: ArticleTranslation
) -> HttpResponse:
    """The article's own template, with the translation's headline, standfirst and body."""
    request.is_preview = False
    translated = TranslatedArticle(article, translation)
    context = article.get_context(request)
    context.update(
        {
            "page": translated,
            "self": translated,
            "page_translation": translation,
            "json_ld": news_article_json_ld(translated, request),
        }
    )
    return TemplateResponse(request, article.get_template(request), context)


def serve_translated_feed(request: HttpRequest, page: FeedRoutesMixin, route: str) -> HttpResponse:
    feed = TranslatedRssFeed() if route == "rss_feed" else TranslatedAtomFeed()
    return feed(request, landing_page=page)

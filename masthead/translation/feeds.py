"""Feeds in a reader's language: ``/pt/feed/rss/`` carries the Portuguese of each article."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation as i18n

from masthead.news.feeds import ArticleAtomFeed, ArticleRssFeed

from .models import ArticleTranslation, TranslatedArticle


def translated_items(landing_page: Any) -> list[TranslatedArticle]:
    language = i18n.get_language()
    articles = list(
        landing_page.listed_articles()
        .filter(
            translations__language=language, translations__status=ArticleTranslation.Status.DONE
        )
        .prefetch_related("themes", "regions")[: settings.MASTHEAD_FEED_ITEMS]
    )
    translations = {
        t.article_id: t
        for t in ArticleTranslation.objects.filter(article__in=articles, language=language).defer(
            "segments"
        )
    }
    return [TranslatedArticle(article, translations[article.pk]) for article in articles]


class TranslatedRssFeed(ArticleRssFeed):
    def items(self, landing_page: Any) -> Any:
        return translated_items(landing_page)


class TranslatedAtomFeed(ArticleAtomFeed):
    def items(self, landing_page: Any) -> Any:
        return translated_items(landing_page)

"""Articles in the reader's language, for listings: a seam that other apps fill in.

``news`` knows nothing of translation. An app that has an article's headline and standfirst in
another language registers a Wagtail hook named ``ARTICLE_TEXTS_HOOK``: it receives the listed
articles and the reader's language and returns ``{article id: ArticleText}`` for those it has,
in one query. Articles it doesn't have stay in the original and link to the original, so a
listing under ``/pt/`` never links to a Portuguese page that doesn't exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import translation
from wagtail import hooks

if TYPE_CHECKING:
    from .models import ArticlePage

ARTICLE_TEXTS_HOOK = "masthead_article_texts"


@dataclass(frozen=True)
class ArticleText:
    headline: str
    standfirst: str


def in_reader_language(articles: Iterable[ArticlePage]) -> list[ArticlePage]:
    """Set ``reader_headline``, ``reader_standfirst``, ``reader_url`` and ``reader_language`` on
    each article for the active language; returns the articles as a list."""
    articles = list(articles)
    original = settings.LANGUAGE_CODE
    language = translation.get_language() or original
    texts: dict[int, ArticleText] = {}
    if articles and language != original:
        for fetch_texts in hooks.get_hooks(ARTICLE_TEXTS_HOOK):
            texts.update(fetch_texts(articles, language))
    for article in articles:
        text = texts.get(article.pk)
        if text is not None:
            article.reader_headline, article.reader_standfirst = text.headline, text.standfirst
            article.reader_language, article.reader_url = language, article.url
            continue
        article.reader_headline, article.reader_standfirst = article.title, article.standfirst
        article.reader_language = original
        if language == original:
            article.reader_url = article.url
        else:
            with translation.override(original):
                article.reader_url = article.url
    return articles

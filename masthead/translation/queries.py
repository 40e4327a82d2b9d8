"""Reads: which versions of a page exist, and coverage figures for the admin and commands."""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation as i18n
from wagtail.models import Page

from masthead.news.models import ArticlePage

from .languages import NATIVE_NAMES, RTL_LANGUAGES
from .models import ArticleTranslation
from .routes import offered_languages


@dataclass
class LanguageVersion:
    code: str
    name: str
    url: str
    full_url: str
    current: bool

    @property
    def rtl(self) -> bool:
        return self.code in RTL_LANGUAGES


def translated_languages(article: ArticlePage) -> list[str]:
    """The languages an article can be read in besides the original, in the site's order."""
    done = set(
        ArticleTranslation.objects.filter(
            article=article,
            status=ArticleTranslation.Status.DONE,
            language__in=offered_languages(),
        ).values_list("language", flat=True)
    )
    return [code for code in NATIVE_NAMES if code in done]


SITE_LANGUAGES_KEY = "masthead:translation:site-languages"


def site_languages() -> list[str]:
    """The languages at least one article has been translated into (cached; the cache is
    dropped whenever translations change)."""
    languages = cache.get(SITE_LANGUAGES_KEY)
    if languages is None:
        languages = sorted(
            ArticleTranslation.objects.filter(status=ArticleTranslation.Status.DONE)
            .values_list("language", flat=True)
            .distinct()
            .order_by()
        )
        cache.set(SITE_LANGUAGES_KEY, languages, 300)
    return languages


def forget_site_languages(**kwargs: object) -> None:
    cache.delete(SITE_LANGUAGES_KEY)


# One answer per request: the head, the header and the article each show the versions.
_versions_by_request: WeakKeyDictionary[HttpRequest, dict[int | None, list[LanguageVersion]]] = (
    WeakKeyDictionary()
)


def language_versions(request: HttpRequest | None, page: Page | None) -> list[LanguageVersion]:
    """The page being shown, in every language it exists in (the original first)."""
    if request is None:
        return []
    by_page = _versions_by_request.setdefault(request, {})
    key = page.pk if page is not None else None
    if key not in by_page:
        by_page[key] = _language_versions(request, page)
    return by_page[key]


def _language_versions(request: HttpRequest, page: Page | None) -> list[LanguageVersion]:
    current = i18n.get_language()
    if isinstance(page, ArticlePage):
        codes = translated_languages(page)
    else:
        # Other pages exist in every language, but offer only those readers can find articles in.
        available = set(site_languages()) & set(offered_languages())
        codes = [c for c in NATIVE_NAMES if c in available]
    codes = [settings.LANGUAGE_CODE, *(c for c in codes if c != settings.LANGUAGE_CODE)]
    versions = []
    for code in codes:
        if page is not None:
            with i18n.override(code):
                url = page.get_url(request) or "/"
                full_url = page.get_full_url(request) or url
        else:
            url = translate_url(request.path, code)
            full_url = request.build_absolute_uri(url)
        versions.append(LanguageVersion(code, NATIVE_NAMES[code], url, full_url, code == current))
    return versions


def coverage_by_language() -> dict[str, dict[str, int]]:
    """{language: {status: number of articles}} over all translations."""
    figures: dict[str, dict[str, int]] = {}
    rows = ArticleTranslation.objects.values("language", "status").annotate(n=Count("id"))
    for row in rows:
        figures.setdefault(row["language"], {})[row["status"]] = row["n"]
    return figures


def coverage_by_engine() -> dict[str, int]:
    """{engine: number of article translations it made}."""
    counts: dict[str, int] = {}
    rows = ArticleTranslation.objects.filter(status=ArticleTranslation.Status.DONE).values_list(
        "engines", flat=True
    )
    for engines in rows.iterator():
        for engine in set(engines):  # a pivot through one engine counts once
            counts[engine] = counts.get(engine, 0) + 1
    return counts

"""How translation joins the reader's pages (through ``news``'s extension point) and the admin.

Readers: the articles' versions in other languages (:class:`TranslatedVersions`), and the page
fragments that offer them (hreflang links, the language switchers, the machine-translation
notice). Editors: the Translations area.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from masthead.news import extensions
from masthead.news.extensions import ArticleVersion, FragmentContext
from masthead.news.models import ArticlePage
from masthead.server.languages import SERVED_LANGUAGES_HOOK

from . import admin_urls
from .languages import language_name
from .models import ArticleTranslation
from .queries import language_versions
from .routes import offered_languages
from .texts import TranslatedTexts


class TranslatedVersions:
    """Finished translations into a configured language; a language taken out of the
    configuration has none, so its pages are 404s and nothing links to them."""

    def versions(
        self, articles: list[ArticlePage], language: str, with_body: bool
    ) -> dict[int, ArticleVersion]:
        if language not in offered_languages():
            return {}
        rows = ArticleTranslation.objects.filter(
            article_id__in=[article.pk for article in articles],
            language=language,
            status=ArticleTranslation.Status.DONE,
        ).defer("segments")
        if not with_body:
            rows = rows.defer("body")
        return {
            row.article_id: ArticleVersion(
                headline=row.title,
                standfirst=row.standfirst,
                body_data=row.body if with_body else None,
                image_caption=row.featured_image_caption,
                image_alt=row.featured_image_alt,
                machine_translated=True,
                reviewed=row.reviewed,
                via_language=row.via_language,
            )
            for row in rows
        }

    def available(self, articles: QuerySet[ArticlePage], language: str) -> QuerySet[ArticlePage]:
        if language not in offered_languages():
            return articles.none()
        return articles.filter(
            translations__language=language, translations__status=ArticleTranslation.Status.DONE
        )


hooks.register(extensions.ARTICLE_VERSIONS_HOOK, TranslatedVersions())
hooks.register(extensions.TEXT_VERSIONS_HOOK, TranslatedTexts())
# Purges reach a page in every language it is served in (masthead.server.languages).
hooks.register(SERVED_LANGUAGES_HOOK, offered_languages)


@extensions.fragment("head")
def alternate_links(context: FragmentContext) -> str:
    """``<link rel="alternate" hreflang>`` for every language the page exists in."""
    versions = language_versions(context.request, context.page)
    return render_to_string("translation/includes/alternates.html", {"versions": versions})


@extensions.fragment("header")
def header_switcher(context: FragmentContext) -> str:
    versions = language_versions(context.request, context.page)
    return render_to_string(
        "translation/includes/switcher.html", {"versions": versions, "label": _("Language")}
    )


@extensions.fragment("article_top")
def article_languages(context: FragmentContext) -> str:
    """The machine-translation notice (until an editor reviews the translation) and the
    article's own language switcher."""
    versions = language_versions(context.request, context.page)
    article = context.article
    return render_to_string(
        "translation/includes/article_languages.html",
        {
            "versions": versions,
            "original": versions[0] if versions else None,
            "machine_translated": article is not None
            and article.machine_translated
            and not article.reviewed,
            "label": _("Read in another language"),
            "via": language_name(article.via_language) if article is not None else "",
        },
    )


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [path("translations/", include(admin_urls, namespace="translation_admin"))]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm("translation.change_articletranslation")


@hooks.register("register_admin_menu_item")
def register_menu_item() -> MenuItem:
    return TranslationsMenuItem(
        _("Translations"),
        reverse("translation_admin:coverage"),
        icon_name="globe",
        order=350,
    )

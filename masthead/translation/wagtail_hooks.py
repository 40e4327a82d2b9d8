"""Serving translated pages through Wagtail's page tree, and the admin's Translations area."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import include, path, reverse
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from masthead.news.models import ArticlePage, FeedRoutesMixin
from masthead.news.reader_language import ARTICLE_TEXTS_HOOK, ArticleText

from . import admin_urls
from .models import ArticleTranslation

FEED_VIEWS = {"rss_feed", "atom_feed"}


@hooks.register("on_serve_page", order=100)
def serve_in_language(serve: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Under a language prefix, serve the article's translation (404 if there is none) and
    feeds of translated articles; every other page renders as usual in that language.

    An ``on_serve_page`` hook ordered after Wagtail's own, so view restrictions (private
    articles) apply to translations exactly as to the original.
    """

    def serve_translation(
        page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any
    ) -> HttpResponse:
        request.masthead_page = page
        language = get_language_from_path(request.path_info)
        if not language or language == settings.LANGUAGE_CODE:
            return serve(page, request, serve_args, serve_kwargs)
        from . import views

        if isinstance(page, ArticlePage):
            translation = (
                ArticleTranslation.objects.filter(
                    article=page, language=language, status=ArticleTranslation.Status.DONE
                )
                .defer("segments")
                .first()
            )
            if translation is None or language not in settings.MASTHEAD_TRANSLATION_LANGUAGES:
                raise Http404(_("This article has not been translated into that language."))
            request.masthead_translation = translation
            return views.serve_translated_article(request, page, translation)
        route = serve_args[0] if serve_args else None
        if isinstance(page, FeedRoutesMixin) and getattr(route, "__name__", "") in FEED_VIEWS:
            return views.serve_translated_feed(request, page, route.__name__)
        return serve(page, request, serve_args, serve_kwargs)

    return serve_translation


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


@hooks.register(ARTICLE_TEXTS_HOOK)
def translated_article_texts(articles: list[ArticlePage], language: str) -> dict[int, ArticleText]:
    """Headlines and standfirsts of the listed articles that are translated into ``language``,
    in one query, for listings under ``/<lang>/``; none for a language no longer configured,
    which is served as a 404."""
    if language not in settings.MASTHEAD_TRANSLATION_LANGUAGES:
        return {}
    rows = ArticleTranslation.objects.filter(
        article_id__in=[article.pk for article in articles],
        language=language,
        status=ArticleTranslation.Status.DONE,
    ).values_list("article_id", "title", "standfirst")
    return {article_id: ArticleText(title, standfirst) for article_id, title, standfirst in rows}

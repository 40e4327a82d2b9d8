"""React to news events by queueing work; the work itself is in tasks.py and services.py."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.signals import page_published

from masthead.news.models import (
    ArticleIndexPage,
    ArticlePage,
    AuthorPage,
    PublicationSettings,
    RegionPage,
    ReportPage,
    SectionIndexPage,
    ThemePage,
)
from masthead.server.purging import purge_article


def queue_article_translation(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    if not instance.live:
        # Scheduled for later: Wagtail sends ``page_published`` now and again at go-live, and
        # a draft's translation would only wait unread (and count its languages as the site's).
        return
    from .tasks import translate_article_task

    article_id = instance.pk
    transaction.on_commit(lambda: translate_article_task.enqueue(article_id))


def queue_texts_translation(sender: type, **kwargs: Any) -> None:
    from .tasks import translate_texts_task

    transaction.on_commit(lambda: translate_texts_task.enqueue())


def connect() -> None:
    from .queries import forget_site_languages
    from .signals import translations_changed
    from .texts import forget_texts

    translations_changed.connect(forget_site_languages, dispatch_uid="forget_site_languages")
    translations_changed.connect(forget_texts, dispatch_uid="forget_texts")
    # A new or corrected translation changes /<lang>/ pages and the language switchers.
    translations_changed.connect(purge_article, dispatch_uid="translation_page_cache")
    page_published.connect(
        queue_article_translation, sender=ArticlePage, dispatch_uid="translation_on_publish"
    )
    # Names, descriptions, bios and the publication's notes: whole pages in every language.
    for model in (
        RegionPage,
        ThemePage,
        ReportPage,
        AuthorPage,
        SectionIndexPage,
        ArticleIndexPage,
    ):
        page_published.connect(
            queue_texts_translation, sender=model, dispatch_uid=f"texts_on_publish_{model.__name__}"
        )
    post_save.connect(
        queue_texts_translation, sender=PublicationSettings, dispatch_uid="texts_on_settings"
    )

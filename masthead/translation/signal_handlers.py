"""React to news events by queueing work; the work itself is in tasks.py and services.py."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from wagtail.signals import page_published

from masthead.news.models import ArticlePage
from masthead.server.purging import purge_article


def queue_article_translation(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    from .tasks import translate_article_task

    article_id = instance.pk
    transaction.on_commit(lambda: translate_article_task.enqueue(article_id))


def connect() -> None:
    from .queries import forget_site_languages
    from .signals import translations_changed

    translations_changed.connect(forget_site_languages, dispatch_uid="forget_site_languages")
    # A new or corrected translation changes /<lang>/ pages and the language switchers.
    translations_changed.connect(purge_article, dispatch_uid="translation_page_cache")
    page_published.connect(
        queue_article_translation, sender=ArticlePage, dispatch_uid="translation_on_publish"
    )

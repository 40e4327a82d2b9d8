"""A policy or image-reuse change shows on readers' pages (the Republish control, licence
links, feeds): the page cache goes stale at once, as for any other visible change."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from masthead.server.page_cache import invalidate_pages

from .models import ArticlePolicy, ImageReuse


def connect() -> None:
    for model in (ArticlePolicy, ImageReuse):
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate_pages,
                sender=model,
                dispatch_uid=f"syndication-{model.__name__}-{id(signal)}",
            )

"""A policy or image-reuse change shows on readers' pages (the Republish control, licence
links, feeds): the article's pages are purged at once, as for any other visible change."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from masthead.server.purging import purge, purge_article

from .models import ArticlePolicy, ImageReuse


def _purge_shown_pages(sender: type, instance: ArticlePolicy | ImageReuse, **_: object) -> None:
    # A policy belongs to one article; an image's reuse terms show wherever the image does.
    purge_article(instance.article_id) if isinstance(instance, ArticlePolicy) else purge(None)


def connect() -> None:
    for model in (ArticlePolicy, ImageReuse):
        for signal in (post_save, post_delete):
            signal.connect(
                _purge_shown_pages,
                sender=model,
                dispatch_uid=f"syndication-{model.__name__}-{id(signal)}",
            )

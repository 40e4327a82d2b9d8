"""What membership changes must do to readers' cached pages: a members-only flag purges that
article's pages (so a page cached with its full text is never served after it became
members-only); campaigns and tiers show on every article, so they purge everything."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from masthead.server.purging import purge, purge_article

from .models import Campaign, MembersOnlyArticle, Tier


def _purge_readers_pages(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, MembersOnlyArticle):
        purge_article(instance.article_id)
    else:
        purge(None)


for _model in (MembersOnlyArticle, Campaign, Tier):
    post_save.connect(
        _purge_readers_pages, sender=_model, dispatch_uid=f"membership-{_model.__name__}"
    )
    post_delete.connect(
        _purge_readers_pages, sender=_model, dispatch_uid=f"membership-del-{_model.__name__}"
    )

"""What membership changes must do to readers' cached pages: anything that decides what a
page shows (members-only flags, campaigns, tiers) empties the page cache, so a page cached
with an article's full text is never served after the article became members-only."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from masthead.server.page_cache import invalidate_pages

from .models import Campaign, MembersOnlyArticle, Tier

for _model in (MembersOnlyArticle, Campaign, Tier):
    post_save.connect(invalidate_pages, sender=_model, dispatch_uid=f"membership-{_model.__name__}")
    post_delete.connect(
        invalidate_pages, sender=_model, dispatch_uid=f"membership-del-{_model.__name__}"
    )

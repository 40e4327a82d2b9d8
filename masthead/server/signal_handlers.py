"""Receivers that keep the page cache honest: anything readers can see changed, pages go stale."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .page_cache import invalidate_pages

# Saved objects whose change shows on public pages: settings in the chrome, image credits, and
# view restrictions (an article made private must leave every cached listing and feed at once).
_VISIBLE_MODELS = (BaseSiteSetting, AbstractImage, BaseViewRestriction)


def _invalidate_on_visible_change(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, BaseSiteSetting) and kwargs.get("created"):
        return  # made with its defaults on first read, while a page was being rendered
    if isinstance(instance, _VISIBLE_MODELS) or (
        isinstance(instance, Page) and instance.live and kwargs.get("signal") is post_delete
    ):
        invalidate_pages()


def connect() -> None:
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(invalidate_pages, dispatch_uid=f"page-cache-{id(signal)}")
    post_save.connect(_invalidate_on_visible_change, dispatch_uid="page-cache-post-save")
    post_delete.connect(_invalidate_on_visible_change, dispatch_uid="page-cache-post-delete")

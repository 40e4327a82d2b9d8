"""Receivers that keep the page cache honest: whatever readers can see changed, exactly the
pages that show it are purged (see :mod:`.purging`); the rest keep their cache."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .purging import held, page_paths, purge


def _published_or_unpublished(sender: type, instance: Page, **kwargs: Any) -> None:
    if held():
        return  # which paths is not worked out: everything is purged when the hold ends
    purge(page_paths(instance))


def _slug_changed(sender: type, instance: Page, instance_before: Page, **kwargs: Any) -> None:
    if held():
        return
    purge(page_paths(instance, [instance_before.url_path]))


def _moved(sender: type, instance: Page, url_path_before: str, **kwargs: Any) -> None:
    if held():
        return
    purge(page_paths(instance, [url_path_before]))


def _before_page_save(sender: type, instance: Page, **kwargs: Any) -> None:
    # A published edit may take the article off a region or report: purge where it showed
    # before the edit too. Draft saves (update_fields set) change nothing readers see.
    if kwargs.get("update_fields") is None and instance.pk and instance.live:
        if held():
            return
        stored = Page.objects.filter(pk=instance.pk, live=True).first()
        if stored is not None:
            purge(page_paths(stored))


def _page_created(sender: type, instance: Page, created: bool, **kwargs: Any) -> None:
    if not created or held():
        return
    if instance.alias_of_id is not None:
        # An alias (and what is under it) is served under its source's view restrictions,
        # which the site-wide reads then stop taking for granted (``may_be_restricted``).
        purge(None)
    elif instance.live:
        # Made live without being published (by code, not the editor): it shows at once, in
        # its listings and, for a section, in the routes and menu each process keeps.
        purge(page_paths(instance))


def _before_page_delete(sender: type, instance: Page, **kwargs: Any) -> None:
    if instance.live and not held():
        purge(page_paths(instance))


def _view_restriction_changed(sender: type, instance: BaseViewRestriction, **kwargs: Any) -> None:
    page = getattr(instance, "page", None)
    if held():
        return
    if page is None or page.get_children_count() or page.aliases.exists():
        # A section: every article under it and every listing of them; or a page with aliases,
        # which take its restrictions wherever they are (``news.selectors.restricted_sections``).
        purge(None)
    else:
        purge(page_paths(page))


def _visible_change(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, BaseSiteSetting) and kwargs.get("created"):
        return  # made with its defaults on first read, while a page was being rendered
    # Settings and the site show in every page's chrome; an image may be anywhere.
    purge(None)


def connect() -> None:
    page_published.connect(_published_or_unpublished, dispatch_uid="page-cache-published")
    page_unpublished.connect(_published_or_unpublished, dispatch_uid="page-cache-unpublished")
    page_slug_changed.connect(_slug_changed, dispatch_uid="page-cache-slug")
    post_page_move.connect(_moved, dispatch_uid="page-cache-move")
    for model in _subclasses(Page):
        pre_save.connect(_before_page_save, sender=model, dispatch_uid=f"page-cache-save-{model}")
        post_save.connect(_page_created, sender=model, dispatch_uid=f"page-cache-new-{model}")
        pre_delete.connect(
            _before_page_delete, sender=model, dispatch_uid=f"page-cache-delete-{model}"
        )
    for model in _subclasses(BaseViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                _view_restriction_changed, sender=model, dispatch_uid=f"page-cache-vr-{model}"
            )
    for signal in (post_save, post_delete):
        signal.connect(_visible_change, sender=Site, dispatch_uid="page-cache-site")
    for base in (BaseSiteSetting, AbstractImage):
        for model in _subclasses(base):
            for signal in (post_save, post_delete):
                signal.connect(_visible_change, sender=model, dispatch_uid=f"page-cache-{model}")


def _subclasses(base: type) -> list[type]:
    from django.apps import apps

    return [
        model for model in apps.get_models() if issubclass(model, base) and not model._meta.abstract
    ]

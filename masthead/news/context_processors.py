from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site


def _sections(request: HttpRequest) -> list[Page]:
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu().order_by("path"))


def site_sections(request: HttpRequest) -> dict[str, Any]:
    """The sections shown in the site header; evaluated only by pages that show them."""
    return {"site_sections": SimpleLazyObject(lambda: _sections(request))}

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_noop
from wagtail.models import Page, Site

from masthead.server.page_cache import until_purged

from .selectors import readable_pages

# The sections a new publication starts with (migration 0002): their names are in the
# catalogues, so the menu reads in the reader's language until an editor renames them.
DEFAULT_SECTION_NAMES = [
    gettext_noop("Articles"),
    gettext_noop("Regions"),
    gettext_noop("Themes"),
    gettext_noop("In-depth reports"),
    gettext_noop("Authors"),
]


def _sections(request: HttpRequest) -> list[Page]:
    site = Site.find_for_request(request)
    if site is None:
        return []
    return until_purged(("news.sections", site.pk), lambda: _read_sections(site))


def _read_sections(site: Site) -> list[Page]:
    # A link and a name each: the rest of a page's columns cost more to compile than to read.
    sections = readable_pages(site.root_page.get_children()).in_menu()
    return list(sections.order_by("path").only("title", "url_path"))


def site_sections(request: HttpRequest) -> dict[str, Any]:
    """The sections shown in the site header; evaluated only by pages that show them."""
    return {"site_sections": SimpleLazyObject(lambda: _sections(request))}

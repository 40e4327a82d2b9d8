"""Template tags for the publication's pages: canonical and feed URLs, bylines, images."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest
from wagtail.models import Page, Site

from ..attribution import byline_names

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_url(context: dict[str, Any], page: Page) -> str:
    request: HttpRequest | None = context.get("request")
    url = page.get_full_url(request) or ""
    if request is not None:
        number = request.GET.get("page", "")
        if number.isdigit() and int(number) > 1:
            url = f"{url}?page={int(number)}"
    return url


@register.simple_tag(takes_context=True)
def feed_url(context: dict[str, Any], page: Page, kind: str) -> str:
    """The RSS ('rss') or Atom ('atom') feed of a landing page."""
    request = context.get("request")
    return (page.get_url(request) or "/") + page.specific.reverse_subpage(kind)


@register.simple_tag(takes_context=True)
def site_feed_url(context: dict[str, Any], kind: str) -> str:
    request = context.get("request")
    site = (
        Site.find_for_request(request)
        if request
        else Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return "/"
    return feed_url(context, site.root_page, kind)


@register.filter
def byline(article: Any) -> str:
    return byline_names(article)

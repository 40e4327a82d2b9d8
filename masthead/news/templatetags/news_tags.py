"""Template tags for the publication's pages: canonical and feed URLs, bylines, images."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page, Site

from masthead.formats.digits import localize_digits

from ..attribution import byline_names
from ..extensions import (
    ARTICLE_SLOTS,
    FragmentContext,
    render_fragments,
    teaser_notes,
    text_in_language,
)
from ..reader_articles import ReaderArticle

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


@register.filter
def reader_text(text: str | None) -> str:
    """A plain text of the publication (a region's name, a bio) in the reader's language."""
    return text_in_language(str(text or ""), get_language() or settings.LANGUAGE_CODE)


@register.filter
def reader_title(title: str | None) -> str:
    """A section's title in menus and headings, in the reader's language: the publication's
    translated text (segment memory and editors' corrections, as for every other text) where
    there is one, else the interface catalogue (which has the default section names, for
    languages no engine reaches), else as the editor wrote it."""
    text = str(title or "")
    found = reader_text(text)
    return found if found != text or not text else gettext(text)


@register.filter
def reader_rich_text(html: Any) -> str:
    """A rich-text field (the disclaimer, the note under articles) in the reader's language;
    apply before ``|richtext``."""
    source = str(getattr(html, "source", html) or "")
    return text_in_language(source, get_language() or settings.LANGUAGE_CODE, rich=True)


@register.filter(is_safe=True)
def reader_digits(text: Any) -> str:
    """Digits as the reader's language writes them (Persian ۲۵, Bengali ২৫): for dates and
    numbers in a page's text, never in attributes or URLs."""
    return localize_digits(str(text), get_language() or settings.LANGUAGE_CODE)


@register.filter
def iso_datetime(value: dt.datetime | None) -> str:
    """ISO 8601 to the second, as HTML's ``<time datetime>`` and Open Graph accept it."""
    if not value:
        return ""
    return value.replace(microsecond=0).isoformat()


@register.simple_tag
def responsive_image(
    image: AbstractImage | None,
    specs: str,
    *,
    sizes: str,
    alt: str,
    loading: str = "lazy",
) -> str:
    """An ``<img srcset>`` from ``"fill-480x270,800x450"`` or ``"width-480,800"``.

    Unlike ``srcset_image``, renditions that come out the same width (a small original can't be
    enlarged) appear once, which the HTML standard requires.
    """
    if image is None:
        return ""
    operation, _, dimensions = specs.partition("-")
    filter_specs = [f"{operation}-{dimension}" for dimension in dimensions.split(",")]
    renditions = image.get_renditions(*filter_specs)
    by_width: dict[int, AbstractRendition] = {}
    for spec in filter_specs:
        by_width.setdefault(renditions[spec].width, renditions[spec])
    ordered = [by_width[width] for width in sorted(by_width)]
    fallback = ordered[min(1, len(ordered) - 1)]
    srcset = ", ".join(f"{rendition.url} {rendition.width}w" for rendition in ordered)
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}"'
        ' decoding="async">',
        fallback.url,
        srcset,
        sizes,
        fallback.width,
        fallback.height,
        alt,
        loading,
    )


@register.simple_tag(takes_context=True)
def page_fragments(context: dict[str, Any], slot: str) -> str:
    """What the apps above ``news`` add to ``slot`` of this page (see ``news/extensions.py``)."""
    request = context.get("request")
    page = context.get("page")
    article = context.get("article")
    shown = slot in ARTICLE_SLOTS and isinstance(article, ReaderArticle)
    return render_fragments(
        slot,
        FragmentContext(
            request=request,
            language=get_language() or settings.LANGUAGE_CODE,
            page=page if isinstance(page, Page) else None,
            article=article if shown else None,
            article_readable=shown and context.get("article_readable") is True,
        ),
    )


@register.simple_tag(name="teaser_notes")
def teaser_notes_tag(*listed: Any) -> dict[int, SafeString]:
    """What the apps above ``news`` add to the teasers of every article in ``listed`` (articles,
    lists or pages of them, blocks holding them), asked for once for the whole listing:
    ``{% teaser_notes lead latest as listing_notes %}``, then
    ``listing_notes|teaser_note:article``."""
    articles = list({article.id: article for article in _reader_articles_in(listed)}.values())
    return teaser_notes(articles, get_language() or settings.LANGUAGE_CODE)


@register.filter
def teaser_note(notes: Any, article: Any) -> str:
    """This teaser's notes from ``teaser_notes`` (nothing where a listing asked for none)."""
    if not isinstance(notes, Mapping) or not isinstance(article, ReaderArticle):
        return ""
    return notes.get(article.id, "")


def _reader_articles_in(value: Any) -> Iterator[ReaderArticle]:
    if isinstance(value, ReaderArticle):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _reader_articles_in(item)
    elif isinstance(value, Iterable) and not isinstance(value, str | bytes):
        for item in value:
            yield from _reader_articles_in(item)

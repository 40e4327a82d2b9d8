"""The articles a reader may see: the one place every reader-facing surface gets them from.

Pages, listings, the front page, report pins, feeds in every language, search, the sitemap,
JSON-LD lists, the newsletter and anything added later read articles through
:func:`readable_articles`, never through ``ArticlePage.objects`` directly: ``.live()`` alone
lets private and password-protected articles through (Wagtail's view restrictions are checked
when a page is served, not when it is listed). A test fails when reader-facing code queries
articles another way (``tests/test_reader_path.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import PageViewRestriction

from . import models
from .extensions import READABLE_ARTICLES_HOOK, once_per_request

if TYPE_CHECKING:
    from wagtail.models import Page

    from .models import ArticlePage


def readable_articles(request: HttpRequest | None = None) -> QuerySet[ArticlePage]:
    """Published articles with no view restriction on them or above them, narrowed further by
    any app that registered :data:`~masthead.news.extensions.READABLE_ARTICLES_HOOK`.

    The same for every reader, signed in or not, so a page cached for one can be served to all.
    With the ``request``, the view restrictions are read once for all of its page's queries.
    """
    articles = public(models.ArticlePage.objects.live(), request)
    for narrow in hooks.get_hooks(READABLE_ARTICLES_HOOK):
        articles = narrow(articles)
    return articles


def is_readable(article: ArticlePage, request: HttpRequest | None = None) -> bool:
    """Whether ``article`` is among :func:`readable_articles` (one query, and the read of the
    view restrictions unless its ``request`` read them already)."""
    return readable_articles(request).filter(pk=article.pk).exists()


def article_to_serve(index: Page, slug: str) -> ArticlePage | None:
    """The article at ``<index>/<slug>/`` for Wagtail's routing, in one query with its image,
    whatever its state: as in Wagtail's own routing, serving it then answers 404 when it is not
    live and asks for what its view restrictions ask (a password, a sign-in), and members-only
    articles show their teaser. Never a listing: listings use :func:`readable_articles`."""
    return (
        models.ArticlePage.objects.child_of(index)
        .filter(slug=slug)
        .select_related("featured_image")
        .first()
    )


def readable_pages(pages: QuerySet[Page], request: HttpRequest | None = None) -> QuerySet[Page]:
    """Landing pages (authors, regions, themes, reports, sections) a reader may see."""
    return public(pages.live(), request)


def public(pages: QuerySet[Page], request: HttpRequest | None = None) -> QuerySet[Page]:
    """``pages`` outside every section with a view restriction, as Wagtail's ``.public()``
    selects them, reading only the restricted sections' place in the tree (Wagtail reads each
    restriction with its whole page, a query that costs more to build than to run), once per
    ``request`` (an article page asks for its readability and its header's sections)."""
    private = Q()
    for path, depth in once_per_request(request, "news.restricted_sections", _restricted_sections):
        private |= Q(path__startswith=path, depth__gte=depth)
    return pages.exclude(private) if private else pages


def _restricted_sections() -> list[tuple[str, int]]:
    return list(PageViewRestriction.objects.values_list("page__path", "page__depth"))

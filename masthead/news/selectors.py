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

from django.db.models import CharField, Q, QuerySet, Value
from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from masthead.server.page_cache import until_purged

from . import models
from .extensions import READABLE_ARTICLES_HOOK, once_per_request

if TYPE_CHECKING:
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
    for path, depth in once_per_request(request, "news.restricted_sections", restricted_sections):
        private |= Q(path__startswith=path, depth__gte=depth)
    return pages.exclude(private) if private else pages


def restricted_sections() -> list[tuple[str, int]]:
    """The place in the tree of every page with a view restriction, and of every alias of a
    page at or under one, read once per process until the next purge (every change to a
    restriction purges, as does the creation of an alias and any move)."""
    return until_purged("news.restricted_sections", _read_restricted_sections)


def _read_restricted_sections() -> list[tuple[str, int]]:
    # One query, as before aliases were followed: the restricted pages, and every alias with
    # its source's path.
    restricted = PageViewRestriction.objects.annotate(
        source_path=Value(None, output_field=CharField())
    ).values_list("page__path", "page__depth", "source_path")
    aliases = Page.objects.filter(alias_of__isnull=False).values_list(
        "path", "depth", "alias_of__path"
    )
    rows = list(restricted.order_by().union(aliases.order_by(), all=True))
    sections = {(path, depth) for path, depth, source in rows if source is None}
    return _outermost(sections | _aliases_of_restricted(rows, sections))


def _aliases_of_restricted(
    rows: list[tuple[str, int, str | None]], restricted: set[tuple[str, int]]
) -> set[tuple[str, int]]:
    """The aliases whose source lies at or under a restricted page, or at or under such an
    alias (an alias of an alias), as places in the tree.

    Wagtail serves an alias, and every page under one, with the restrictions on its source
    (``Page.get_view_restrictions``): a reader asked for a password there must not find the
    page listed. Listings go further, and also leave out an alias of a page that is only under
    a restricted one, which Wagtail serves to anyone: its text (an alias copies its source's)
    is the restricted page's."""
    aliases = {(path, depth, source) for path, depth, source in rows if source is not None}
    hidden: set[tuple[str, int]] = set()
    prefixes = tuple(path for path, _depth in restricted)
    while True:  # again for each link of a chain of aliases
        found = {
            (path, depth)
            for path, depth, source in aliases
            if (path, depth) not in hidden and source.startswith(prefixes)
        }
        if not found:
            return hidden
        hidden |= found
        prefixes += tuple(path for path, _depth in found)


def _outermost(places: set[tuple[str, int]]) -> list[tuple[str, int]]:
    """``places`` without those under another of them, which it excludes already: every page
    of a restricted section's recursive alias is an alias, and each would be one more term in
    every listing's query."""
    kept: list[tuple[str, int]] = []
    for path, depth in sorted(places):  # a page's path sorts right after its ancestors'
        if not kept or not path.startswith(kept[-1][0]):
            kept.append((path, depth))
    return kept


def may_be_restricted(page: Page) -> bool:
    """Whether a view restriction may apply to ``page``: one on it or above it, or an alias
    anywhere in the site (an alias, and whatever is under it, takes its source's restrictions,
    which only Wagtail's own check follows). From the reads kept until the next purge: the
    creation of an alias purges, as does every change to a restriction."""
    if page.alias_of_id is not None or until_purged("news.has_aliases", _read_has_aliases):
        return True
    return any(page.path.startswith(path) for path, _depth in restricted_sections())


def governing_paths(page: Page) -> set[str]:
    """The tree paths of every page whose view restriction applies to ``page``: itself and its
    ancestors, and for each alias among them its source and the source's ancestors, following
    aliases of aliases. One query per level of aliases (usually one)."""
    paths: set[str] = set()
    pending = [page.path]
    while pending:
        new = set()
        for path in pending:
            new.update(path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen))
        new -= paths
        paths |= new
        sources = Page.objects.filter(path__in=new, alias_of__isnull=False)
        pending = [p for p in sources.values_list("alias_of__path", flat=True) if p not in paths]
    return paths


def _read_has_aliases() -> bool:
    return Page.objects.filter(alias_of__isnull=False).exists()

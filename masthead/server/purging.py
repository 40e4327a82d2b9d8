"""Which addresses a change shows on, and purging exactly those: from this node's memory, from
every other node's (through the shared purge counter) and from a CDN or nginx in front
(through Wagtail's frontend cache invalidation, when ``WAGTAILFRONTENDCACHE`` is set).

An article shows on its own page in every language, on the front page, on its index page, on
the pages of its regions, themes, reports and authors, on the pins of reports, in each of those
pages' feeds, in search results and in the sitemap. Paths are purged with every query string
(all pages of a listing, every search). A change nobody can trace to a few pages (the
publication's settings, an image, the navigation) purges everything.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from .languages import served_languages
from .page_cache import page_cache
from .purge_counter import REDIS_POLL_SECONDS

logger = logging.getLogger(__name__)

FEED_SUFFIXES = ("feed/rss/", "feed/atom/")
# Purge requests sent side by side: an article shows on a few hundred addresses (in every
# language, times each encoding nginx keeps), which one after another take over a second.
FRONTEND_PURGE_THREADS = 8
# The sitemap index and its sections (each with every ?p= file of it), and search.
SITE_WIDE_PATHS = (
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-articles.xml",
    "/sitemap-translations.xml",
    "/search/",
)


def served_path(page: Page, url_path: str | None = None) -> str | None:
    """The address a page answers on, without language prefix, e.g. ``/articles/slug/``;
    ``url_path`` gives the address it had before a move or a slug change."""
    url_path = url_path or page.url_path
    for root_path in _site_root_paths():
        if url_path.startswith(root_path):
            return "/" + url_path[len(root_path) :]
    return None


def in_every_language(paths: Iterable[str]) -> set[str]:
    prefixes = [""] + [f"/{code}" for code in served_languages()]
    return {prefix + path for path in paths for prefix in prefixes}


def with_feeds(paths: Iterable[str]) -> set[str]:
    return {variant for path in paths for variant in (path, *(path + s for s in FEED_SUFFIXES))}


def article_paths(article: Page, old_url_paths: Iterable[str] = ()) -> set[str]:
    """Every address where this article (or a listing that includes it) is shown, without
    language prefix: each stands for the page in every language."""
    from masthead.news.models import ArticlePage, ReportPinnedArticle

    own = {served_path(article), *(served_path(article, old) for old in old_url_paths)}
    landing: set[str | None] = {"/"}
    # The index page it was listed on before a move.
    landing.update(path.rstrip("/").rsplit("/", 1)[0] + "/" for path in own if path)
    parent = article.get_parent()
    if parent is not None:
        landing.add(served_path(parent))
    # As stored now, restricted or not: a purge must reach wherever the article showed.
    stored = Page.objects.filter(pk=article.pk).first()
    specific = stored.specific if stored is not None else None
    if isinstance(specific, ArticlePage):
        related = [
            *specific.regions.all(),
            *specific.themes.all(),
            *specific.reports.all(),
            *(link.author for link in specific.article_authors.select_related("author")),
        ]
        landing.update(served_path(page) for page in related)
    pins = ReportPinnedArticle.objects.filter(article_id=article.pk).select_related("report")
    landing.update(served_path(pin.report) for pin in pins)
    return {p for p in own if p} | with_feeds(p for p in landing if p) | set(SITE_WIDE_PATHS)


def page_paths(page: Page, old_url_paths: Iterable[str] = ()) -> set[str] | None:
    """Addresses a page change shows on, or None when that can't be told (purge everything)."""
    from masthead.news.models import ArticlePage

    if page.specific_class is not None and issubclass(page.specific_class, ArticlePage):
        return article_paths(page, old_url_paths)
    return None


class _Hold:
    asked = False  # a purge was asked for while held


_hold: ContextVar[_Hold | None] = ContextVar("masthead_purge_hold", default=None)


@contextmanager
def purges_held() -> Iterator[None]:
    """Inside, purges are not made one by one: one purge of everything follows on the way out,
    if any was asked for. For bulk work on pages readers have not seen (an import of thousands
    of new articles purged once, not once per page and listing); work on pages readers may have
    cached goes inside :func:`purges_not_held`."""
    hold = _Hold()
    token = _hold.set(hold)
    try:
        yield
    finally:
        _hold.reset(token)
        if hold.asked:
            purge(None)


@contextmanager
def purges_not_held() -> Iterator[None]:
    """Purges made at once again, inside a :func:`purges_held`."""
    token = _hold.set(None)
    try:
        yield
    finally:
        _hold.reset(token)


def held() -> bool:
    """True (and the purge noted for later) when purges are held: the caller need not work
    out which paths to purge."""
    hold = _hold.get()
    if hold is None:
        return False
    hold.asked = True
    return True


def purge(paths: set[str] | None) -> None:
    """Purge now, and again once the transaction commits (a page rendered from the old rows
    in between is dropped then), and tell the CDN after the commit."""
    if held():
        return
    _purge_local(paths)
    transaction.on_commit(lambda: (_purge_local(paths), _purge_frontend(paths)))


def _purge_local(paths: set[str] | None) -> None:
    if paths is None:
        page_cache().purge_everything()
    else:
        page_cache().purge_paths(paths)


def _purge_frontend(paths: set[str] | None) -> None:
    """Tell the CDN or nginx now, through Wagtail's frontend cache backends (called directly:
    Wagtail's own helper queues a task, which waits for a worker and may never run)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.backends import HTTPBackend
    from wagtail.contrib.frontend_cache.utils import get_backends

    if settings.REDIS_URL:
        # Other processes may serve their old copy until they next read the purge counter;
        # purged before that, nginx would fetch and keep that old copy again.
        time.sleep(REDIS_POLL_SECONDS + 0.05)
    urls: list[str] = []
    for root in frontend_roots():
        if paths is None:
            urls.append(root + "/*")  # CDNs that take wildcards; nginx purges the site
        else:
            urls.extend(root + path for path in sorted(in_every_language(paths)))
    jobs = []
    for name, backend in get_backends().items():
        mine = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        # One request per address: send them side by side. Batch APIs (Cloudflare,
        # CloudFront) get the whole list at once.
        ways = FRONTEND_PURGE_THREADS if isinstance(backend, HTTPBackend) else 1
        jobs += [(name, backend, mine[n::ways]) for n in range(ways) if mine[n::ways]]
    with ThreadPoolExecutor(max_workers=FRONTEND_PURGE_THREADS) as pool:
        list(pool.map(_purge_with, jobs))


def _purge_with(job: tuple[str, Any, list[str]]) -> None:
    name, backend, urls = job
    try:
        backend.purge_batch(urls)
    except Exception:  # the change is committed; a CDN's error must not fail it
        logger.exception("purging %s addresses from %s failed", len(urls), name)


def frontend_roots() -> list[str]:
    """The addresses readers reach each site on, as a CDN or nginx keys its copies: the
    default site's is MASTHEAD_BASE_URL (Wagtail's own record of it often says localhost)."""
    roots = []
    for site in Site.objects.all():
        if site.is_default_site and settings.MASTHEAD_BASE_URL:
            roots.append(settings.MASTHEAD_BASE_URL.rstrip("/"))
        else:
            roots.append(site.root_url)
    return roots


def _site_root_paths() -> list[str]:
    return sorted(
        (site.root_page.url_path for site in Site.objects.select_related("root_page")),
        key=len,
        reverse=True,
    )


def purge_article(article_id: int | None = None, **_: object) -> None:
    """Purge an article's pages (a receiver for signals that carry ``article_id``)."""
    if held():
        return
    page = Page.objects.filter(pk=article_id).first() if article_id else None
    purge(article_paths(page) if page is not None else None)

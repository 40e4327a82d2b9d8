"""A whole-page cache for readers, so a traffic spike costs a cache read, not a page render.

Only anonymous GET and HEAD requests for successful HTML, feed and sitemap responses that set no
cookie are cached, with every header the render had (security headers included). A request
counts as anonymous unless its session cookie names a session that exists, so a made-up cookie
can't force renders; pages are keyed on the query parameters they use, so made-up query strings
can't fill the cache. Any publish, unpublish, move or settings change bumps one generation number
that is part of every key, so all cached pages go stale at once without scanning the cache.
The cache is Django's default cache: a folder under var/ on one machine (shared by every server
process), Redis when REDIS_URL is set (shared by every machine).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib import import_module
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

GENERATION_KEY = "masthead:page-cache:generation"
CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml")
# Paths that must always reach the application: staff pages, health checks, form endpoints.
UNCACHED_PREFIXES = (
    "/admin/",
    "/healthz",
    "/static/",
    "/media/",
    "/newsletter/",
)
# The query parameters readers' pages read (page number, search terms); others change nothing.
KEYED_PARAMETERS = ("page", "q")


def invalidate_pages(**_: Any) -> None:
    """Make every cached page stale (a signal receiver as well as a plain function)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


def _generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def _is_cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.MASTHEAD_PAGE_CACHE_SECONDS > 0
        and request.method in {"GET", "HEAD"}
        and not request.path.startswith(UNCACHED_PREFIXES)
        and "preview" not in request.GET
        and not _has_session(request)
    )


def _has_session(request: HttpRequest) -> bool:
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    return import_module(settings.SESSION_ENGINE).SessionStore().exists(session_key)


def _key(request: HttpRequest) -> str:
    # The path carries the language (/pt/...); the views read the last value of a parameter.
    used = urlencode(
        [(name, request.GET[name]) for name in KEYED_PARAMETERS if name in request.GET]
    )
    raw = f"{_generation()}|{request.get_host()}|{request.path}|{used}"
    return "masthead:page:" + hashlib.sha256(raw.encode()).hexdigest()


class PageCacheMiddleware:
    """Serve readers' pages from the cache; put successful anonymous responses into it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _is_cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if self._is_cacheable_response(response):
            # Cookies are kept apart from the headers, so none is stored (none was set anyway).
            headers = dict(response.items())
            cache.set(key, (response.content, headers), settings.MASTHEAD_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _is_cacheable_response(response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
            and "private" not in response.get("Cache-Control", "")
            and "no-cache" not in response.get("Cache-Control", "")
        )

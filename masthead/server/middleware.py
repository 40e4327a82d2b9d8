"""The page cache inside Django: renders and stores what the fast path could not answer.

First in ``MIDDLEWARE``, so it stores the response every other middleware has finished
(security headers included) and a hit skips them all. The WSGI fast path
(:mod:`masthead.server.fast_path`) answers most hits before Django starts; what reaches this
middleware is a page not yet in memory, an expired one, or a request with a session cookie
(served from the cache only when that session does not exist).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from . import page_cache as pc

# Set by the fast path when it claimed the re-render of an expired page for this request.
REFRESH_CLAIMED = "masthead.page_cache.refresh"


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        environ = request.META
        key = pc.page_key(environ)
        session = pc.session_cookie(environ) if key else None
        level = key[4] if key else ""
        # A reader's page is cached for their access level only; other sessions render afresh.
        if key is None or (session is not None and not level and pc.session_exists(session)):
            return _uncached(self.get_response(request))
        # Render with only the parameters in the key, so the page matches every request under it.
        environ["QUERY_STRING"] = key[3]
        request.GET = QueryDict(key[3])

        cache = pc.page_cache()
        claimed = bool(environ.get(REFRESH_CLAIMED))
        # The purge number before the lookup, for a page file (a Redis read with several
        # machines: only where files are kept).
        seen = cache.counter.current_now() if pc.page_files() is not None else None
        page = cache.lookup(key)
        if page is not None and page.fresh:
            if seen is not None:
                cache.keep_file(key, page, seen)  # perhaps rendered on another machine
            return _from_page(page, environ, "hit")
        if page is not None and not claimed:
            claimed = cache.try_refresh(key)
            if not claimed:
                return _from_page(page, environ, "stale")
        try:
            ticket = cache.start_render(key)
            response = self.get_response(request)
            headers = list(response.items())
            if (
                (session is None or level)
                and request.method == "GET"
                and not response.streaming
                and not response.cookies
                and pc.is_cacheable_response(environ, response.status_code, headers)
            ):
                page = cache.store(ticket, headers, response.content)
                shareable = not cache.purged_since(ticket)
                if shareable:
                    cache.keep_file(key, page, ticket.purge_number, replace=True)
                return _from_page(page, environ, "miss", shareable)
            return _uncached(response)
        finally:
            if claimed:
                cache.end_refresh(key)


def _from_page(
    page: pc.CachedPage, environ: dict, state: str, shareable: bool = True
) -> HttpResponse:
    status, headers, body = page.answer(environ, state, shareable=shareable)
    response = HttpResponse(body, status=status)
    for name in list(response.headers):
        del response.headers[name]
    for name, value in headers:
        response.headers[name] = value
    return response


def _uncached(response: HttpResponse) -> HttpResponse:
    # An answer that depends on the visitor's cookies must stay out of shared caches.
    if "cookie" in response.get("Vary", "").lower() and not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True)
    return response


class SiteMiddleware:
    """Gives the request Wagtail's site and its sites' root paths from this process's copy,
    read again after any purge (a change to a site purges every page): otherwise the first
    query, and two shared-cache reads, of every page that is not cached."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        hostname = split_domain_port(request.get_host())[0]
        known = pc.until_purged("wagtail.site_hostnames", _site_hostnames)
        # A host no site names gets the default site whatever its port: one entry for all of
        # them, so made-up host names (ALLOWED_HOSTS may take any subdomain) can't pile up.
        key = (hostname, request.get_port()) if hostname in known else None
        request._wagtail_site = pc.until_purged(
            ("wagtail.site", key), lambda: Site.find_for_request(request)
        )
        request._wagtail_cached_site_root_paths = pc.until_purged(
            "wagtail.site_root_paths", Site.get_site_root_paths
        )
        return self.get_response(request)


def _site_hostnames() -> frozenset[str]:
    return frozenset(Site.objects.values_list("hostname", flat=True))

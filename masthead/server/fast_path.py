"""The fast path: cached pages answered before Django's request handling starts.

A WSGI wrapper around Django's application. For an anonymous GET or HEAD of a page this
process already holds in memory, it checks the purge counter (one memory read), picks the
encoding and answers, ETag and 304 included: no request object, no middleware, no URL
resolution. Everything else (a page not in memory, an expired one, anything with a session
cookie, staff pages, forms) goes to Django, where :class:`~.middleware.PageCacheMiddleware`
renders and stores it with the same headers this path sends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from . import page_cache as pc
from .middleware import REFRESH_CLAIMED

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

_STATUS_LINES = {code: f"{code} {HTTPStatus(code).phrase}" for code in (200, 304)}


class FastPath:
    def __init__(self, application: WSGIApp) -> None:
        self.application = application

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        key = pc.page_key(environ)
        # A session reaches Django unless its reader's access level is named by a valid cookie.
        if key is None or (not key[4] and pc.session_cookie(environ) is not None):
            return self.application(environ, start_response)
        cache = pc.page_cache()
        page = cache.local(key)
        if page is None:
            return self.application(environ, start_response)
        state = "hit"
        if not page.fresh:
            if cache.try_refresh(key):
                environ[REFRESH_CLAIMED] = True  # this request renders; the middleware releases
                return self.application(environ, start_response)
            state = "stale"
        elif pc.page_files() is not None and not key[3]:
            # nginx asked for a page it has no file of (removed, or another node's render).
            cache.keep_file(key, page, cache.counter.current())
        status, headers, body = page.answer(environ, state)
        start_response(_STATUS_LINES[status], headers)
        return [body]

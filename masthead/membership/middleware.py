"""Keeps the page cache's access-level cookie in step with the signed-in reader.

The page cache (masthead/server/page_cache.py) serves signed-in readers pages cached for their
access level, named by a signed, short-lived cookie. Here, on every request Django handles, the
level is worked out from the reader's account and the cookie set, renewed or removed when it
no longer says the same. A response that sets the cookie is never cached, so a page is stored
for a level only when the request's cookie already named that reader's level.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from masthead.server import page_cache

from .access import access_level, reader_of


class AccessLevelMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        claimed = page_cache.access_level(request.META)
        user = getattr(request, "user", None)
        level = access_level(reader_of(user)) if user is not None else ""
        # Pages may be rendered for the level the cache will key them on, and only then.
        request.page_access_level_confirmed = bool(level) and level == claimed
        response = self.get_response(request)
        if getattr(request, "user", None) is not user:  # signed in or out just now
            level = access_level(reader_of(request.user))
        session_key = getattr(getattr(request, "session", None), "session_key", None)
        session_cookie = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if level and session_key and (level != claimed or session_key != session_cookie):
            response.set_cookie(
                page_cache.ACCESS_COOKIE,
                page_cache.signed_access_level(level, session_key),
                max_age=page_cache.ACCESS_COOKIE_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif not level and page_cache.ACCESS_COOKIE in request.COOKIES:
            response.delete_cookie(page_cache.ACCESS_COOKIE, samesite="Lax")
        return response

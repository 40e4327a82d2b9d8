"""Interface catalogues compiled by another process (the admin's review screen, ``masthead
translate interface``) reach this one on its next request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .interface import reload_catalogues_if_changed


class CatalogueReloadMiddleware:
    """One shared-cache read per request; a reload only when the catalogues changed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reload_catalogues_if_changed()
        return self.get_response(request)

"""Old query-string addresses (``/?p=123``, ``/?cat=4``) on the front page follow redirects.

Wagtail's redirect middleware acts only on a 404, and ``/?p=123`` is the front page (a 200),
so without this the commonest WordPress link would land on the home page instead.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

# WordPress's ?p=, ?page_id=, ?cat=, ?tag=, ?author= and ?attachment_id= addresses.
OLD_QUERY_KEYS = {"p", "page_id", "cat", "tag", "author", "attachment_id"}


@hooks.register("before_serve_page")
def redirect_old_query_address(
    page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any
) -> HttpResponse | None:
    if page.depth > 2 or not OLD_QUERY_KEYS.intersection(request.GET):
        return None
    old_path = Redirect.normalise_path(request.get_full_path())
    site = Site.find_for_request(request)
    redirect = Redirect.get_for_site(site).filter(old_path=old_path).first()
    if redirect is None or not redirect.link:
        return None
    return HttpResponsePermanentRedirect(redirect.link)

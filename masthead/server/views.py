from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail import views as wagtail_views

from .base_url import absolute_url
from .client_address import client_ip
from .limits import over_limit, too_many_requests


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers; 503 otherwise, for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    """Wagtail's password form for protected pages, with guesses limited per address and page
    and per page from everywhere (every try counts, so a right guess can't be told apart)."""
    if request.method == "POST":
        retry_after = over_limit(
            request,
            group="page-password",
            rate=settings.MASTHEAD_PAGE_PASSWORD_RATE,
            key=lambda _group, request: f"{client_ip(request)}|{page_id}",
        ) or over_limit(
            request,
            group="page-password-page",
            rate=settings.MASTHEAD_PAGE_PASSWORD_RATE_PER_PAGE,
            key=lambda _group, _request: str(page_id),
        )
        if retry_after:
            return too_many_requests(
                request, retry_after, _("Too many password attempts for this page.")
            )
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)

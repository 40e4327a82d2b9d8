"""The admin's view of republishing: which pages republished which articles, and how often
they were seen there (when counting is on)."""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import RepublishedView

PERMISSION = "syndication.view_republishedview"


@permission_required(PERMISSION, raise_exception=True)
def republishers(request: HttpRequest) -> HttpResponse:
    """Every republishing page, most viewed first."""
    rows = RepublishedView.objects.select_related("article").order_by("-views", "page_url")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "syndication/admin/republishers.html", {"rows": page, "article": None}
    )


@permission_required(PERMISSION, raise_exception=True)
def article_republishers(request: HttpRequest, article_id: int) -> HttpResponse:
    """One article's republishing pages, shown from the article's own admin menu."""
    article = Page.objects.filter(pk=article_id).first()
    if article is None:
        raise Http404(_("There is no such article."))
    rows = RepublishedView.objects.filter(article_id=article_id).order_by("-views", "page_url")
    totals = rows.aggregate(pages=Count("pk"), views=Sum("views"))
    return TemplateResponse(
        request,
        "syndication/admin/republishers.html",
        {"rows": rows, "article": article, "totals": totals},
    )

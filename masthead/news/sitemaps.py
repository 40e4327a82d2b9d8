"""The sitemap at ``/sitemap.xml`` (the address robots.txt names): the URLs themselves while
they fit in one file, and past that (the protocol allows 50,000 URLs per file) an index of
paginated files, one series per section (``/sitemap-pages.xml?p=2``).

Pages come from Wagtail (live, public pages) with articles from the readers' selector, so an
article any app takes out of readers' reach (members-only, say) is left out here too. Each
section costs a fixed number of queries per file however many pages it lists.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db.models import Max, Q
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import prepare_sitemaps

from masthead.server.base_url import absolute_url

from .selectors import readable_articles


class ReaderSitemap(Sitemap):
    """A section of the sitemap, split into files of ``MASTHEAD_SITEMAP_URLS`` URLs."""

    # The field that says when an item last changed, for the index's <lastmod>.
    lastmod_field = "last_published_at"

    @property
    def limit(self) -> int:  # type: ignore[override]
        return settings.MASTHEAD_SITEMAP_URLS

    def get_latest_lastmod(self) -> dt.datetime | None:
        # Django's default calls lastmod() on every item: one aggregate instead.
        return self.items().order_by().aggregate(latest=Max(self.lastmod_field))["latest"]


class PageSitemap(ReaderSitemap):
    def items(self) -> Any:
        return (
            super()
            .items()
            .filter(
                ~Q(content_type__model="articlepage", content_type__app_label="news")
                | Q(pk__in=readable_articles().values("pk"))
            )
        )


@x_robots_tag
def sitemap_root(request: HttpRequest, sitemaps: dict[str, type[Sitemap]]) -> HttpResponse:
    """``/sitemap.xml``: every URL while they fit in one file; past that, an index of every
    file of every section, linked from ``MASTHEAD_BASE_URL`` (as robots.txt links it)."""
    prepared = prepare_sitemaps(request, sitemaps)
    if sum(sitemap.paginator.count for sitemap in prepared.values()) <= (
        settings.MASTHEAD_SITEMAP_URLS
    ):
        return sitemap_views.sitemap(request, prepared)
    files = []
    for section, sitemap in prepared.items():
        url = absolute_url(reverse("sitemap-section", kwargs={"section": section}))
        lastmod = sitemap.get_latest_lastmod()
        files.append(SitemapIndexItem(url, lastmod))
        files += [
            SitemapIndexItem(f"{url}?p={number}", lastmod)
            for number in range(2, sitemap.paginator.num_pages + 1)
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": files}, content_type="application/xml"
    )

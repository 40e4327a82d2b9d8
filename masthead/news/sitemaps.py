"""The sitemap at ``/sitemap.xml`` (the address robots.txt names): the URLs themselves while
they fit in one file of ``MASTHEAD_SITEMAP_URLS``, and past that an index of paginated files,
one series per section (``/sitemap-articles.xml?p=2``), as the protocol requires past 50,000.

Landing pages come from Wagtail (live, public pages) and articles from the readers' selector,
so an article any app takes out of readers' reach (members-only, say) is left out here too.
A file costs a fixed number of queries however many pages it lists, and the index one count
per section.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import prepare_sitemaps

from masthead.server.base_url import absolute_url

from .models import ArticlePage
from .selectors import readable_articles, readable_pages


class ReaderSitemap(Sitemap):
    """A section of the sitemap, split into files of ``MASTHEAD_SITEMAP_URLS`` URLs."""

    @property
    def limit(self) -> int:  # type: ignore[override]
        return settings.MASTHEAD_SITEMAP_URLS

    @cached_property
    def paginator(self) -> Paginator:  # type: ignore[override]
        # Django's makes a new paginator, and counts again, each time it is asked.
        return Paginator(self._items(), self.limit)

    def get_latest_lastmod(self) -> None:
        # Optional in an index; Django's reads every item's date to find the newest.
        return None

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict[str, Any]]:
        # Wagtail's loads each page's specific row, a query per type and chunk, for the
        # address and date that the base row already has.
        urls = [
            {
                "item": item,
                "location": item.get_full_url(self.request),
                "lastmod": self.lastmod(item),
            }
            for item in self.paginator.page(page).object_list
        ]
        if urls and all(url["lastmod"] for url in urls):
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls


SITEMAP_FIELDS = ("path", "url_path", "last_published_at", "latest_revision_created_at")


class PageSitemap(ReaderSitemap):
    """The front page and the landing pages: authors, regions, themes, reports, sections."""

    def items(self) -> Any:
        article = ContentType.objects.get_for_model(ArticlePage)
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return (
            readable_pages(pages.exclude(content_type=article))
            .order_by("path")
            .only(*SITEMAP_FIELDS)
        )


class ArticleSitemap(ReaderSitemap):
    def items(self) -> Any:
        root = self.get_wagtail_site().root_page
        return (
            readable_articles()
            .filter(path__startswith=root.path)
            .order_by("path")
            .only(*SITEMAP_FIELDS)
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

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
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import escape
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import prepare_sitemaps
from wagtail.models import get_page_models

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
        # Wagtail's loads each page's specific row, a query per type and chunk, and asks each
        # page for its address; the base rows' paths under the site's root give them all.
        site = self.get_wagtail_site()
        root_url = site.root_url + reverse("wagtail_serve", args=("",))
        start = (page - 1) * self.limit
        rows = self.items().values_list(
            "url_path", "last_published_at", "latest_revision_created_at"
        )[start : start + self.limit]
        return [
            {"location": root_url + url_path[len(site.root_page.url_path) :], "lastmod": a or b}
            for url_path, a, b in rows
            if url_path.startswith(site.root_page.url_path)
        ]


SITEMAP_FIELDS = ("path", "url_path", "last_published_at", "latest_revision_created_at")


class PageSitemap(ReaderSitemap):
    """The front page and the landing pages: authors, regions, themes, reports, sections."""

    def items(self) -> Any:
        # Named by type rather than "not an article", which would read every article's row.
        landing = [model for model in get_page_models() if not issubclass(model, ArticlePage)]
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return (
            readable_pages(
                pages.filter(content_type__in=ContentType.objects.get_for_models(*landing).values())
            )
            .order_by("path")
            .only(*SITEMAP_FIELDS)
        )


class ArticleSitemap(ReaderSitemap):
    def items(self) -> Any:
        root = self.get_wagtail_site().root_page
        return (
            readable_articles()
            .filter(path__startswith=root.path)
            # The primary key's order, which an index keeps: a file far down the list then
            # skips rows through the index, where ordering by tree path sorts every article.
            .order_by("pk")
            .only(*SITEMAP_FIELDS)
        )


def sitemap_root(request: HttpRequest, sitemaps: dict[str, type[Sitemap]]) -> HttpResponse:
    """``/sitemap.xml``: every URL while they fit in one file; past that, an index of every
    file of every section, linked from ``MASTHEAD_BASE_URL`` (as robots.txt links it)."""
    prepared = prepare_sitemaps(request, sitemaps)
    counts = {section: sitemap.paginator.count for section, sitemap in prepared.items()}
    if sum(counts.values()) <= settings.MASTHEAD_SITEMAP_URLS:
        return _urlset([url for sitemap in prepared.values() for url in _urls(request, sitemap, 1)])
    files = []
    for section, count in counts.items():
        url = absolute_url(reverse("sitemap-section", kwargs={"section": section}))
        files.append(url)
        files += [f"{url}?p={n}" for n in range(2, -(-count // settings.MASTHEAD_SITEMAP_URLS) + 1)]
    return _xml_response(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"<sitemap><loc>{escape(url)}</loc></sitemap>\n" for url in files)
        + "</sitemapindex>\n"
    )


def sitemap_file(
    request: HttpRequest, sitemaps: dict[str, type[Sitemap]], section: str
) -> HttpResponse:
    """File ``?p=`` of one section (``/sitemap-articles.xml?p=2``)."""
    if section not in sitemaps:
        raise Http404("No such sitemap.")
    page = request.GET.get("p", "1")
    if not page.isdigit() or int(page) < 1:
        raise Http404("No such sitemap file.")
    sitemap = prepare_sitemaps(request, {section: sitemaps[section]})[section]
    try:
        urls = _urls(request, sitemap, int(page))
    except EmptyPage:
        urls = []
    if not urls and page != "1":
        raise Http404("No such sitemap file.")
    return _urlset(urls)


def _urls(request: HttpRequest, sitemap: Sitemap, page: int) -> list[dict[str, Any]]:
    return sitemap.get_urls(page=page, site=RequestSite(request), protocol=request.scheme)


def _urlset(urls: list[dict[str, Any]]) -> HttpResponse:
    # Written out rather than through Django's template: a template loop costs about as much
    # as everything else in a thousand-URL file.
    entries = []
    for url in urls:
        lastmod = url.get("lastmod")
        date = f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>" if lastmod else ""
        entries.append(f"<url><loc>{escape(url['location'])}</loc>{date}</url>\n")
    return _xml_response(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(entries)
        + "</urlset>\n"
    )


def _xml_response(xml: str) -> HttpResponse:
    response = HttpResponse(xml, content_type="application/xml")
    # As Django's sitemap views: the files are for crawlers, not for search results.
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response

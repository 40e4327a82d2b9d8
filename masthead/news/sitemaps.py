"""The sitemap's pages: Wagtail's (live, public pages) with articles from the readers' selector,
so an article any app takes out of readers' reach (members-only, say) is left out here too."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap

from .selectors import readable_articles


class PageSitemap(Sitemap):
    def items(self) -> Any:
        return (
            super()
            .items()
            .filter(
                ~Q(content_type__model="articlepage", content_type__app_label="news")
                | Q(pk__in=readable_articles().values("pk"))
            )
        )

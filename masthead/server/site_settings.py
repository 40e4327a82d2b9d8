"""Site settings read once per process until the next purge, instead of once per request.

Every reader's page shows the publication's settings (its name, its rights line, its comment
rules), and each setting is a query Django builds and compiles anew on every uncached page.
Every change to a setting purges every page (:mod:`.signal_handlers`), so the copy read after
the last purge is the current one.
"""

from __future__ import annotations

import copy
from typing import Self

from django.http import HttpRequest
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site

from .page_cache import until_purged


class SiteSetting(BaseSiteSetting):
    """Wagtail's ``BaseSiteSetting``, with ``for_request`` answered from the process's copy."""

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request: HttpRequest) -> Self:
        attribute = cls.get_cache_attr_name()
        if hasattr(request, attribute):
            return getattr(request, attribute)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)  # Wagtail's error for a request of no site
        shared = until_purged(
            ("site-setting", cls._meta.label_lower, site.pk), lambda: cls.for_site(site)
        )
        # Each request its own copy: Wagtail keeps the request and page URLs on the instance.
        setting = copy.copy(shared)
        setting._request = request
        setting._page_url_cache = {}
        setattr(request, attribute, setting)
        return setting

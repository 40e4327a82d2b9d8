"""Absolute links for places away from the site (mail, feeds, robots.txt) come from one
setting, MASTHEAD_BASE_URL: never from the Host header or the port a process happens to serve."""

from __future__ import annotations

from urllib.parse import urljoin

from django.conf import settings


def absolute_url(path: str) -> str:
    return urljoin(settings.MASTHEAD_BASE_URL.rstrip("/") + "/", path)

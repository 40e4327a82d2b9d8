"""Fixtures every app's tests share: isolated media, immediate tasks, plain static storage."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.conf import settings as django_settings


@pytest.fixture(autouse=True)
def original_language() -> Iterator[None]:
    """Each test starts in the publication's language, whatever an earlier test activated."""
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def isolated_site_files(settings: LazySettings, tmp_path: Path) -> None:
    """Each test has its own uploads folder and cache, and runs background tasks at once."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.AXES_ENABLED = False
    # A cache of its own per test, so no page cached by one test is served in another.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": str(tmp_path),
        }
    }


@pytest.fixture
def site(db: None) -> Iterator[object]:
    """The default Wagtail site, answering on the test client's host name."""
    from wagtail.models import Site

    default = Site.objects.get(is_default_site=True)
    default.hostname = "testserver"
    default.port = 80
    default.save()
    yield default


@pytest.fixture
def home(site: object) -> object:
    from masthead.news.models import HomePage

    return HomePage.objects.get()


CHROMIUM = os.environ.get("MASTHEAD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Debian's chromium driven by Playwright (never a downloaded browser).

    Skipped where chromium is missing, except under CI, where that is a failure.
    """
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"No chromium at {CHROMIUM}; .ci/run installs Debian's chromium.")
        pytest.skip(f"No chromium at {CHROMIUM} (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the test's own database calls
    # happen before and after it drives the page, never concurrently.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()

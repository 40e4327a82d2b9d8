"""Fixtures every app's tests share: isolated media, immediate tasks, plain static storage."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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

"""Fixtures every app's tests share: isolated media, immediate tasks, plain static storage."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import LazySettings


@pytest.fixture(autouse=True)
def isolated_site_files(settings: LazySettings, tmp_path: Path) -> None:
    """Each test writes uploads to its own folder and runs background tasks at once."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.AXES_ENABLED = False


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

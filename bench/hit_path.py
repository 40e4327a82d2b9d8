"""The Python part of a cached hit, in process: Masthead's fast path answering a cached article
20,000 times in one process, best of five rounds, CPU time per request; with page files kept
(``MASTHEAD_PAGE_FILES_DIR``) and without, and the parts a hit with page files adds.

Runs under pytest for its database and fixtures (a test database, one article), but is a
benchmark, not a test: it is outside the suite's folders and prints its figures.

    .venv/bin/python -m pytest bench/hit_path.py -q -s -p no:randomly
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

import pytest

# The suite's shared fixtures (this file is outside the folder whose conftest gives them).
from masthead.conftest import isolated_site_files, original_language, site  # noqa: F401
from masthead.news.tests.factories import ArticleFactory
from masthead.server import page_cache as pc
from masthead.server.tests.test_fast_path import Reader, wsgi_environ
from masthead.server.tests.test_page_files import files  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

REQUESTS = 20_000
ROUNDS = 5


def cpu_us(call: Callable[[], object]) -> float:
    """CPU time of one call in µs, the best of ROUNDS rounds of REQUESTS calls."""
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        for _ in range(REQUESTS):
            call()
        best = min(best, (time.process_time() - started) / REQUESTS * 1e6)
    return best


def cached_article(reader: Reader) -> str:
    path = ArticleFactory().url
    reader.get(path)
    assert reader.get(path).state == "hit"  # a benchmark of hits must measure hits
    return path


def hit_us(reader: Reader, path: str) -> float:
    def start_response(status: str, headers: list, exc_info: Any = None) -> None:
        pass

    return cpu_us(lambda: reader.application(wsgi_environ(path), start_response))


def test_hit_without_page_files(settings: Any) -> None:
    settings.MASTHEAD_BASE_URL = "http://testserver"
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt"]
    reader = Reader()
    print(f"\nhit, no page files: {hit_us(reader, cached_article(reader)):.1f} µs")


def test_hit_with_page_files(files: Any) -> None:  # noqa: F811 - the fixture
    reader = Reader()
    path = cached_article(reader)
    print(f"\nhit, page files kept: {hit_us(reader, path):.1f} µs")
    cache = pc.page_cache()
    key = pc.page_key(wsgi_environ(path))
    page = cache.local(key)
    page_files = pc.page_files()
    folder = page_files._known(key, page)[1]
    parts = {
        "page_files()": pc.page_files,
        "the purge number": cache.counter.current,
        "keep_file (the file known to be there)": lambda: cache.keep_file(key, page, 0),
        "a look on disk (os.path.exists)": lambda: os.path.exists(
            os.path.join(folder, b"index.html")
        ),
    }
    for name, call in parts.items():
        print(f"  {name}: {cpu_us(call):.2f} µs")

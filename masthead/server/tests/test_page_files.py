"""Pages written as files for nginx (masthead.server.page_files): which pages get files, that
they hold what Masthead answers, written whole, and that every purge, made here or on another
machine, removes exactly the purged pages' files."""

from __future__ import annotations

import gzip
import os
import re
import time
from pathlib import Path
from typing import Any

import brotli
import pytest
from django.core.management import call_command

from masthead.news.tests.factories import ArticleFactory, RegionFactory
from masthead.server import page_cache as pc
from masthead.server import page_files as page_files_module
from masthead.server.cached_page import build_page
from masthead.server.page_files import (
    HTML,
    PurgeFollower,
    canonical,
    file_headers,
    nginx_headers,
    page_files,
)

from .test_fast_path import Reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader() -> Reader:
    return Reader()


@pytest.fixture
def files(settings: Any, tmp_path: Path, site: Any) -> Path:
    settings.MASTHEAD_PAGE_FILES_DIR = str(tmp_path / "pages")
    settings.MASTHEAD_BASE_URL = "http://testserver"
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt"]
    return tmp_path / "pages" / "testserver"


def page_at(root: Path, path: str) -> Path:
    return root / path.strip("/") / "index.html" if path != "/" else root / "index.html"


def html_page(path: str, language: str = "en", **extra: str) -> Any:
    headers = [("Content-Type", HTML), ("Content-Language", language), *file_headers()]
    headers += list(extra.items())
    return build_page(pc.base_path(path), headers, b"<!doctype html><p>" + b"x" * 400, 600)


def key_of(path: str, query: str = "", level: str = "") -> pc.PageKey:
    return ("http", "testserver", path, query, level)


def write(path: str, page: Any = None, language: str = "en") -> bool:
    cache = pc.page_cache()
    page = page or html_page(path, language)
    return page_files().write(key_of(path), page, cache.counter, cache.counter.current_now())


def test_an_anonymous_page_is_written_in_each_encoding_as_masthead_answers_it(
    reader: Reader, files: Path
) -> None:
    article = ArticleFactory()
    answer = reader.get(article.url)
    assert answer.state == "miss"
    written = page_at(files, article.url)
    assert written.read_bytes() == answer.body
    assert gzip.decompress(written.with_name("index.html.gz").read_bytes()) == answer.body
    assert brotli.decompress(written.with_name("index.html.br").read_bytes()) == answer.body
    assert written.stat().st_mode & 0o777 == 0o644  # nginx reads them
    # Written whole under another name, then renamed: nothing else is left in the folder.
    assert sorted(p.name for p in written.parent.iterdir()) == [
        "index.html",
        "index.html.br",
        "index.html.gz",
    ]
    # The headers nginx adds for a file are the ones Masthead sent.
    for name, value in file_headers():
        assert canonical(name, answer.headers[name.lower()]) == value, name
    assert answer["Content-Language"] == "en" and answer["Content-Type"] == HTML


def test_a_page_served_from_memory_gets_its_file_back_when_it_is_gone(
    reader: Reader, files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(page_files_module.time, "monotonic", lambda: clock[0])
    article = ArticleFactory()
    reader.get(article.url)
    written = page_at(files, article.url)
    written.unlink()  # e.g. `masthead page-files clear`
    # A file seen (here: written) less than a second ago is not looked for again: a hit makes
    # no system call for it.
    clock[0] += 0.5
    assert reader.get(article.url).state == "hit"
    assert not written.exists()
    clock[0] += 0.6
    assert reader.get(article.url).state == "hit"
    assert written.exists()


def test_a_page_another_process_rendered_gets_its_file_here(reader: Reader, files: Path) -> None:
    article = ArticleFactory()
    reader.get(article.url)
    page_at(files, article.url).unlink()
    # Another process (or machine): the page only in the shared cache, not in its memory.
    pc.use_page_cache(pc.PageCache(pc.page_cache().counter, 16 * 1024 * 1024))
    assert reader.get(article.url).state == "hit"
    assert page_at(files, article.url).exists()


def test_no_file_for_queries_sessions_other_types_or_other_headers(
    reader: Reader, files: Path
) -> None:
    article = ArticleFactory(regions=[RegionFactory(slug="coast")])
    reader.get("/regions/coast/?page=1")
    reader.get("/feed/rss/")
    assert reader.get("/feed/rss/").state == "hit"
    assert not page_at(files, "/regions/coast/").exists()
    assert not (files / "feed").exists()
    cache = pc.page_cache()
    seen = cache.counter.current_now()
    members = html_page(article.url)
    assert not page_files().write(key_of(article.url, level="member"), members, cache.counter, seen)
    # A view with a policy of its own: nginx would send the site's, so no file.
    own_policy = html_page("/own-policy/", **{"Content-Security-Policy": "default-src *"})
    assert not page_files().write(key_of("/own-policy/"), own_policy, cache.counter, seen)
    # The language nginx would name from the path must be the page's.
    assert not write("/faq/", html_page("/faq/", "en"))  # nginx would say "faq"
    assert write("/pt/about/", language="pt")
    assert not list(files.rglob("own-policy")) and not (files / "faq").exists()


@pytest.mark.parametrize(
    ("host", "path"),
    [
        ("elsewhere.example", "/articles/a/"),  # not a site of ours: no disk for made-up hosts
        ("testserver", "/articles/../../etc/"),
        ("testserver", "/articles/./a/"),
        ("testserver", "/articles//a/"),
        ("testserver", "/a\x00b/"),
        ("testserver", "/a\\b/"),
        ("testserver", "/articles/a"),  # not a page address
        ("../testserver", "/a/"),
        ("[::1]", "/a/"),
        ("testserver", "/" + "a" * 256 + "/"),
    ],
)
def test_odd_hosts_and_paths_get_no_file(files: Path, host: str, path: str) -> None:
    assert page_files().folder_for(host, path) is None


def test_a_non_ascii_address_is_filed_as_nginx_decodes_it(files: Path) -> None:
    # WSGI hands the path's decoded bytes as Latin-1 characters; nginx's $uri is those bytes.
    wsgi_path = "/artigos/ação/".encode().decode("latin-1")
    folder = page_files().folder_for("testserver:80", wsgi_path)
    assert folder == os.fsencode(files) + "/artigos/ação".encode()


def test_a_purge_removes_the_page_in_every_language_and_nothing_else(
    reader: Reader, files: Path
) -> None:
    article = ArticleFactory(regions=[RegionFactory(slug="coast")])
    other = RegionFactory(slug="mountains")
    reader.get(article.url)
    reader.get(other.url)
    assert write("/pt" + article.url, language="pt")
    article.title = "Corrected"
    article.save_revision().publish()
    assert not page_at(files, article.url).exists()
    assert not page_at(files, "/pt" + article.url).exists()
    assert page_at(files, other.url).exists()
    # The next reader's request writes the new page.
    assert b"Corrected" in reader.get(article.url).body
    assert b"Corrected" in page_at(files, article.url).read_bytes()


def test_a_page_rendered_while_a_purge_happened_leaves_no_file(files: Path) -> None:
    cache = pc.page_cache()
    before = cache.counter.current_now()
    cache.purge_paths(["/somewhere-else/"])
    page = html_page("/late/")
    assert not page_files().write(key_of("/late/"), page, cache.counter, before)
    assert not page_at(files, "/late/").exists()


def test_the_follower_applies_purges_made_on_other_machines(files: Path, settings: Any) -> None:
    for path in ("/a/", "/b/"):
        assert write(path)
    assert write("/pt/a/", language="pt")
    follower = PurgeFollower(page_files(), pc.page_cache().counter)
    # Another machine purges: the same counter and lists, but its own disk.
    settings.MASTHEAD_PAGE_FILES_DIR = ""
    pc.purge_paths(["/a/"])
    assert page_at(files, "/a/").exists()
    settings.MASTHEAD_PAGE_FILES_DIR = str(files.parent)
    follower.follow()
    assert not page_at(files, "/a/").exists() and not page_at(files, "/pt/a/").exists()
    assert page_at(files, "/b/").exists()

    settings.MASTHEAD_PAGE_FILES_DIR = ""
    pc.purge_everything()
    settings.MASTHEAD_PAGE_FILES_DIR = str(files.parent)
    follower.follow()
    assert not page_at(files, "/b/").exists()
    assert [p.name for p in files.parent.iterdir()] == []  # no folder moved aside left over


def test_the_follower_runs_on_its_own_and_stops(files: Path, settings: Any) -> None:
    assert write("/a/")
    follower = PurgeFollower(page_files(), pc.page_cache().counter, interval=0.02)
    follower.start()
    try:
        settings.MASTHEAD_PAGE_FILES_DIR = ""
        pc.purge_paths(["/a/"])
        settings.MASTHEAD_PAGE_FILES_DIR = str(files.parent)
        deadline = time.monotonic() + 5
        while page_at(files, "/a/").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not page_at(files, "/a/").exists()
    finally:
        follower.stop()
        follower.join(timeout=5)
    assert not follower.is_alive()


def test_files_older_than_the_page_cache_keeps_pages_are_removed(files: Path) -> None:
    assert write("/older/") and write("/newer/")
    long_ago = time.time() - 601
    os.utime(page_at(files, "/older/"), (long_ago, long_ago))
    assert page_files().remove_older_than(600) == 1
    assert not page_at(files, "/older/").exists() and page_at(files, "/newer/").exists()


def test_the_guide_gives_nginx_the_headers_masthead_sends() -> None:
    guide = (Path(__file__).resolve().parents[3] / "docs" / "deploy.md").read_text()
    block = guide[guide.index("```nginx") :]
    documented = re.findall(r"(?m)^\s+(add_header (?!Strict-Transport)\S+ \".*\";)$", block)
    assert documented == nginx_headers()


def test_the_command_prints_the_headers_and_clears_the_files(files: Path, capsys: Any) -> None:
    call_command("page-files", "headers")
    assert capsys.readouterr().out.splitlines() == nginx_headers()
    assert write("/a/")
    call_command("page-files", "clear")
    assert not page_at(files, "/a/").exists()

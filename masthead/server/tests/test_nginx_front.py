"""nginx in front of Masthead, configured exactly as docs/deploy.md says (the configuration is
read from the guide and only its addresses changed): what it keeps, what it never keeps, and
that a publish purges every copy it keeps through Wagtail's frontend cache backends.

The upstream counts the requests that reach it: a request nginx answers from its cache never
does."""

from __future__ import annotations

import gzip
import json
import shutil
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import brotli
import pytest
from django.contrib.auth.models import User
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.db import connections

from masthead.conftest import require_system_package
from masthead.news.tests.factories import ArticleFactory, RegionFactory
from masthead.server.fast_path import FastPath
from masthead.server.page_files import canonical

from .test_fast_path import Reader, reader  # noqa: F401 - the fixture, shared

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from nginx_front import PURGE_MODULE, Front, documented_config


def _require_nginx() -> None:
    require_system_package(bool(shutil.which("nginx")), "nginx", "nginx")


@dataclass
class Upstream:
    """Requests that reached the application behind nginx: (path with query, Accept-Encoding)."""

    seen: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, path: str) -> int:
        with self.lock:
            return sum(1 for seen, _ in self.seen if seen == path)


@dataclass
class Reply:
    status: int
    headers: Any
    body: bytes

    @property
    def text(self) -> str:
        encoding = self.headers.get("Content-Encoding", "")
        raw = {"gzip": gzip.decompress, "br": brotli.decompress}.get(encoding, bytes)(self.body)
        return raw.decode()


def fetch(url: str, **headers: str) -> Reply:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return Reply(reply.status, reply.headers, reply.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers, error.read())


# --- the documented rules, against an upstream whose answers the test chooses ---------------

ANSWERS = {
    "/public/": [("Cache-Control", "public, max-age=0, s-maxage=600")],
    "/sets-a-cookie/": [
        ("Cache-Control", "public, max-age=0, s-maxage=600"),
        ("Set-Cookie", "csrftoken=abc; Path=/"),
    ],
    "/varies-on-cookie/": [
        ("Cache-Control", "public, max-age=0, s-maxage=600"),
        ("Vary", "Accept-Encoding, Cookie"),
    ],
    "/private/": [("Cache-Control", "private, max-age=0")],
    "/says-nothing/": [],
}


class _ChosenAnswers(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream: Upstream

    def do_GET(self) -> None:
        with self.upstream.lock:
            self.upstream.seen.append((self.path, self.headers.get("Accept-Encoding", "")))
        body = f"answer {len(self.upstream.seen)}".encode()
        self.send_response(200)
        for name, value in ANSWERS.get(self.path.partition("?")[0], ANSWERS["/public/"]):
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def rules(tmp_path: Path) -> Iterator[tuple[str, Upstream]]:
    _require_nginx()
    upstream = Upstream()
    handler = type("Handler", (_ChosenAnswers,), {"upstream": upstream})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    front = Front.on_free_ports(tmp_path / "nginx", server.server_port).start()
    try:
        yield f"http://127.0.0.1:{front.front_port}", upstream
    finally:
        front.stop()
        server.shutdown()


def test_the_benchmark_and_these_tests_run_the_documented_configuration() -> None:
    config = Front.on_free_ports(Path("/nowhere"), 8000).front_config()
    documented = documented_config()

    # Only addresses, ports and folders differ: every directive line is the guide's.
    def directives(text: str) -> list[str]:
        words = (line.split()[0] for line in text.splitlines() if line.strip())
        return [word for word in words if not word.isdigit()]  # a map's ports differ

    assert directives(config) == directives(documented)
    for rule in ("proxy_cache_key $masthead_encoding:$host$uri;", "proxy_ignore_headers Vary;"):
        assert rule in documented and rule in config
    assert "proxy_cache_valid" not in directives(documented)  # Masthead's headers alone decide


def test_nginx_keeps_only_what_masthead_marks_public_for_shared_caches(
    rules: tuple[str, Upstream],
) -> None:
    base, upstream = rules
    for path in ANSWERS:
        first, second = fetch(base + path), fetch(base + path)
        assert first.status == second.status == 200
        if path == "/public/":
            assert upstream.count(path) == 1, "a public page is answered by nginx"
            assert second.body == first.body
        else:
            assert upstream.count(path) == 2, f"{path} was stored"
            assert second.body != first.body


def test_sessions_and_query_strings_always_reach_the_application(
    rules: tuple[str, Upstream],
) -> None:
    base, upstream = rules
    fetch(base + "/public/")
    for _ in range(2):
        fetch(base + "/public/", Cookie="sessionid=a-signed-in-reader")
        fetch(base + "/public/?page=2")
    assert upstream.count("/public/") == 3  # once anonymous, twice with the session
    assert upstream.count("/public/?page=2") == 2
    # What the signed-in reader got was not stored for anonymous readers either.
    assert fetch(base + "/public/").body == b"answer 1"


def test_one_copy_per_encoding_and_the_application_asked_for_that_encoding_only(
    rules: tuple[str, Upstream],
) -> None:
    base, upstream = rules
    browsers = {
        "gzip, deflate, br": "br",
        "br": "br",
        "gzip, deflate": "gzip",
        "identity": "",
        "": "",
        "deflate, brotli": "",
    }
    for accept in browsers:
        fetch(base + "/public/", **{"Accept-Encoding": accept} if accept else {})
    asked = [encoding for _, encoding in upstream.seen]
    assert asked == ["br", "gzip", ""]  # one fetch per copy, in the order first needed


# --- Masthead itself behind the documented nginx, purged on publish ------------------------


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def masthead_behind_nginx(
    site: Any, settings: Any, tmp_path: Path
) -> Iterator[tuple[str, Upstream]]:
    """Masthead's production application (fast path and Django) on a thread, nginx in front
    with the documented purge servers, and MASTHEAD_FRONTEND_CACHE pointing at them."""
    _require_nginx()
    require_system_package(
        PURGE_MODULE.exists(), "nginx's cache purge module", "libnginx-mod-http-cache-purge"
    )
    upstream = Upstream()
    production = FastPath(WSGIHandler())

    def application(environ: dict[str, Any], start_response: Any) -> Any:
        path = environ["PATH_INFO"] + (
            "?" + environ["QUERY_STRING"] if environ["QUERY_STRING"] else ""
        )
        with upstream.lock:
            upstream.seen.append((path, environ.get("HTTP_ACCEPT_ENCODING", "")))
        return production(environ, start_response)

    # An in-memory SQLite database is one connection, which the server's threads must share.
    shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}
    for connection in shared.values():
        connection.inc_thread_sharing()
    server = ThreadedWSGIServer(
        ("127.0.0.1", 0), _Quiet, allow_reuse_address=False, connections_override=shared
    )
    server.set_app(application)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    front = Front.on_free_ports(tmp_path / "nginx", server.server_address[1]).start()
    base = f"http://127.0.0.1:{front.front_port}"
    settings.WAGTAILFRONTENDCACHE = json.loads(front.frontend_cache)
    settings.MASTHEAD_BASE_URL = base
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt"]
    settings.MASTHEAD_PAGE_FILES_DIR = str(front.page_files)
    try:
        yield base, upstream
    finally:
        front.stop()
        server.shutdown()
        server.server_close()
        for connection in shared.values():
            connection.dec_thread_sharing()


ENCODINGS = ("gzip, deflate, br", "gzip", "")
# The server thread reads what the test commits; the site's rows come back after each test.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _read_everywhere(base: str, paths: list[str]) -> dict[tuple[str, str], str]:
    return {
        (path, accept): fetch(base + path, **({"Accept-Encoding": accept} if accept else {})).text
        for path in paths
        for accept in ENCODINGS
    }


@committed
def test_publishing_purges_every_copy_nginx_keeps_of_every_page_that_shows_the_article(
    masthead_behind_nginx: tuple[str, Upstream],
) -> None:
    base, upstream = masthead_behind_nginx
    coast, mountains = RegionFactory(slug="coast"), RegionFactory(slug="mountains")
    article = ArticleFactory(title="Tide tables", slug="tide-tables", regions=[coast])
    shown = [article.url, "/", coast.url, coast.url + "feed/atom/", "/feed/rss/"]
    unrelated = mountains.url
    for answer in _read_everywhere(base, shown).values():
        assert "Tide tables" in answer
    _read_everywhere(base, [unrelated])
    reached = len(upstream.seen)
    _read_everywhere(base, [*shown, unrelated])
    assert len(upstream.seen) == reached, "nginx answered every second visit itself"

    article.title = "Tide tables, corrected"
    article.save_revision().publish()  # returns once nginx has been told

    after = _read_everywhere(base, shown)
    for (path, accept), answer in after.items():
        assert "Tide tables, corrected" in answer, (path, accept)
    # Read again: now nginx's own copies, and the new ones (nginx keeps files it served open,
    # open_file_cache; a purged entry's replacement is a new file and must not be the old one).
    reached = len(upstream.seen)
    for (path, accept), answer in _read_everywhere(base, shown).items():
        assert "Tide tables, corrected" in answer, (path, accept)
    assert len(upstream.seen) == reached, "nginx answered the second visit after the purge"
    # Exactly those: the unrelated region is still nginx's copy.
    _read_everywhere(base, [unrelated])
    assert len(upstream.seen) == reached


# What differs between two answers of the same page by nature: when, by whom, the file's own
# validators, and HSTS (nginx adds it for the HTTPS server; this test speaks plain HTTP).
PER_ANSWER = {
    "date",
    "server",
    "connection",
    "etag",
    "last-modified",
    "accept-ranges",
    "x-page-cache",
    "strict-transport-security",
}


def _comparable(headers: Any) -> dict[str, str]:
    return {
        name.lower(): canonical(name, value)
        for name, value in headers.items()
        if name.lower() not in PER_ANSWER
    }


@committed
def test_nginx_answers_from_the_page_files_with_the_bytes_and_headers_masthead_sent(
    masthead_behind_nginx: tuple[str, Upstream],
) -> None:
    base, upstream = masthead_behind_nginx
    article = ArticleFactory(title="Filed away", slug="filed-away")
    rendered = {}
    for accept in ENCODINGS:
        headers = {"Accept-Encoding": accept} if accept else {}
        rendered[accept] = fetch(base + article.url, **headers)
    assert rendered[ENCODINGS[0]].headers["X-Page-Cache"] == "miss"  # Masthead, which wrote
    assert upstream.count(article.url) == 1
    for accept in ENCODINGS:
        headers = {"Accept-Encoding": accept} if accept else {}
        filed = fetch(base + article.url, **headers)
        assert filed.headers["X-Page-Cache"] == "file", accept
        assert filed.text == rendered[accept].text and "Filed away" in filed.text
        assert _comparable(filed.headers) == _comparable(rendered[accept].headers), accept
        # Browsers revalidate with the file's ETag and get a 304 from nginx.
        again = fetch(base + article.url, **headers, **{"If-None-Match": filed.headers["ETag"]})
        assert (again.status, again.body) == (304, b"")
    assert upstream.count(article.url) == 1


@committed
def test_unpublishing_leaves_no_copy_of_the_article_in_nginx(
    masthead_behind_nginx: tuple[str, Upstream],
) -> None:
    base, _upstream = masthead_behind_nginx
    article = ArticleFactory(title="Soon withdrawn", slug="soon-withdrawn")
    indexes = ["/", "/pt/", "/feed/rss/", "/sitemap.xml"]
    _read_everywhere(base, [article.url, *indexes])
    article.unpublish()
    for accept in ENCODINGS:
        headers = {"Accept-Encoding": accept} if accept else {}
        assert fetch(base + article.url, **headers).status == 404
        for path in indexes:
            assert "Soon withdrawn" not in fetch(base + path, **headers).text, (path, accept)


@committed
def test_a_signed_in_reader_reaches_masthead_through_nginx_and_is_never_stored(
    masthead_behind_nginx: tuple[str, Upstream], client: Any
) -> None:
    base, upstream = masthead_behind_nginx
    article = ArticleFactory()
    User.objects.create_superuser("boss", password="pw-not-used")
    client.login(username="boss", password="pw-not-used")
    session = client.cookies["sessionid"].value
    for _ in range(2):
        staff = fetch(base + article.url, Cookie=f"sessionid={session}")
        assert "userbar" in staff.text and "private" in staff.headers["Cache-Control"]
    assert upstream.count(article.url) == 2
    anonymous = [fetch(base + article.url).text for _ in range(2)]
    assert all("userbar" not in page for page in anonymous)
    assert upstream.count(article.url) == 3  # stored by nginx after the first anonymous visit


# --- what Masthead tells a cache in front, whichever it is ---------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("reader")  # keeps the test's connection open across requests
def test_a_page_rendered_while_a_purge_happened_is_not_for_shared_caches(site: Any) -> None:
    from wagtail import hooks

    from masthead.server import page_cache

    production = Reader()
    article = ArticleFactory()

    def purge_meanwhile(page: Any, request: Any, *args: Any, **kwargs: Any) -> None:
        page_cache.purge_paths([article.url])  # an editor publishes a correction meanwhile

    with hooks.register_temporarily("before_serve_page", purge_meanwhile):
        rendered = production.get(article.url)
    # Its rows may predate that purge: nginx or a CDN would keep it long after.
    assert rendered.state == "miss" and rendered["Cache-Control"] == "no-cache"
    calm = production.get(article.url)
    assert calm.state == "miss" and "s-maxage" in calm["Cache-Control"]
    assert production.get(article.url).state == "hit"


class _PurgeTimes(BaseHTTPRequestHandler):
    arrived: list[float] = []

    def do_PURGE(self) -> None:
        self.arrived.append(time.monotonic())
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.mark.django_db
def test_with_redis_the_front_is_purged_only_after_every_process_saw_the_purge(
    site: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Other processes read the Redis purge counter every REDIS_POLL_SECONDS; until then they
    may answer with the old page, which nginx would fetch and keep if purged already."""
    from masthead.server.purge_counter import REDIS_POLL_SECONDS
    from masthead.server.purging import purge

    server = ThreadingHTTPServer(("127.0.0.1", 0), _PurgeTimes)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _PurgeTimes.arrived = []
    settings.REDIS_URL = "redis://127.0.0.1:6379/11"  # read, never connected to, here
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    try:
        with django_capture_on_commit_callbacks(execute=True):
            purge({"/articles/some-story/"})
            committed = time.monotonic()
    finally:
        server.shutdown()
    assert _PurgeTimes.arrived
    assert min(_PurgeTimes.arrived) - committed >= REDIS_POLL_SECONDS

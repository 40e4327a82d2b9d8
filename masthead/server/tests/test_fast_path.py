"""The page cache as the production server runs it: through the WSGI fast path in front of
Django, with real requests (no test client), so hits are checked byte for byte and header for
header against the render they came from."""

from __future__ import annotations

import gzip
import io
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import brotli
import pytest
from django.contrib.auth.models import User
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from masthead.news.tests.factories import ArticleFactory, RegionFactory
from masthead.server import page_cache
from masthead.server.fast_path import FastPath

pytestmark = pytest.mark.django_db

PER_RESPONSE = {"date", "x-page-cache"}


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def __getitem__(self, name: str) -> str:
        return self.headers[name.lower()]

    @property
    def state(self) -> str | None:
        return self.headers.get("x-page-cache")


def wsgi_environ(path: str, method: str = "GET", **headers: str) -> dict[str, Any]:
    """A WSGI request for ``path`` (with its query string, if any) to testserver."""
    path, _, query = path.partition("?")
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    environ.update({"HTTP_" + name.upper(): value for name, value in headers.items()})
    return environ


class Reader:
    """Sends WSGI requests to Masthead's production application object."""

    def __init__(self) -> None:
        self.application = FastPath(WSGIHandler())

    def get(self, path: str, method: str = "GET", **headers: str) -> Answer:
        environ = wsgi_environ(path, method, **headers)
        started: dict[str, Any] = {}

        def start_response(status: str, response_headers: list, exc_info: Any = None) -> None:
            started["status"] = int(status.split()[0])
            started["headers"] = {name.lower(): value for name, value in response_headers}

        # As Django's test client does, for each request: the test's transaction (and so its
        # database connection) must outlive the request, which would otherwise close it.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            chunks = self.application(environ, start_response)
            try:
                body = b"".join(chunks)
            finally:
                if hasattr(chunks, "close"):
                    chunks.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return Answer(started["status"], started["headers"], body)


@pytest.fixture
def reader() -> Reader:
    return Reader()


def test_a_hit_has_the_bytes_and_headers_of_the_render(reader: Reader, site: Any) -> None:
    article = ArticleFactory()
    render = reader.get(article.url)
    hit = reader.get(article.url)
    assert (render.state, hit.state) == ("miss", "hit")
    assert hit.body == render.body and b"<html" in hit.body
    same = {k: v for k, v in render.headers.items() if k not in PER_RESPONSE}
    assert {k: v for k, v in hit.headers.items() if k not in PER_RESPONSE} == same
    # The security headers of the render survive in the cache.
    for name in ("x-frame-options", "x-content-type-options", "referrer-policy"):
        assert name in hit.headers, name
    assert hit["Cache-Control"].startswith("public, max-age=0, s-maxage=600")
    assert "stale-while-revalidate" in hit["Cache-Control"]
    # The language is in the path, and the page is the same whatever the cookies.
    assert hit["Vary"] == "Accept-Encoding"


def test_compressed_copies_and_304(reader: Reader, site: Any) -> None:
    article = ArticleFactory()
    plain = reader.get(article.url).body
    zipped = reader.get(article.url, accept_encoding="gzip, deflate")
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.body) == plain
    squeezed = reader.get(article.url, accept_encoding="gzip, deflate, br")
    assert squeezed["Content-Encoding"] == "br"
    assert brotli.decompress(squeezed.body) == plain
    assert int(squeezed["Content-Length"]) == len(squeezed.body) < len(plain)

    again = reader.get(article.url, if_none_match=squeezed["ETag"])
    assert (again.status, again.body) == (304, b"")
    assert again["ETag"] == squeezed["ETag"]
    head = reader.get(article.url, method="HEAD")
    assert head.body == b"" and int(head["Content-Length"]) == len(plain)


def test_a_signed_in_reader_is_never_served_from_or_stored_in_the_cache(
    reader: Reader, client: Any, site: Any
) -> None:
    article = ArticleFactory()
    User.objects.create_superuser("boss", password="pw-not-used")
    client.login(username="boss", password="pw-not-used")
    session = client.cookies["sessionid"].value
    for _ in range(2):
        staff = reader.get(article.url, cookie=f"sessionid={session}")
        assert staff.state is None
        assert b"userbar" in staff.body
        assert "private" in staff["Cache-Control"]
    anonymous = reader.get(article.url)
    assert anonymous.state == "miss"  # the staff page was never stored
    assert b"userbar" not in anonymous.body
    assert reader.get(article.url, cookie=f"sessionid={session}").state is None


def test_a_made_up_session_cookie_gets_the_cached_page(reader: Reader, site: Any) -> None:
    article = ArticleFactory()
    first = reader.get(article.url)
    forged = reader.get(article.url, cookie="sessionid=made-up-by-a-crawler")
    assert forged.state == "hit"
    assert forged.body == first.body
    assert "set-cookie" not in forged.headers


def test_only_the_query_parameters_pages_read_are_in_the_key(
    reader: Reader, site: Any, settings: Any
) -> None:
    settings.MASTHEAD_ARTICLES_PER_PAGE = 2
    region = RegionFactory(slug="coast")
    for n in range(3):
        ArticleFactory(title=f"Coast story {n}", regions=[region])
    path = region.url
    assert reader.get(path).state == "miss"
    tracked = reader.get(path + "?utm_source=spam&fbclid=x<script>")
    assert tracked.state == "hit"
    assert b"utm_source" not in tracked.body and b"fbclid" not in tracked.body
    assert reader.get(path + "?page=2").state == "miss"
    assert reader.get(path + "?page=2&utm_source=x").state == "hit"


def test_an_expired_page_is_rendered_by_one_request_while_others_get_it_stale(
    reader: Reader, site: Any
) -> None:
    article = ArticleFactory()
    reader.get(article.url)
    cache = page_cache.page_cache()
    (key,) = [k for k in cache._pages if k[2] == article.url]
    cache._pages[key] = stale = _expired(cache._pages[key])
    assert cache.try_refresh(key)  # another request is re-rendering it now
    waiting = reader.get(article.url)
    assert waiting.state == "stale" and waiting.body == stale.bodies["identity"]
    cache.end_refresh(key)
    refreshed = reader.get(article.url)
    assert refreshed.state == "miss"
    assert reader.get(article.url).state == "hit"


def _expired(page: page_cache.CachedPage) -> page_cache.CachedPage:
    from dataclasses import replace

    return replace(page, fresh_until=0.0)


def test_publishing_purges_exactly_the_pages_that_show_the_article(
    reader: Reader, site: Any, settings: Any
) -> None:
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt"]
    coast, mountains = RegionFactory(slug="coast"), RegionFactory(slug="mountains")
    coastal = ArticleFactory(title="Tide tables", regions=[coast])
    alpine = ArticleFactory(title="Snow report", regions=[mountains])
    pages = ["/", "/pt/", coast.url, mountains.url, coastal.url, alpine.url, "/feed/rss/"]
    for path in pages:
        reader.get(path)
        assert reader.get(path).state == "hit", path

    coastal.title = "Tide tables, corrected"
    coastal.save_revision().publish()

    after = {path: reader.get(path) for path in pages}
    for path in ("/", "/pt/", coast.url, coastal.url, "/feed/rss/"):
        assert after[path].state == "miss", path
    assert b"Tide tables, corrected" in after[coastal.url].body
    assert b"Tide tables, corrected" in after[coast.url].body
    # Unrelated pages keep their cache.
    assert after[mountains.url].state == "hit"
    assert after[alpine.url].state == "hit"


def test_an_edit_that_leaves_a_region_purges_that_region_too(reader: Reader, site: Any) -> None:
    coast, mountains = RegionFactory(slug="coast"), RegionFactory(slug="mountains")
    article = ArticleFactory(title="Wandering story", regions=[coast])
    reader.get(coast.url)
    assert b"Wandering story" in reader.get(coast.url).body
    article.regions = [mountains]
    article.save_revision().publish()
    assert b"Wandering story" not in reader.get(coast.url).body
    assert b"Wandering story" in reader.get(mountains.url).body


def test_unpublishing_takes_the_article_off_every_cached_index_at_once(
    reader: Reader, site: Any, settings: Any
) -> None:
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt"]
    region = RegionFactory(slug="coast")
    article = ArticleFactory(title="Soon withdrawn", regions=[region])
    indexes = ["/", "/pt/", region.url, "/articles/", "/feed/rss/", "/pt/feed/atom/"]
    indexes += ["/sitemap.xml", region.url + "feed/rss/", "/search/?q=withdrawn"]
    for path in indexes:
        reader.get(path)
        assert reader.get(path).state == "hit", path
    assert b"Soon withdrawn" in reader.get("/").body
    article.unpublish()
    for path in indexes:
        answer = reader.get(path)
        assert b"Soon withdrawn" not in answer.body, path
        assert article.url.encode() not in answer.body, path
    assert reader.get(article.url).status == 404


def test_purges_reach_another_process_through_the_counter(
    reader: Reader, site: Any, tmp_path: Any
) -> None:
    """Another server process: its own memory, the same shared cache and purge counter."""
    from masthead.server.purge_counter import FileCounter

    article = ArticleFactory(title="Seen elsewhere")
    other = page_cache.PageCache(FileCounter(tmp_path / "page-cache.purges"), 1 << 24)
    mine = page_cache.page_cache()
    reader.get(article.url)
    page_cache.use_page_cache(other)
    assert reader.get(article.url).state == "hit"  # from the shared cache, then its memory
    page_cache.use_page_cache(mine)
    article.title = "Seen elsewhere, updated"
    article.save_revision().publish()
    page_cache.use_page_cache(other)
    answer = reader.get(article.url)
    assert answer.state == "miss" and b"Seen elsewhere, updated" in answer.body


class _PurgeRecorder(BaseHTTPRequestHandler):
    purged: list[str] = []

    def do_PURGE(self) -> None:
        self.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def test_a_cdn_or_nginx_in_front_is_told_exactly_which_urls_to_purge(
    site: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _PurgeRecorder.purged = []
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt"]
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    try:
        coast, mountains = RegionFactory(slug="coast"), RegionFactory(slug="mountains")
        article = ArticleFactory(title="Purged story", slug="purged-story", regions=[coast])
        _PurgeRecorder.purged = []
        with django_capture_on_commit_callbacks(execute=True):
            article.slug = "renamed-story"
            article.save_revision().publish()
    finally:
        server.shutdown()
    purged = set(_PurgeRecorder.purged)
    for path in (
        "/articles/renamed-story/",
        "/pt/articles/renamed-story/",
        "/articles/purged-story/",  # the old address
        "/",
        "/pt/",
        "/feed/rss/",
        "/regions/coast/",
        "/pt/regions/coast/feed/atom/",
        "/sitemap.xml",
    ):
        assert path in purged, path
    assert mountains.url not in purged

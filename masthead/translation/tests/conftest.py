"""Shared pieces for the translation tests: a realistic article and a tiny local HTTP server
that speaks the LibreTranslate and DeepL APIs (tests never reach the network)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.conf import LazySettings
from wagtail.rich_text import RichText

from masthead.news.tests.factories import ArticleFactory, AuthorFactory, CreditedImageFactory

PARAGRAPHS = [
    '<p>The mayor of Riverton, <a href="https://example.org/souza">Ana Souza</a>, said on Monday '
    "that the old bridge over the river would reopen next spring. The city council approved "
    "the plan after a long debate.</p>",
    "<h2>A long wait for the people of the city</h2>",
    "<p>Residents have waited for <strong>three years</strong>. Many of them cross the river "
    "every day to go to work. The new bridge will have a lane for bicycles.</p>",
    "<ul><li>The work will cost ten million euros.</li><li>It will take eight months.</li></ul>",
]


def article_body(image: Any) -> list[tuple[str, Any]]:
    return [
        ("paragraph", RichText(PARAGRAPHS[0] + PARAGRAPHS[1])),
        (
            "image",
            {"image": image, "alt_text": "The old bridge at night.", "caption": "The bridge."},
        ),
        ("paragraph", RichText(PARAGRAPHS[2] + PARAGRAPHS[3])),
        (
            "quote",
            {"quote": "We will finally have our bridge back.", "attribution": "Ana Souza"},
        ),
    ]


@pytest.fixture
def article(home: Any) -> Any:
    author = AuthorFactory(title="Nadia Haddad", slug="nadia-haddad")
    image = CreditedImageFactory(credit="Photo: Test Agency")
    return ArticleFactory(
        title="The city will reopen the old bridge",
        slug="bridge-reopens",
        standfirst="The council approved the plan on Monday.",
        authors=[author],
        body=article_body(image),
    )


@pytest.fixture
def languages(settings: LazySettings) -> LazySettings:
    """Translate into Portuguese (Firefox Translations) and Spanish (Apertium) only."""
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt", "es"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["fxtranslate", "apertium"]}
    return settings


class FakeApiHandler(BaseHTTPRequestHandler):
    """LibreTranslate (/translate, /languages) and DeepL (/v2/translate) in miniature.

    It "translates" by wrapping each segment in «» so tests can see its answer was used, or
    by the server's ``phrasebook`` where a test gives one.
    """

    def log_message(self, *args: Any) -> None:
        pass

    def _send(self, status: int, body: Any, raw: bytes | None = None) -> None:
        payload = raw if raw is not None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:
        if self.path == "/languages":
            self._send(200, [{"code": "en", "targets": ["ar", "fr", "de", "ru"]}])
        else:
            self._send(404, {"error": "not found"})

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        mode = self.server.mode  # type: ignore[attr-defined]
        self.server.requests.append((self.path, body, dict(self.headers)))  # type: ignore[attr-defined]
        if mode == "error":
            self._send(500, {"error": "model crashed"})
        elif mode == "slow":
            time.sleep(1.5)
            self._send(200, {})
        elif mode == "garbage":
            self._send(200, None, raw=b"<html>proxy error</html>")
        elif self.path == "/translate":
            phrasebook = self.server.phrasebook  # type: ignore[attr-defined]
            self._send(200, {"translatedText": [phrasebook.get(q, f"«{q}»") for q in body["q"]]})
        elif self.path == "/v2/translate":
            self._send(200, {"translations": [{"text": f"«{t}»"} for t in body["text"]]})
        else:
            self._send(404, {"error": "not found"})


@pytest.fixture
def fake_api() -> Iterator[Any]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeApiHandler)
    server.mode = "ok"  # type: ignore[attr-defined]
    server.requests = []  # type: ignore[attr-defined]
    server.phrasebook = {}  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"  # type: ignore[attr-defined]
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_cached_site_languages() -> Iterator[None]:
    from masthead.translation.queries import forget_site_languages

    forget_site_languages()
    yield
    forget_site_languages()

"""A local stand-in for Akismet's comment-check API, started by the tests that need it.

It answers as Akismet's documentation says (POST ``/1.1/comment-check`` with the form fields
``api_key``, ``blog``, ``user_ip``, ``comment_content`` ...; ``true`` for spam, ``false`` for
ham, ``invalid`` for a key it doesn't know), with Akismet's own test values: the author
``akismet-guaranteed-spam`` (or that address) is always spam, and here a text containing it.
``mode`` plays an Akismet in trouble: ``"error"`` answers 500, ``"slow"`` answers after
``delay`` seconds, ``"garbage"`` answers something that isn't Akismet's protocol. Every
request is recorded.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

KEY = "akismet-test-key"
GUARANTEED_SPAM = "akismet-guaranteed-spam"


@dataclass
class AkismetState:
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    mode: str = "normal"
    delay: float = 5.0


class Handler(BaseHTTPRequestHandler):
    state: AkismetState

    def log_message(self, *args: Any) -> None:
        pass

    def _reply(self, status: int, text: str, headers: dict[str, str] | None = None) -> None:
        payload = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        form = dict(parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
        self.state.requests.append((self.path, form))
        mode = self.state.mode
        if mode == "slow":
            time.sleep(self.state.delay)
        if mode == "error":
            return self._reply(500, "Internal Server Error")
        if mode == "garbage":
            return self._reply(200, "<html>maintenance</html>")
        if self.path != "/1.1/comment-check":
            return self._reply(404, "Not Found")
        if form.get("api_key") != KEY:
            return self._reply(200, "invalid", {"X-akismet-debug-help": "Invalid API key."})
        if GUARANTEED_SPAM in (
            form.get("comment_author", ""),
            form.get("comment_author_email", "").partition("@")[0],
        ) or GUARANTEED_SPAM in form.get("comment_content", ""):
            return self._reply(200, "true")
        return self._reply(200, "false")


class AkismetStandIn:
    def __init__(self) -> None:
        self.state = AkismetState()
        handler = type("BoundHandler", (Handler,), {"state": self.state})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> AkismetStandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def checks(self) -> list[dict[str, str]]:
        return [form for path, form in self.state.requests if path == "/1.1/comment-check"]

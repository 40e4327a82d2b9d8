"""One page as the page cache keeps it: its body in each encoding, compressed once, and the
headers of each kind of answer, put together on first use, so a hit only picks them.

A hit is the whole cost of serving a popular page, so nothing here is worked out twice: not
the compression, not the Cache-Control value, not the header list, not the encoding a given
``Accept-Encoding`` header asks for.
"""

from __future__ import annotations

import gzip
import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import brotli

# Headers the cache sets itself, or that belong to one response only.
_OWN_HEADERS = frozenset(
    {
        "content-length",
        "content-encoding",
        "cache-control",
        "etag",
        "vary",
        "date",
        "server",
        "expires",
        "last-modified",
        "set-cookie",
        "x-page-cache",
    }
)
_MIN_COMPRESSED_BYTES = 256
# Distinct Accept-Encoding headers remembered (browsers send a handful; anyone may send more).
_MAX_REMEMBERED_HEADERS = 512
_preferences: dict[str, tuple[str, ...]] = {}

Headers = list[tuple[str, str]]


def preferred_encodings(accept_encoding: str) -> tuple[str, ...]:
    """The compressed encodings this header accepts, best first (``q`` values aside, as
    every current browser accepts what it names)."""
    found = _preferences.get(accept_encoding)
    if found is None:
        offered = {part.split(";")[0].strip() for part in accept_encoding.lower().split(",")}
        found = tuple(encoding for encoding in ("br", "gzip") if encoding in offered)
        if len(_preferences) >= _MAX_REMEMBERED_HEADERS:
            _preferences.clear()
        _preferences[accept_encoding] = found
    return found


def cache_control(seconds: int) -> str:
    """Shared caches (a CDN, nginx) keep pages as long as we do and are purged on change;
    browsers check back every time, which costs a 304 when nothing changed."""
    return f"public, max-age=0, s-maxage={seconds}, stale-while-revalidate={min(seconds, 60)}"


def etag_matches(if_none_match: str, etag: str) -> bool:
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    weak = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == weak for tag in if_none_match.split(","))


@dataclass(frozen=True)
class CachedPage:
    """One page as stored: its bodies in each encoding and the headers every copy carries."""

    path: str  # without language prefix, as purges name it
    headers: tuple[tuple[str, str], ...]
    bodies: dict[str, bytes]  # "identity", and "gzip" and "br" for text worth compressing
    etag: str
    fresh_until: float
    # False for a page kept for an access level: only this server may keep it, never a CDN.
    shared: bool = True
    seconds: int = 0  # how long shared caches may keep it (s-maxage)
    # Header lists by (encoding, state, shareable, not modified), made on first use.
    _answers: dict[tuple[str, str, bool, bool], Headers] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __getstate__(self) -> dict[str, Any]:
        # The shared cache stores the page; each process makes its own header lists.
        return {name: value for name, value in self.__dict__.items() if name != "_answers"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _answers={})

    @property
    def fresh(self) -> bool:
        return time.time() < self.fresh_until

    @property
    def size(self) -> int:
        return sum(len(body) for body in self.bodies.values())

    def encoding_for(self, accept_encoding: str) -> str:
        for encoding in preferred_encodings(accept_encoding):
            if encoding in self.bodies:
                return encoding
        return "identity"

    def answer(
        self, environ: dict[str, Any], state: str, *, shareable: bool = True
    ) -> tuple[int, Headers, bytes]:
        """Status, headers and body for one request (304 when its ETag matches). Not
        ``shareable``: a CDN or nginx must not keep this copy (it may predate a purge)."""
        not_modified = etag_matches(environ.get("HTTP_IF_NONE_MATCH", ""), self.etag)
        encoding = self.encoding_for(environ.get("HTTP_ACCEPT_ENCODING", ""))
        choice = (encoding, state, shareable, not_modified)
        headers = self._answers.get(choice)
        if headers is None:
            headers = self._answers[choice] = self._headers(*choice)
        if not_modified:
            return 304, list(headers), b""
        body = b"" if environ.get("REQUEST_METHOD") == "HEAD" else self.bodies[encoding]
        return 200, list(headers), body

    def _headers(self, encoding: str, state: str, shareable: bool, not_modified: bool) -> Headers:
        if not self.shared:
            control = "private, max-age=0"
        else:
            control = cache_control(self.seconds) if shareable else "no-cache"
        headers = [
            *self.headers,
            ("Cache-Control", control),
            ("Vary", "Accept-Encoding" if self.shared else "Accept-Encoding, Cookie"),
            ("ETag", self.etag),
            ("X-Page-Cache", state),
        ]
        if not not_modified:
            if encoding != "identity":
                headers.append(("Content-Encoding", encoding))
            headers.append(("Content-Length", str(len(self.bodies[encoding]))))
        return headers


def build_page(
    path: str,
    headers: Iterable[tuple[str, str]],
    body: bytes,
    seconds: int,
    *,
    shared: bool = True,
) -> CachedPage:
    """Compress once, here, so a hit never compresses."""
    bodies = {"identity": body}
    kept = tuple((name, value) for name, value in headers if name.lower() not in _OWN_HEADERS)
    if len(body) >= _MIN_COMPRESSED_BYTES:
        bodies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
        bodies["br"] = brotli.compress(body, quality=9)
    digest = hashlib.blake2b(body, digest_size=12).hexdigest()
    return CachedPage(
        path=path,
        headers=kept,
        bodies=bodies,
        etag=f'W/"{digest}"',
        fresh_until=time.time() + seconds,
        shared=shared,
        seconds=seconds,
    )

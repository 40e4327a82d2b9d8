"""The readers' page cache: a hit costs a dictionary lookup, a purge drops exactly the pages
that changed, and no reader ever gets a page made for somebody else.

Three layers, each cheaper than the next:

* each server process keeps its hot pages in memory, already compressed (gzip and brotli), with
  their ETag and every header the render produced;
* the shared cache (Django's default cache: a folder on one machine, Redis across several)
  holds the same pages for the other processes, under keys that carry a version of the page's
  path, so a purge makes older copies unreachable without finding them;
* a purge counter (:mod:`.purge_counter`) tells every process which paths were purged since it
  last looked, for the price of reading one number per hit.

Only anonymous GET and HEAD requests are answered from the cache, and only responses that set
no cookie, vary on no cookie (so no CSRF token and nothing personal) and are not private are
stored. A request carrying a session cookie bypasses the cache only when that session exists,
so a made-up cookie gets the cached page rather than costing a render. The key holds the
scheme, the host, the path and only the query parameters pages read (``page``, ``q``); other
parameters are removed before the page is rendered, so they can neither flood the cache nor
end up in a page served to others.

When a page expires, one request renders it again while the others get the stale copy.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from importlib import import_module
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import connection
from django.dispatch import receiver

from .cached_page import CachedPage, build_page
from .languages import prefix_languages
from .page_files import page_files
from .purge_counter import FileCounter, PurgeCounter, RedisCounter

CACHEABLE_TYPES = (
    "text/html",
    "text/plain",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
)
# Paths that must always reach the application, with or without a language prefix. The
# project's own: staff pages, health checks and files. Each app adds its readers' form and
# account endpoints as ``uncached_paths`` (prefixes) and ``uncached_suffixes`` on its
# AppConfig: they read their own query parameters, which the key below leaves out, and
# answer each reader differently.
CORE_UNCACHED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/healthz",
    "/static/",
    "/media/",
    "/documents/",
)
T = TypeVar("T")
_LANGUAGE_PREFIX = re.compile(r"^/[a-z]{2,3}(?:-[a-z]{2,4})?(?=/)")


@functools.cache
def uncached_prefixes() -> tuple[str, ...]:
    """The project's uncached prefixes and every installed app's ``uncached_paths``."""
    declared = (getattr(config, "uncached_paths", ()) for config in apps.get_app_configs())
    return CORE_UNCACHED_PREFIXES + tuple(itertools.chain.from_iterable(declared))


@functools.cache
def uncached_suffixes() -> tuple[str, ...]:
    """Every installed app's ``uncached_suffixes`` (e.g. a republished article's counter)."""
    declared = (getattr(config, "uncached_suffixes", ()) for config in apps.get_app_configs())
    return tuple(itertools.chain.from_iterable(declared))


# Paths already classified (a hit must not run the regex again); bounded, as anyone can
# ask for any path.
_uncached_by_path: dict[str, bool] = {}
_MAX_CLASSIFIED_PATHS = 10_000


def _always_uncached(path: str) -> bool:
    found = _uncached_by_path.get(path)
    if found is None:
        prefixes = uncached_prefixes()
        unprefixed = _LANGUAGE_PREFIX.sub("", path, count=1)
        found = (
            path.startswith(prefixes)
            or unprefixed.startswith(prefixes)
            or path.endswith(uncached_suffixes())
        )
        if len(_uncached_by_path) >= _MAX_CLASSIFIED_PATHS:
            _uncached_by_path.clear()
        _uncached_by_path[path] = found
    return found


# The only query parameters reader pages read (pagination, search, the sitemap's files); the
# rest are dropped.
PAGE_PARAMETERS = frozenset({"page", "q", "p"})
# An archive moved in from WordPress keeps its old ``/?p=123`` links: on the front page they
# reach the application (masthead/importers redirects them), never the cached front page.
OLD_FRONT_PAGE_QUERY_KEYS = frozenset({"p", "page_id", "cat", "tag", "author", "attachment_id"})
_PURGE_LOG_SECONDS = 24 * 3600
_LOCK_SECONDS = 30

PageKey = tuple[str, str, str, str, str]  # scheme, host, path, query, access level


# Signed-in readers see pages by their access level (free reader, member of a tier), never as
# themselves: the app that keeps accounts names the level in a signed, short-lived cookie, and
# pages are cached per level. Without a valid cookie a session bypasses the cache, as before.
ACCESS_COOKIE = "masthead_access"
# Short, so a lapsed membership stops reaching members' cached pages soon; a reader whose
# cookie expired is served by Django once, which issues a fresh one.
ACCESS_COOKIE_SECONDS = 600
_ACCESS_SALT = "masthead.page-cache.access-level"


def _session_tag(session_key: str) -> str:
    return hashlib.blake2b(session_key.encode(), digest_size=8).hexdigest()


def signed_access_level(level: str, session_key: str) -> str:
    """The cookie value naming ``level`` for one session (set by the app that keeps reader
    accounts). Tied to the session, a copied cookie is worth nothing without it."""
    return signing.TimestampSigner(salt=_ACCESS_SALT).sign(f"{level}/{_session_tag(session_key)}")


def access_level(environ: dict[str, Any]) -> str:
    """The access level the request's signed cookie names for the request's own session, or ""
    (no cookie, forged, expired, or made for another session)."""
    raw = environ.get("HTTP_COOKIE")
    if not raw or ACCESS_COOKIE not in raw:
        return ""
    try:
        cookies = SimpleCookie(raw)
        claim, session = cookies.get(ACCESS_COOKIE), cookies.get(settings.SESSION_COOKIE_NAME)
        if claim is None or session is None:
            return ""
        value = signing.TimestampSigner(salt=_ACCESS_SALT).unsign(
            claim.value, max_age=ACCESS_COOKIE_SECONDS
        )
    except Exception:  # a malformed Cookie header or a bad signature: no level
        return ""
    level, _, tag = value.rpartition("/")
    return level if tag == _session_tag(session.value) else ""


@dataclass(frozen=True)
class _KeySettings:
    """The settings every key reads, read once (Django's settings object costs a Python call
    per attribute) and again when a test changes them."""

    seconds: int
    forwarded_host: bool
    proxy_header: tuple[str, str] | None
    session_cookie: str


@functools.cache
def _key_settings() -> _KeySettings:
    return _KeySettings(
        seconds=settings.MASTHEAD_PAGE_CACHE_SECONDS,
        forwarded_host=getattr(settings, "USE_X_FORWARDED_HOST", False),
        proxy_header=getattr(settings, "SECURE_PROXY_SSL_HEADER", None),
        session_cookie=settings.SESSION_COOKIE_NAME,
    )


@receiver(setting_changed)
def _settings_changed(**_: Any) -> None:
    _key_settings.cache_clear()
    _language_prefixes.cache_clear()


def page_key(environ: dict[str, Any]) -> PageKey | None:
    """The cache key of a request, or None when the request must reach the application."""
    known = _key_settings()
    if known.seconds <= 0:
        return None
    if environ.get("REQUEST_METHOD") not in {"GET", "HEAD"}:
        return None
    path = environ.get("PATH_INFO", "/")
    if _always_uncached(path):
        return None
    query = environ.get("QUERY_STRING", "")
    if query:
        parameters = parse_qsl(query, keep_blank_values=True)
        if any(name == "preview" for name, _ in parameters):
            return None
        if path == "/" and any(name in OLD_FRONT_PAGE_QUERY_KEYS for name, _ in parameters):
            return None
        query = urlencode(sorted((n, v) for n, v in parameters if n in PAGE_PARAMETERS))
    if known.forwarded_host and "HTTP_X_FORWARDED_HOST" in environ:
        host = environ["HTTP_X_FORWARDED_HOST"]
    else:
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    scheme = environ.get("wsgi.url_scheme", "http")
    proxy_header = known.proxy_header
    if proxy_header and environ.get(proxy_header[0]) == proxy_header[1]:
        scheme = "https"
    return (scheme, host.lower(), path, query, access_level(environ))


def session_cookie(environ: dict[str, Any]) -> str | None:
    raw = environ.get("HTTP_COOKIE")
    name = _key_settings().session_cookie
    if not raw or name not in raw:
        return None
    try:
        morsel = SimpleCookie(raw).get(name)
    except Exception:  # a malformed Cookie header: treat it as a session, let Django decide
        return raw
    return morsel.value if morsel else None


def session_exists(session_key: str) -> bool:
    store = import_module(settings.SESSION_ENGINE).SessionStore
    return bool(session_key) and store().exists(session_key)


def is_cacheable_response(
    environ: dict[str, Any], status: int, headers: Iterable[tuple[str, str]]
) -> bool:
    """A page the same for every anonymous reader. Django says ``Vary: Cookie`` as soon as a
    template looks at the (empty) session; that is fine for a request without a session
    cookie, but a page that used a CSRF token is one visitor's and is never stored."""
    found = {name.lower(): value for name, value in headers}
    if status != 200 or "set-cookie" in found or "CSRF_COOKIE_NEEDS_UPDATE" in environ:
        return False
    control = found.get("cache-control", "").lower()
    return found.get("content-type", "").startswith(CACHEABLE_TYPES) and not any(
        word in control for word in ("private", "no-cache", "no-store")
    )


def base_path(path: str) -> str:
    """The path without its language prefix: a purge covers a page in every language."""
    parts = path.split("/", 2)
    if len(parts) == 3 and parts[1] in _language_prefixes():
        return "/" + parts[2]
    return path


@functools.cache
def _language_prefixes() -> frozenset[str]:
    return prefix_languages()


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def _path_version_key(path: str) -> str:
    return "masthead:pc:path:" + _digest(path)


_EPOCH_KEY = "masthead:pc:epoch"


def _log_key(number: int) -> str:
    return f"masthead:pc:purge:{number}"


@dataclass(frozen=True)
class RenderTicket:
    """What a render must know when it stores its page: versions seen before it started."""

    key: PageKey
    shared_key: str
    purge_number: int


class PageCache:
    """One per process: the in-memory pages, their path index and the purge bookkeeping."""

    def __init__(self, counter: PurgeCounter, memory_bytes: int) -> None:
        self.counter = counter
        self.memory_bytes = memory_bytes
        self._pages: OrderedDict[PageKey, CachedPage] = OrderedDict()
        self._by_path: dict[str, set[PageKey]] = {}
        self._bytes = 0
        self._seen = counter.current_now()
        self._lock = threading.Lock()
        self._refreshing: set[PageKey] = set()
        self._reads: dict[Hashable, tuple[Any, float | None]] = {}
        self._reads_number = self._seen

    # --- reading ----------------------------------------------------------------------------
    def local(self, key: PageKey) -> CachedPage | None:
        """The page from this process's memory, after applying purges made anywhere."""
        if self.counter.current() != self._seen:
            self._catch_up()
        page = self._pages.get(key)
        if page is not None:
            try:
                self._pages.move_to_end(key)
            except KeyError:  # dropped by another thread just now
                return None
        return page

    def lookup(self, key: PageKey) -> CachedPage | None:
        """From memory, else from the shared cache (then kept in memory too)."""
        page = self.local(key)
        if page is not None:
            return page
        purge_number = self.counter.current_now()
        page = cache.get(self._shared_key(key))
        if page is not None:
            self._keep(key, page, purge_number)
        return page

    def until_purged(
        self, key: Hashable, compute: Callable[[], T], seconds: float | None = None
    ) -> T:
        """``compute()`` once for this process, then the same answer until the next purge of
        any page on any node (or for at most ``seconds``): for the site-wide reads every page
        makes (the site, its settings, the header's sections, the view restrictions), whose
        every change purges. The answer is shared by every request: never change it."""
        number = self.counter.current()
        now = time.monotonic()
        with self._lock:
            if number != self._reads_number:
                self._reads.clear()
                self._reads_number = number
            found = self._reads.get(key)
            if found is not None and (found[1] is None or found[1] > now):
                return found[0]
        value = compute()
        # Rows read inside a transaction may never be committed: no purge would follow.
        if not _in_transaction():
            with self._lock:
                if number == self._reads_number:
                    self._reads[key] = (value, None if seconds is None else now + seconds)
        return value

    # --- rendering --------------------------------------------------------------------------
    def start_render(self, key: PageKey) -> RenderTicket:
        return RenderTicket(key, self._shared_key(key), self.counter.current_now())

    def store(
        self, ticket: RenderTicket, headers: Iterable[tuple[str, str]], body: bytes
    ) -> CachedPage:
        seconds = settings.MASTHEAD_PAGE_CACHE_SECONDS
        level = ticket.key[4]
        page = build_page(base_path(ticket.key[2]), headers, body, seconds, shared=not level)
        # Under versions read before rendering: a purge meanwhile leaves this copy unreachable.
        cache.set(ticket.shared_key, page, timeout=2 * seconds)
        self._keep(ticket.key, page, ticket.purge_number)
        return page

    def keep_file(
        self, key: PageKey, page: CachedPage, seen: int, *, replace: bool = False
    ) -> None:
        """Write the page's file for nginx, if files are kept and the page may have one (and
        it has none yet, unless ``replace``); ``seen``: the purge number the page is current
        for."""
        files = page_files()
        if files is not None and page.fresh:
            files.write(key, page, self.counter, seen, replace=replace)

    def purged_since(self, ticket: RenderTicket) -> bool:
        """Whether a purge happened anywhere while this render ran: its page may show what the
        purge removed, so only this server, which drops it, may keep it."""
        return self.counter.current_now() != ticket.purge_number

    def try_refresh(self, key: PageKey) -> bool:
        """Claim the right to re-render an expired page; others keep serving the stale copy."""
        with self._lock:
            if key in self._refreshing:
                return False
            if not cache.add(self._lock_key(key), 1, timeout=_LOCK_SECONDS):
                return False
            self._refreshing.add(key)
            return True

    def end_refresh(self, key: PageKey) -> None:
        with self._lock:
            if key in self._refreshing:
                self._refreshing.discard(key)
                cache.delete(self._lock_key(key))

    # --- purging ----------------------------------------------------------------------------
    def purge_paths(self, paths: Iterable[str]) -> None:
        """Make these paths (with any query, in every language) render again, on every process
        and node."""
        paths = sorted({base_path(path) for path in paths})
        if not paths:
            return
        cache.set_many({_path_version_key(path): uuid.uuid4().hex for path in paths}, None)
        number = self.counter.advance()
        cache.set(_log_key(number), paths, timeout=_PURGE_LOG_SECONDS)
        with self._lock:
            self._drop_paths(paths)
        if files := page_files():
            files.remove_paths(paths)

    def purge_everything(self) -> None:
        cache.set(_EPOCH_KEY, uuid.uuid4().hex, timeout=None)
        number = self.counter.advance()
        cache.set(_log_key(number), "*", timeout=_PURGE_LOG_SECONDS)
        with self._lock:
            self._clear()
        if files := page_files():
            files.remove_everything()

    # --- internals --------------------------------------------------------------------------
    def _shared_key(self, key: PageKey) -> str:
        path_key = _path_version_key(base_path(key[2]))
        versions = cache.get_many([_EPOCH_KEY, path_key])
        raw = f"{versions.get(_EPOCH_KEY)}|{versions.get(path_key)}|{key!r}"
        return "masthead:pc:page:" + _digest(raw)

    @staticmethod
    def _lock_key(key: PageKey) -> str:
        return "masthead:pc:lock:" + _digest(repr(key))

    def _keep(self, key: PageKey, page: CachedPage, purge_number: int) -> None:
        with self._lock:
            if purge_number != self._seen:
                return  # purges happened while it rendered: keep it only in the shared cache
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            self._pages[key] = page
            self._by_path.setdefault(page.path, set()).add(key)
            self._bytes += page.size
            while self._bytes > self.memory_bytes and self._pages:
                evicted_key, evicted = self._pages.popitem(last=False)
                self._forget(evicted_key, evicted)

    def _catch_up(self) -> None:
        with self._lock:
            latest = self.counter.current_now()
            if latest == self._seen:
                return
            paths = purge_log(range(self._seen + 1, latest + 1))
            if paths is None:
                self._clear()
            else:
                self._drop_paths(paths)
            self._seen = latest

    def _drop_paths(self, paths: Iterable[str]) -> None:
        for path in paths:
            for key in self._by_path.pop(path, ()):
                page = self._pages.pop(key, None)
                if page is not None:
                    self._bytes -= page.size

    def _forget(self, key: PageKey, page: CachedPage) -> None:
        self._bytes -= page.size
        keys = self._by_path.get(page.path)
        if keys is not None:
            keys.discard(key)
            if not keys:
                del self._by_path[page.path]

    def _clear(self) -> None:
        self._pages.clear()
        self._by_path.clear()
        self._bytes = 0


_instance: PageCache | None = None
_instance_lock = threading.Lock()


def page_cache() -> PageCache:
    """This process's page cache, made on first use from the settings."""
    global _instance
    if _instance is None:
        with _instance_lock:
            if _instance is None:
                _instance = PageCache(_counter_from_settings(), _memory_bytes())
    return _instance


def use_page_cache(instance: PageCache | None) -> None:
    """Replace this process's page cache (tests give each test its own)."""
    global _instance
    _instance = instance


def _counter_from_settings() -> PurgeCounter:
    if settings.REDIS_URL:
        return RedisCounter(settings.REDIS_URL)
    return FileCounter(Path(settings.DATA_DIR) / "page-cache.purges")


def _memory_bytes() -> int:
    return settings.MASTHEAD_PAGE_CACHE_MEMORY_MB * 1024 * 1024


def until_purged(key: Hashable, compute: Callable[[], T], seconds: float | None = None) -> T:
    """See :meth:`PageCache.until_purged`."""
    return page_cache().until_purged(key, compute, seconds)


def purge_log(numbers: range) -> set[str] | None:
    """The paths purged under these purge numbers, or None for everything (a purge of
    everything among them, or one whose list can't be read: expired, or just being written)."""
    logs = cache.get_many([_log_key(n) for n in numbers]) if len(numbers) < 1000 else {}
    if len(logs) != len(numbers) or "*" in logs.values():
        return None
    return {path for paths in logs.values() for path in paths}


def _in_transaction() -> bool:
    # A test's own transaction (Django's TestCase marks it) holds every test's writes; a
    # purge still follows each of them.
    return any(not block._from_testcase for block in connection.atomic_blocks)


def purge_paths(paths: Iterable[str]) -> None:
    page_cache().purge_paths(paths)


def purge_everything(**_: Any) -> None:
    """Make every cached page stale (a signal receiver as well as a plain function)."""
    page_cache().purge_everything()

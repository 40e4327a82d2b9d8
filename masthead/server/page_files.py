"""Readers' pages as files, for nginx to serve itself at the speed of any static file.

With ``MASTHEAD_PAGE_FILES_DIR`` set, each HTML page the page cache keeps for anonymous
readers at an address without a query string is also written as
``<folder>/<host>/<path>/index.html``, with ``index.html.gz`` and ``index.html.br`` beside it,
and nginx answers from them with ``try_files`` (docs/deploy.md, "nginx in front"):

* **Atomic.** Each file is written under a temporary name in its own folder and renamed into
  place: nginx serves the old page or the new one, never half of one.
* **Purged exactly, on every machine.** A purge removes the files of the purged paths in every
  language: at once in the process that purges, and on every machine by the follower
  (:class:`PurgeFollower`) that ``masthead serve`` runs, which reads the same purge counter and
  lists as the page cache. A page rendered while a purge happened is removed again after it is
  written, so a purge can't be overtaken by the render it made stale.
* **Only pages nginx answers with Masthead's headers.** nginx adds :func:`file_headers` (the
  headers every reader's page gets from Django's and django-csp's middleware) and takes the
  language from the path as :func:`content_language` does; a page whose headers differ (a view
  with its own policy) is not written, and nginx asks Masthead for it.
* **No older than the page cache's own copies.** The follower removes files older than
  ``MASTHEAD_PAGE_CACHE_SECONDS``, the same bound on time-dependent bits.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import shutil
import threading
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string

from .cached_page import CachedPage, cache_control
from .languages import served_languages
from .purge_counter import PurgeCounter

logger = logging.getLogger(__name__)

INDEX = b"index.html"
# Each encoding's file beside the page, as nginx's gzip_static and brotli_static look for them.
SUFFIXES = {"identity": b"", "gzip": b".gz", "br": b".br"}
HTML = "text/html; charset=utf-8"
# The language prefix rule nginx applies too (docs/deploy.md's map on $uri).
LANGUAGE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:-[a-z]{2,4})?)/")
# Headers nginx works out itself for a file (type, language, length, ETag, Last-Modified) or
# adds only over HTTPS, as Django does.
_PER_FILE_HEADERS = frozenset({"content-type", "content-language", "strict-transport-security"})
# Middleware that add the same headers to every reader's page, in the order Django runs them
# on the way out.
_HEADER_MIDDLEWARE = (
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
)
_SAFE_SEGMENT = re.compile(rb"^[^/\x00-\x1f\x7f\\]{1,255}$")
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$")
_PAGE_FILE_AGE_CHECK_SECONDS = 30
_MAX_REMEMBERED = 50_000
# How long a page's file, once seen on disk, is taken to be there without another look (a look
# is a system call, which on a busy machine costs more than the rest of a hit). A purge or a new
# render makes a new page, which is looked for at once; a file removed otherwise comes back
# within this time, and meanwhile nginx's requests for it are answered from memory.
_RECHECK_SECONDS = 1.0


@functools.cache
def file_headers() -> tuple[tuple[str, str], ...]:
    """The headers every reader's page gets from the security middleware (CSP, framing,
    referrer, sniffing, opener policy), worked out by running those middleware on an empty
    answer, so they are Masthead's own values whatever the settings say."""
    request = HttpRequest()
    request.path = request.path_info = "/"
    request.META = {"SERVER_NAME": "localhost", "SERVER_PORT": "80"}
    response = HttpResponse()
    for dotted in _HEADER_MIDDLEWARE:
        if dotted not in settings.MIDDLEWARE:
            continue
        middleware = import_string(dotted)(HttpResponse)  # process_response alone is used
        if hasattr(middleware, "process_request"):
            middleware.process_request(request)
        response = middleware.process_response(request, response)
    return tuple(
        (name, canonical(name, value))
        for name, value in response.items()
        if name.lower() not in _PER_FILE_HEADERS
    )


def canonical(name: str, value: str) -> str:
    """A header's value in one spelling: django-csp joins the policy's directives in set
    order, which differs from process to process."""
    if name.lower() in ("content-security-policy", "content-security-policy-report-only"):
        return "; ".join(sorted(part.strip() for part in value.split(";") if part.strip()))
    return value


def content_language(path: str) -> str:
    """The language nginx names for a page file at ``path``: its prefix, or the original's."""
    found = LANGUAGE_PREFIX.match(path)
    return found.group(1) if found else settings.LANGUAGE_CODE


def nginx_headers() -> list[str]:
    """The ``add_header`` lines docs/deploy.md gives nginx for page files, from the settings."""
    values = [
        ("Cache-Control", cache_control(settings.MASTHEAD_PAGE_CACHE_SECONDS)),
        ("Content-Language", "$masthead_page_language"),
        *file_headers(),
        ("X-Page-Cache", "file"),
    ]
    return [f'add_header {name} "{value}";' for name, value in values]


@receiver(setting_changed)
def _settings_changed(**_: Any) -> None:
    file_headers.cache_clear()
    _configured_root.cache_clear()


def _known_hosts() -> frozenset[str]:
    """Host names readers reach the sites on: files are written for those only, so made-up
    Host headers can't fill the disk."""
    from wagtail.models import Site

    hosts = set(Site.objects.values_list("hostname", flat=True))
    if settings.MASTHEAD_BASE_URL:
        hosts.add(urlsplit(settings.MASTHEAD_BASE_URL).hostname or "")
    return frozenset(host.lower() for host in hosts if host)


def known_hosts() -> frozenset[str]:
    from .page_cache import until_purged

    # A change to a site purges everything, which reads them again.
    return until_purged("server.page_file_hosts", _known_hosts)


class PageFiles:
    """The page files of one machine, under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._root = os.fsencode(self.root)
        # By cache key: [the page, its folder (None: no file for it), when its file was last
        # known to be on disk (monotonic seconds; 0: not known)].
        self._folders: dict[tuple, list] = {}
        self._lock = threading.Lock()

    # --- writing ---------------------------------------------------------------------------
    def folder_for(self, host: str, path: str) -> bytes | None:
        """The page's folder, or None when no file may stand for it (a host that is not one of
        the sites', an odd path)."""
        host = host.lower().rsplit(":", 1)[0] if not host.startswith("[") else ""
        if host not in known_hosts():
            return None
        return self._folder(host, path)

    def _folder(self, host: str, path: str) -> bytes | None:
        if not _HOST.match(host) or not path.endswith("/"):
            return None
        try:
            raw = path.encode("latin-1")  # WSGI's PATH_INFO: the decoded bytes, as nginx's $uri
        except UnicodeEncodeError:
            return None
        segments = raw.strip(b"/").split(b"/") if raw != b"/" else []
        if any(s in (b".", b"..") or not _SAFE_SEGMENT.match(s) for s in segments):
            return None
        return os.path.join(self._root, host.encode(), *segments)

    def writable(self, key: tuple, page: CachedPage) -> bool:
        """Whether nginx may answer this page from a file, with the headers Masthead sends."""
        _scheme, _host, path, query, level = key
        if query or level or not page.shared:
            return False
        found = {name.lower(): value for name, value in page.headers}
        if found.get("content-type") != HTML:
            return False
        if found.get("content-language") != content_language(path):
            return False
        others = {
            name: canonical(name, value)
            for name, value in found.items()
            if name not in _PER_FILE_HEADERS
        }
        return others == {name.lower(): value for name, value in file_headers()}

    def write(
        self,
        key: tuple,
        page: CachedPage,
        counter: PurgeCounter,
        seen: int,
        *,
        replace: bool = False,
    ) -> bool:
        """Write the page's files if nginx may answer with them, unless they are there already
        (or with ``replace``, a new render, in any case). ``seen`` is the purge number the page
        is current for: if a purge came after it, the files are removed again once written
        (the purge may have looked before they were)."""
        known = self._known(key, page)
        folder = known[1]
        if folder is None:
            return False
        now = time.monotonic()
        if not replace:
            if now - known[2] < _RECHECK_SECONDS:
                return False
            if os.path.exists(os.path.join(folder, INDEX)):
                known[2] = now
                return False
        try:
            os.makedirs(folder, mode=0o755, exist_ok=True)
            # The compressed copies first: nginx looks for the page itself before them.
            for encoding in ("br", "gzip", "identity"):
                target = os.path.join(folder, INDEX + SUFFIXES[encoding])
                body = page.bodies.get(encoding)
                if body is not None:
                    _write_atomically(target, body)
                else:
                    _remove(target)
        except OSError:
            logger.exception("could not write the page file for %s", key[2])
            return False
        if counter.current_now() != seen:
            self.remove_folder(folder)
            known[2] = 0.0
            return False
        known[2] = now
        return True

    def _known(self, key: tuple, page: CachedPage) -> list:
        # Worked out once per page: a hit for a page with no file costs a dictionary lookup.
        with self._lock:
            known = self._folders.get(key)
        if known is not None and known[0] is page:
            return known
        folder = self.folder_for(key[1], key[2]) if self.writable(key, page) else None
        known = [page, folder, 0.0]
        with self._lock:
            if len(self._folders) >= _MAX_REMEMBERED:
                self._folders.clear()
            self._folders[key] = known
        return known

    # --- removing --------------------------------------------------------------------------
    def remove_paths(self, paths: Iterable[str]) -> None:
        """Remove these pages (paths without language prefix) in every language, for every
        host on disk (no database read: the follower runs beside the server)."""
        prefixes = [""] + [f"/{code}" for code in _languages()]
        hosts = self._hosts_on_disk()
        for path in paths:
            if not path.endswith("/"):
                continue
            for prefix in prefixes:
                for host in hosts:
                    folder = self._folder(host, prefix + path)
                    if folder is not None:
                        self.remove_folder(folder)

    def remove_folder(self, folder: bytes) -> None:
        # The page itself first: nginx's try_files looks for it before the compressed copies.
        for suffix in (b"", b".gz", b".br"):
            _remove(os.path.join(folder, INDEX + suffix))

    def remove_everything(self) -> None:
        """Remove every page file: each host's folder is moved aside in one rename, then
        deleted."""
        for host in self._hosts_on_disk():
            source = os.path.join(self._root, host.encode())
            trash = os.path.join(self._root, f".removed-{uuid.uuid4().hex}".encode())
            try:
                os.rename(source, trash)
            except OSError:
                continue
            shutil.rmtree(trash, ignore_errors=True)

    def remove_older_than(self, seconds: float) -> int:
        """Remove the pages written more than ``seconds`` ago; how many."""
        cutoff = time.time() - seconds
        removed = 0
        for folder, _dirs, files in os.walk(self._root):
            if INDEX in files:
                try:
                    old = os.stat(os.path.join(folder, INDEX)).st_mtime < cutoff
                except OSError:
                    continue
                if old:
                    self.remove_folder(folder)
                    removed += 1
        return removed

    def _hosts_on_disk(self) -> list[str]:
        try:
            return [
                entry.name
                for entry in os.scandir(self.root)
                if entry.is_dir() and not entry.name.startswith(".")
            ]
        except FileNotFoundError:
            return []


def _write_atomically(target: bytes, body: bytes) -> None:
    temporary = target + b".tmp-" + uuid.uuid4().hex.encode()
    try:
        with open(temporary, "wb") as file:
            file.write(body)
        os.chmod(temporary, 0o644)  # nginx reads it, whatever the service's umask
        os.replace(temporary, target)
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: bytes) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _languages() -> list[str]:
    return [*served_languages(), settings.LANGUAGE_CODE]


_instance: PageFiles | None = None
_instance_root: str | None = None


@functools.lru_cache(maxsize=1)
def _configured_root() -> str:
    # Read once (every hit asks; Django's settings object costs a call per attribute).
    return settings.MASTHEAD_PAGE_FILES_DIR


def page_files() -> PageFiles | None:
    """This process's page files, or None when ``MASTHEAD_PAGE_FILES_DIR`` is not set."""
    global _instance, _instance_root
    root = _configured_root()
    if not root:
        return None
    if _instance is None or _instance_root != root:
        _instance, _instance_root = PageFiles(Path(root)), root
    return _instance


class PurgeFollower(threading.Thread):
    """Applies every purge, made on any machine, to this machine's page files within
    ``interval`` seconds, and removes files past the page cache's lifetime. ``masthead serve``
    runs one per machine (nginx answers from the files without asking Masthead, so no request
    would tell its processes about a purge)."""

    def __init__(self, files: PageFiles, counter: PurgeCounter, interval: float = 0.1) -> None:
        super().__init__(name="page-files-follower", daemon=True)
        self.files = files
        self.counter = counter
        self.interval = interval
        self.stopped = threading.Event()
        self.seen = counter.current_now()

    def run(self) -> None:
        checked_ages = time.monotonic()
        while not self.stopped.wait(self.interval):
            try:
                self.follow()
                if time.monotonic() - checked_ages >= _PAGE_FILE_AGE_CHECK_SECONDS:
                    checked_ages = time.monotonic()
                    self.files.remove_older_than(settings.MASTHEAD_PAGE_CACHE_SECONDS)
            except Exception:  # a Redis hiccup must not stop the follower for good
                logger.exception("following purges for the page files failed")

    def follow(self) -> None:
        from .page_cache import purge_log

        latest = self.counter.current_now()
        if latest == self.seen:
            return
        logs = purge_log(range(self.seen + 1, latest + 1))
        if logs is None:
            self.files.remove_everything()
        else:
            self.files.remove_paths(logs)
        self.seen = latest

    def stop(self) -> None:
        self.stopped.set()

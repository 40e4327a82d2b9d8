"""Rate limits for everything a stranger can repeat: sign-ups, page passwords, staff logins.

Counters live in their own cache (the ``limits`` alias), so pages pushed out of the page cache,
or the page cache being emptied on publish, never hand out fresh tries. Counting must be atomic
under parallel requests: Redis and the in-memory cache are; Django's file cache is not (``incr``
is a read then a write), so the file-based limits cache takes a lock around each count.
Every refusal is the same page: how long to wait, and ``Retry-After``.
"""

from __future__ import annotations

import fcntl
import math
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage

from .client_address import client_ip
from .file_cache import FileCache


def over_limit(
    request: HttpRequest,
    *,
    group: str,
    rate: str,
    key: Callable[[str, HttpRequest], str] | None = None,
) -> int | None:
    """Count one attempt; the seconds to wait when it is over ``rate`` (like ``"5/10m"``),
    else None. ``key`` tells whose attempts are counted together: by default the client's
    address."""
    usage = get_usage(
        request,
        group=group,
        key=key or (lambda _group, request: client_ip(request)),
        rate=rate,
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return None
    return max(1, math.ceil(usage["time_left"]))


def too_many_requests(request: HttpRequest, retry_after: int, message: str) -> HttpResponse:
    """The one answer to a refused repeat: what happened, how long to wait, ``Retry-After``."""
    minutes = max(1, math.ceil(retry_after / 60))
    response = render(
        request,
        "429.html",
        {"message": message, "minutes": minutes, "retry_after": retry_after},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "private, no-store"
    return response


class LockingFileBasedCache(FileCache):
    """Django's file cache with atomic ``add`` and ``incr``: one lock file for the folder
    serialises counts across threads and server processes on the machine."""

    @contextmanager
    def _counter_lock(self) -> Iterator[None]:
        os.makedirs(self._dir, 0o700, exist_ok=True)
        with open(os.path.join(self._dir, "counters.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def add(self, key: str, value: Any, timeout: Any = None, version: int | None = None) -> bool:
        with self._counter_lock():
            return super().add(key, value, timeout, version)

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        with self._counter_lock():
            return super().incr(key, delta, version)

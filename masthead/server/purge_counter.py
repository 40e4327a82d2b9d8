"""How every server process learns, for the price of reading one number, that pages were purged.

Each purge adds one to a shared counter and leaves the list of purged paths in the shared cache
under that number. A process compares the counter with the last value it saw before serving a
page from its own memory; only when the number moved does it read the lists and drop those
pages. On one machine the counter is 8 bytes of a memory-mapped file under the data folder (a
read costs well under a microsecond); with several machines it lives in Redis, and each process
asks Redis at most every :data:`REDIS_POLL_SECONDS`, so a purge reaches every node within that
time while a cache hit costs no network round trip.
"""

from __future__ import annotations

import fcntl
import mmap
import os
import struct
import time
from pathlib import Path
from typing import Protocol

# How stale another node's view of the counter may be: well inside the one second in which a
# change must reach readers everywhere.
REDIS_POLL_SECONDS = 0.2
REDIS_KEY = "masthead:page-cache:purges"
_FORMAT = struct.Struct("<Q")


class PurgeCounter(Protocol):
    def current(self) -> int:
        """The latest purge number, possibly a moment old (never older than the poll time)."""

    def current_now(self) -> int:
        """The latest purge number, read now."""

    def advance(self) -> int:
        """Count one more purge and return its number."""


class FileCounter:
    """A counter in a memory-mapped file, shared by every process on the machine."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if os.fstat(self._fd).st_size < _FORMAT.size:
            os.ftruncate(self._fd, _FORMAT.size)
        self._map = mmap.mmap(self._fd, _FORMAT.size)

    def current(self) -> int:
        return _FORMAT.unpack_from(self._map, 0)[0]

    current_now = current

    def advance(self) -> int:
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            number = self.current() + 1
            _FORMAT.pack_into(self._map, 0, number)
            return number
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)


class RedisCounter:
    """A counter in Redis, shared by every node; read at most every REDIS_POLL_SECONDS."""

    def __init__(self, url: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url)
        self._seen = 0
        self._checked_at = 0.0

    def current(self) -> int:
        if time.monotonic() - self._checked_at >= REDIS_POLL_SECONDS:
            return self.current_now()
        return self._seen

    def current_now(self) -> int:
        self._seen = int(self._redis.get(REDIS_KEY) or 0)
        self._checked_at = time.monotonic()
        return self._seen

    def advance(self) -> int:
        self._seen = int(self._redis.incr(REDIS_KEY))
        self._checked_at = time.monotonic()
        return self._seen

"""Where image renditions are remembered when there is no Redis: a file cache of their own
that writes each rendition once.

Wagtail writes every rendition it uses back to its cache on every render (``get_rendition``
always does, ``get_renditions`` does for whatever it found in the cache), and a file cache
pays a temporary file and a rename for each write (Django's own also lists the whole folder):
about seven writes and 100 ms per cold article page on the demo. A rendition never changes under its
key (a new focal point or file makes a new key; deleting one deletes its entry), so an entry
already there is kept as it is. The folder is shared by every server process on the machine,
so a deletion reaches all of them, which an in-process cache would not.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT

from .file_cache import FileCache


class WriteOnceFileCache(FileCache):
    def set(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        if not self.has_key(key, version):
            super().set(key, value, timeout, version)

    def set_many(
        self, data: dict[str, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list[str]:
        for key, value in data.items():
            self.set(key, value, timeout, version)
        return []

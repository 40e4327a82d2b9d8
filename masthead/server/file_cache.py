"""The embedded default's cache: Django's file cache, without a listing of the folder on every
write.

Django's ``FileBasedCache`` keeps its ``MAX_ENTRIES`` bound by listing the whole folder before
each write, to count the entries. The cost grows with the cache: a page's write took 8 ms once
the folder held 4,900 entries, against 1 ms without the listing (bench/file_cache.py), paid by
every page render that stores its page and by every path a publish purges. Counting on one write in
``CULL_EVERY`` (per process) keeps the bound, a little looser: each process can add at most
``CULL_EVERY`` entries past it before the next count culls the folder back, as Django's own cull
does. The first write of each process counts, so a process started on a full folder culls at
once.
"""

from __future__ import annotations

import itertools
from typing import Any

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    def __init__(self, dir: str, params: dict[str, Any]) -> None:
        super().__init__(dir, params)
        options = params.get("OPTIONS", {})
        self._cull_every = max(1, int(options.get("CULL_EVERY", 50)))
        self._writes = itertools.count()  # next() is atomic under the GIL: threads share it

    def _cull(self) -> None:
        if next(self._writes) % self._cull_every == 0:
            super()._cull()

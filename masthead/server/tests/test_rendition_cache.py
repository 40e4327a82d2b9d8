"""The renditions' file cache writes each entry once and forgets it everywhere when deleted."""

from __future__ import annotations

import os
from pathlib import Path

from masthead.server.rendition_cache import WriteOnceFileCache


def test_an_entry_is_written_once_and_its_deletion_reaches_every_process(tmp_path: Path) -> None:
    cache = WriteOnceFileCache(str(tmp_path), {})
    cache.set("rendition-1", "first")
    written = Path(cache._key_to_file("rendition-1"))
    before = os.stat(written).st_mtime_ns

    cache.set("rendition-1", "again")  # what Wagtail does on every render
    cache.set_many({"rendition-1": "and again", "rendition-2": "new"})

    assert os.stat(written).st_mtime_ns == before
    assert cache.get("rendition-1") == "first"
    assert cache.get("rendition-2") == "new"
    other_process = WriteOnceFileCache(str(tmp_path), {})
    assert other_process.get("rendition-1") == "first"
    cache.delete("rendition-1")  # Wagtail purges a deleted rendition's entry
    assert other_process.get("rendition-1") is None
    other_process.set("rendition-1", "rebuilt")
    assert cache.get("rendition-1") == "rebuilt"

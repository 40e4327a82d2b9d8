"""The embedded default's file cache counts its entries on one write in ``CULL_EVERY``, and
still keeps the folder near ``MAX_ENTRIES``."""

from __future__ import annotations

from pathlib import Path

import pytest

from masthead.server.file_cache import FileCache
from masthead.server.limits import LockingFileBasedCache
from masthead.server.rendition_cache import WriteOnceFileCache


def file_cache(folder: Path, **options: int) -> FileCache:
    return FileCache(str(folder), {"OPTIONS": options})


def entries(folder: Path) -> int:
    return len(list(folder.glob("*.djcache")))


@pytest.fixture
def listings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item per listing of a cache folder, by any of the file caches."""
    counted: list[int] = []
    listed = FileCache._list_cache_files
    monkeypatch.setattr(
        FileCache, "_list_cache_files", lambda self: counted.append(1) or listed(self)
    )
    return counted


def test_the_folder_is_listed_on_one_write_in_cull_every(tmp_path, listings):
    cache = file_cache(tmp_path, MAX_ENTRIES=1000, CULL_EVERY=10)
    for n in range(100):
        cache.set(f"page-{n}", b"x" * 100)
    assert len(listings) == 10
    assert entries(tmp_path) == 100
    assert cache.get("page-99") == b"x" * 100


def test_entries_stay_within_cull_every_of_the_bound(tmp_path):
    cache = file_cache(tmp_path, MAX_ENTRIES=40, CULL_EVERY=5, CULL_FREQUENCY=2)
    most = 0
    for n in range(400):
        cache.set(f"page-{n}", n)
        most = max(most, entries(tmp_path))
    assert most <= 40 + 5
    assert entries(tmp_path) < 400
    assert cache.get("page-399") == 399  # the newest write is never the one culled


def test_a_process_started_on_a_full_folder_culls_at_its_first_write(tmp_path):
    filling = file_cache(tmp_path, MAX_ENTRIES=1000)
    for n in range(60):
        filling.set(f"old-{n}", n)
    cache = file_cache(tmp_path, MAX_ENTRIES=30, CULL_EVERY=1000, CULL_FREQUENCY=2)
    cache.set("new", 1)
    assert entries(tmp_path) == 60 - 30 + 1
    assert cache.get("new") == 1


@pytest.mark.parametrize("backend", [WriteOnceFileCache, LockingFileBasedCache])
def test_the_renditions_and_limits_caches_count_alike(tmp_path, listings, backend):
    cache = backend(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 1000, "CULL_EVERY": 25}})
    for n in range(100):
        cache.set(f"key-{n}", n)
    assert len(listings) == 4
    assert entries(tmp_path) == 100

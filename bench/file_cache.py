"""Benchmark: one write to the embedded default's cache folder, as the folder fills.

Without Redis, pages, purge versions, renditions and rate-limit counters live in file caches
under `var/`. Django's `FileBasedCache` lists the whole folder before every write to count its
entries against `MAX_ENTRIES`; Masthead's `FileCache` counts on one write in `CULL_EVERY`. This
times a 36 kB write (about a cached article page's HTML) into folders holding 0, 1,000 and 4,900
entries (the default bound is 5,000), both caches alternating in the same run.

    .venv/bin/python bench/file_cache.py
    .venv/bin/python bench/file_cache.py --writes 1000 --rounds 5
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
django.setup()

from django.core.cache.backends.filebased import FileBasedCache  # noqa: E402
from tqdm import tqdm  # noqa: E402

from masthead.server.file_cache import FileCache  # noqa: E402

# About an article page's HTML: text that compresses as a page does (the cache zlib-compresses).
PAGE = "".join(
    f'<p class="para">Paragraph {n} of the story, with a <a href="/articles/{n}/">link</a>.</p>\n'
    for n in range(400)
).encode()


def fill(folder: Path, entries: int) -> None:
    filler = FileCache(str(folder), {"OPTIONS": {"MAX_ENTRIES": 10**9, "CULL_EVERY": 10**9}})
    for n in tqdm(range(entries), desc=f"filling {entries:,}", leave=False):
        filler.set(f"fill-{n}", PAGE, None)


def write_ms(backend: type[FileBasedCache], folder: Path, writes: int) -> float:
    cache = backend(str(folder), {"OPTIONS": {"MAX_ENTRIES": 5000}})
    started = time.perf_counter()
    for n in range(writes):
        cache.set(f"page-{n}", PAGE, None)  # the same keys each round: the folder stays as big
    return (time.perf_counter() - started) / writes * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--writes", type=int, default=300, help="writes per round (300)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per cache (3)")
    parser.add_argument(
        "--sizes", default="0,1000,4900", help="entries already in the folder (0,1000,4900)"
    )
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, Python "
        f"{platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"load {'/'.join(f'{value:.1f}' for value in os.getloadavg())}"
    )
    print("| entries in the folder | Django's FileBasedCache, ms a write | FileCache, ms a write |")
    print("|---:|---:|---:|")
    for size in (int(value) for value in args.sizes.split(",")):
        folder = Path(tempfile.mkdtemp(prefix="masthead-bench-file-cache-"))
        try:
            fill(folder, size)
            times: dict[type[FileBasedCache], list[float]] = {FileBasedCache: [], FileCache: []}
            for _ in range(args.rounds):
                for backend in times:
                    times[backend].append(write_ms(backend, folder, args.writes))
            django_ms, ours_ms = (statistics.median(times[b]) for b in times)
            print(f"| {size:,} | {django_ms:.2f} | {ours_ms:.2f} |")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

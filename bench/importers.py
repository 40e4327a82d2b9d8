"""Benchmark: `masthead import-wordpress` on a generated export of N posts.

A fresh SQLite database (the embedded default, task queue in the database, nothing else
running against it); the export mixes Gutenberg and classic posts, five authors, twenty
categories and tags, private, draft and scheduled posts. Reports posts per second for the first
import and for a re-import (nothing changed), and the peak memory (max RSS) of each run; then
the peak memory of reading (parsing only) exports of growing size, to show it stays flat.

    .venv/bin/python bench/importers.py                 # 20,000 posts; parsing up to 200,000
    .venv/bin/python bench/importers.py --posts 2000 --parse-sizes 2000,20000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MASTHEAD = ROOT / ".venv" / "bin" / "masthead"
PYTHON = ROOT / ".venv" / "bin" / "python"

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench Gazette</title><link>https://bench.example</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://bench.example</wp:base_blog_url>
"""
GUTENBERG = """<!-- wp:paragraph --><p>Paragraph {n} with <strong>bold</strong> and a
<a href="https://bench.example/{prev}/">link to an earlier post</a>.</p><!-- /wp:paragraph -->
<!-- wp:heading --><h2>Section {n}</h2><!-- /wp:heading -->
<!-- wp:list --><ul><li>one</li><li>two</li></ul><!-- /wp:list -->
<!-- wp:quote --><blockquote class="wp-block-quote"><p>Quoted {n}.</p><cite>Someone</cite>
</blockquote><!-- /wp:quote -->"""
CLASSIC = """First paragraph of post {n}, written in the classic editor.
A second line.

Another paragraph with <em>emphasis</em> and [sic] text.

https://www.youtube.com/watch?v=v{n}

[unknown_shortcode id="{n}"]"""
STATUSES = ["publish"] * 16 + ["draft", "private", "future", "pending"]


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()}, Python {platform.python_version()}"


def write_export(path: Path, posts: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for a in range(5):
            out.write(
                f"<wp:author><wp:author_id>{a}</wp:author_id><wp:author_login>writer{a}"
                f"</wp:author_login><wp:author_email>writer{a}@bench.example</wp:author_email>"
                f"<wp:author_display_name>Writer {a}</wp:author_display_name></wp:author>\n"
            )
        for c in range(20):
            out.write(
                f"<wp:category><wp:term_id>{c}</wp:term_id><wp:category_nicename>topic-{c}"
                f"</wp:category_nicename><wp:cat_name>Topic {c}</wp:cat_name></wp:category>\n"
            )
        start = dt.datetime(2010, 1, 1, tzinfo=dt.UTC)
        for n in range(1, posts + 1):
            status = STATUSES[n % len(STATUSES)]
            when = start + dt.timedelta(hours=3 * n)
            if status == "future":
                when = dt.datetime(2099, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=n)
            body = (GUTENBERG if n % 2 else CLASSIC).format(n=n, prev=max(1, n - 1))
            out.write(
                f"<item><title>Post number {n}</title>"
                f"<link>https://bench.example/{n}/</link>"
                f"<dc:creator>writer{n % 5}</dc:creator>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[Standfirst of post {n}.]]></excerpt:encoded>"
                f"<wp:post_id>{n}</wp:post_id>"
                f"<wp:post_date_gmt>{when:%Y-%m-%d %H:%M:%S}</wp:post_date_gmt>"
                f"<wp:post_name>post-{n}</wp:post_name><wp:status>{status}</wp:status>"
                f"<wp:post_type>post</wp:post_type>"
                f'<category domain="category" nicename="topic-{n % 20}">Topic</category>'
                "</item>\n"
            )
        out.write("</channel></rss>\n")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system), the child's peak RSS in MiB, and the
    one-minute load average seen during the run (lowest, mean, highest; sampled every 15 s).

    On a shared machine the CPU time says more than the wall time: it is what the import
    itself cost, whatever else was running."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    loads = [os.getloadavg()[0]]
    while True:
        try:
            child.wait(timeout=15)
            break
        except subprocess.TimeoutExpired:
            loads.append(os.getloadavg()[0])
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    load = f"{min(loads):.1f} / {sum(loads) / len(loads):.1f} / {max(loads):.1f}"
    return seconds, cpu, after.ru_maxrss / 1024, load


PARSE_ONLY = """
import resource, sys
from pathlib import Path
from masthead.importers.sources.wordpress import WordPressExport
export = WordPressExport(Path(sys.argv[1]))
index = export.scan()
posts = sum(1 for _ in export.posts())
print(posts, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def parse_peak(path: Path, env: dict[str, str]) -> tuple[int, float]:
    result = subprocess.run(
        [str(PYTHON), "-c", "import django; django.setup()\n" + PARSE_ONLY, str(path)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    posts, peak = result.stdout.split()
    return int(posts), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--parse-sizes", default="20000,200000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {
            **os.environ,
            "MASTHEAD_DATA_DIR": str(work / "var"),
            "DJANGO_SETTINGS_MODULE": "masthead.settings",
        }
        env.pop("DATABASE_URL", None)
        export = work / "export.xml"
        write_export(export, args.posts)
        size_mb = export.stat().st_size / 1e6
        subprocess.run([str(MASTHEAD), "migrate", "-v", "0"], env=env, check=True, cwd=ROOT)
        rows = []
        for run in ("first import", "re-import (unchanged)"):
            seconds, cpu, peak, load = timed(
                [str(MASTHEAD), "import-wordpress", str(export), "--verbosity", "0"], env
            )
            rows.append(
                f"| {run} | {args.posts:,} | {size_mb:.1f} MB | {seconds:.0f} s | "
                f"{args.posts / seconds:.1f} | {cpu:.0f} s | {args.posts / cpu:.1f} | "
                f"{peak:.0f} MiB | {load} |"
            )
        parse_rows = []
        for size in (int(s) for s in args.parse_sizes.split(",")):
            path = work / f"parse-{size}.xml"
            write_export(path, size)
            posts, peak = parse_peak(path, env)
            parse_rows.append(
                f"| {posts:,} | {path.stat().st_size / 1e6:.0f} MB | {peak:.0f} MiB |"
            )
            path.unlink()
    print(f"Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; machine: {machine()}; SQLite.")
    print(f"Command: .venv/bin/python bench/importers.py {' '.join(sys.argv[1:])}".strip())
    print(f"Load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}.")
    print()
    print(
        "| run | posts | export | wall time | posts/s (wall) | CPU time | posts/CPU-s | peak RSS "
        "| load 1-min (low / mean / high) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print()
    print("| posts read (parse only) | export | peak RSS |")
    print("|---|---|---|")
    print("\n".join(parse_rows))


if __name__ == "__main__":
    main()

"""Cold article pages: the time and queries of rendering each article page that nobody has
asked for yet (page cache off), on the demo publication or any loaded database.

Every readable article page (in the original and in one translation) is rendered once first
and left out: that pass pays for imports, template compilation and the images' renditions,
which are made once per image for good. Then each is rendered again with nothing cached but
what Django and Wagtail keep for the process, and the median and the worst are printed.

    .venv/bin/masthead migrate && .venv/bin/masthead load-demo     # SQLite under var/
    .venv/bin/python bench/article_page.py
    .venv/bin/python bench/article_page.py --database-url postgres://postgres@127.0.0.1:5432/demo
    .venv/bin/python bench/article_page.py --show-queries    # the SQL of one render
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="default: the configured database")
    parser.add_argument("--language", default="pt", help="the translation to render as well")
    parser.add_argument("--show-queries", action="store_true")
    parser.add_argument(
        "--count-calls",
        action="store_true",
        help="also count Python function calls per page (cProfile): the same whatever the load",
    )
    args = parser.parse_args()
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    os.environ["MASTHEAD_PAGE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("MASTHEAD_MANIFEST_STATIC", "false")  # no collectstatic needed
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    from masthead.news.selectors import readable_articles

    site = Site.objects.get(is_default_site=True)
    client = Client(HTTP_HOST=site.hostname)
    articles = list(readable_articles().order_by("-published_at"))
    paths = [article.url for article in articles]
    paths += [f"/{args.language}{article.url}" for article in articles]
    paths = [path for path in paths if client.get(path).status_code == 200]
    times, cpu, queries = [], [], []
    # Timed without capturing queries: Django's query log (a debug cursor that formats and keeps
    # every statement) is not in production's path and costs a few milliseconds a page.
    for path in paths:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, path
    for path in paths:
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries.append(len(captured.captured_queries))
        if args.show_queries and len(queries) == 1:
            for query in captured.captured_queries:
                print(query["time"], query["sql"][:300])
    calls = []
    if args.count_calls:
        import cProfile
        import pstats

        for path in paths:
            profile = cProfile.Profile()
            profile.runcall(client.get, path)
            calls.append(pstats.Stats(profile).total_calls)
    print(
        f"{connection.vendor}: {len(times)} article pages, median {statistics.median(times):.1f} "
        f"ms (worst {max(times):.1f}), Python CPU median {statistics.median(cpu):.1f} ms, "
        f"queries median {statistics.median(queries):.0f} "
        f"(most {max(queries)})"
        + (f", Python calls median {statistics.median(calls):,.0f}" if calls else "")
    )


if __name__ == "__main__":
    main()

"""Archive benchmark: readers' and editors' pages over a synthetic archive of up to 100,000
articles on PostgreSQL, rendered without the page cache.

``fill`` grows the archive in the database to ``--articles`` articles, in bulk: page rows
with treebeard's path, depth and numchild worked out here (no revisions: a published article
needs none), their authors, regions, themes and reports, and their search index entries
(through Wagtail's own search backend, so they are what publishing would write). Authors,
regions, themes and reports are made once through Wagtail's page API. ``measure`` renders each
page through Django's test client with the page cache off and prints the median time and the
number of queries. ``run`` does both for each size and prints a Markdown table.

    createdb -h 127.0.0.1 -U postgres masthead_bench100k
    .venv/bin/python bench/archive.py run --sizes 1000,10000,100000 \
        --database-url postgres://postgres@127.0.0.1:5432/masthead_bench100k

Articles are added older than the ones already there, so a bigger archive keeps its newest
pages and grows backwards in time; running ``fill`` again never duplicates anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AUTHORS, REGIONS, THEMES, REPORTS = 200, 12, 24, 10
BATCH = 1000
# Articles are spread back in time from this moment, one every 53 minutes (100,000 ≈ 10 years).
NEWEST = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)
SPACING = dt.timedelta(minutes=53)
# Topic words: each article is about 10 of these 100, so one of them is in about 10% of
# articles and two (the benchmark searches "harbour election") in about 1%, as in a real
# archive; the rest of the text comes from 20,000 made-up words.
TOPICS_PER_ARTICLE = 10
WORDS = (  # noqa: SIM905 (a paragraph of words reads better than 80 quoted strings)
    "harbour election river budget council water school health court minister drought "
    "farmers market border protest energy price coast mountain village railway bridge port "
    "strike union police report hospital teachers fishing forest festival museum tourism "
    "housing rent migration asylum refugees climate flood storm fire summit treaty trade "
    "export import factory mine oil gas solar wind grid ministry parliament senate mayor "
    "governor audit contract tender corruption inquiry journalist newspaper radio archive "
    "library university students exam wages pension tax debt bank loan currency inflation"
).split()


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("MASTHEAD_PAGE_CACHE_SECONDS", "0")
    os.environ.setdefault("MASTHEAD_TRANSLATION_LANGUAGES", "pt")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()


SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
VOCABULARY = [
    "".join(random.Random(n).choices(SYLLABLES, k=random.Random(-n).randint(2, 4)))
    for n in range(20_000)
]


def sentence(rng: random.Random, topics: list[str]) -> str:
    words = [
        rng.choice(topics) if rng.random() < 0.2 else rng.choice(VOCABULARY)
        for _ in range(rng.randint(9, 18))
    ]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, topics: list[str], sentences: int) -> str:
    return "<p>" + " ".join(sentence(rng, topics) for _ in range(sentences)) + "</p>"


def taxonomy() -> dict[str, list[Any]]:
    """The authors, regions, themes and reports articles are filed under; made once."""
    from masthead.news.models import (
        AuthorPage,
        RegionPage,
        ReportPage,
        SectionIndexPage,
        ThemePage,
    )

    wanted = [
        ("authors", AuthorPage, AUTHORS, "Writer", {"bio": "A correspondent."}),
        ("regions", RegionPage, REGIONS, "Region", {}),
        ("themes", ThemePage, THEMES, "Theme", {}),
        ("reports", ReportPage, REPORTS, "Report", {}),
    ]
    found: dict[str, list[Any]] = {}
    for slug, model, count, name, extra in wanted:
        parent = SectionIndexPage.objects.get(slug=slug)
        existing = list(model.objects.child_of(parent).order_by("path"))
        for number in range(len(existing), count):
            page = model(title=f"{name} {number}", slug=f"{slug}-{number}", **extra)
            parent.add_child(instance=page)
            existing.append(page)
        found[slug] = existing
    return found


def fill(articles: int) -> None:
    """Grow the archive to ``articles`` articles."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from masthead.news.models import ArticleAuthor, ArticleIndexPage, ArticlePage

    index = ArticleIndexPage.objects.get()
    have = ArticlePage.objects.child_of(index).count()
    if have >= articles:
        print(f"already {have:,} articles")
        return
    filing = taxonomy()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    backend = get_search_backend()  # its own index, for the title norms at the end
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    article_fields = ArticlePage._meta.local_concrete_fields
    # Children of the index get the next free step of its path, as treebeard would give them.
    last = ArticlePage.objects.child_of(index).order_by("-path").values_list("path", flat=True)
    next_step = int(last[0][-ArticlePage.steplen :], 36) + 1 if have else 1
    started = time.monotonic()
    for start in range(have, articles, BATCH):
        batch = []
        for number in range(start, min(start + BATCH, articles)):
            rng = random.Random(number)
            published = NEWEST - number * SPACING
            slug = f"archive-story-{number}"
            topics = rng.sample(WORDS, TOPICS_PER_ARTICLE)
            title = sentence(rng, topics)[:-1]
            batch.append(
                ArticlePage(
                    path=index.path + _step(next_step + number - have),
                    depth=index.depth + 1,
                    numchild=0,
                    translation_key=uuid.UUID(int=rng.getrandbits(128)),
                    locale=locale,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    url_path=f"{index.url_path}{slug}/",
                    seo_title="",
                    search_description="",
                    standfirst=f"{sentence(rng, topics)} {sentence(rng, topics)}",
                    body=[
                        {
                            "type": "paragraph",
                            "value": paragraph(rng, topics, 5),
                            "id": str(uuid.uuid4()),
                        }
                        for _ in range(4)
                    ],
                    published_at=published,
                )
            )
        with transaction.atomic():
            ids = Page.objects._insert(
                batch, fields=page_fields, returning_fields=[Page._meta.pk], using="default"
            )
            for article, (pk,) in zip(batch, ids, strict=True):
                article.id = article.page_ptr_id = pk
            ArticlePage.objects._insert(batch, fields=article_fields, using="default")
            authors, regions, themes, reports = [], [], [], []
            for article in batch:
                rng = random.Random(-article.pk)
                for order, author in enumerate(rng.sample(filing["authors"], rng.choice((1, 2)))):
                    authors.append(ArticleAuthor(article=article, author=author, sort_order=order))
                regions.append(
                    ArticlePage.regions.through(
                        articlepage_id=article.pk, regionpage=rng.choice(filing["regions"])
                    )
                )
                themes += [
                    ArticlePage.themes.through(articlepage_id=article.pk, themepage=theme)
                    for theme in rng.sample(filing["themes"], rng.choice((1, 2)))
                ]
                if rng.random() < 0.1:
                    reports.append(
                        ArticlePage.reports.through(
                            articlepage_id=article.pk, reportpage=rng.choice(filing["reports"])
                        )
                    )
            ArticleAuthor.objects.bulk_create(authors)
            ArticlePage.regions.through.objects.bulk_create(regions)
            ArticlePage.themes.through.objects.bulk_create(themes)
            ArticlePage.reports.through.objects.bulk_create(reports)
            Page.objects.filter(pk=index.pk).update(numchild=start + len(batch))
            index_entries(batch, authors)
        done = start + len(batch)
        rate = (done - have) / (time.monotonic() - started)
        print(f"\r{done:,} / {articles:,} articles ({rate:,.0f}/s)", end="", flush=True)
    backend.get_index_for_model(ArticlePage)._refresh_title_norms(full=True)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as autovacuum would soon: index-only scans need it
    print(f"\nfilled to {articles:,} articles in {time.monotonic() - started:.0f} s")


def index_entries(batch: list[Any], authors: list[Any]) -> None:
    """The search index entries Wagtail's PostgreSQL backend writes on publishing, made in one
    statement: its Python side takes 4 ms an article, an hour for the whole archive."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from modelsearch.backends.database.postgres.weights import get_weight
    from wagtail.search.index import SearchField

    from masthead.news.models import ArticlePage

    boost = {
        f.field_name: f.boost for f in ArticlePage.get_search_fields() if isinstance(f, SearchField)
    }
    names: dict[int, list[str]] = {}
    for link in authors:
        names.setdefault(link.article.pk, []).append(link.author.title)
    rows = [
        (
            article.pk,
            article.title,
            ", ".join(names[article.pk]),
            article.standfirst,
            ", ".join(block["value"][3:-4] for block in article.body.raw_data),
        )
        for article in batch
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO wagtailsearch_indexentry
                (content_type_id, object_id, title, autocomplete, body, title_norm,
                 title_text, body_text)
            SELECT %s, t.id::text,
                setweight(to_tsvector(t.title), %s) || setweight(to_tsvector(t.authors), %s),
                setweight(to_tsvector('simple', t.title), 'D'),
                setweight(to_tsvector(t.standfirst), %s) || setweight(to_tsvector(t.body), %s),
                1.0, t.title || ' ' || t.authors, t.standfirst || ' ' || t.body
            FROM unnest(%s::int[], %s::text[], %s::text[], %s::text[], %s::text[])
                AS t(id, title, authors, standfirst, body)
            """,
            [
                ContentType.objects.get_for_model(ArticlePage).pk,
                get_weight(boost["title"]),
                get_weight(None),
                get_weight(boost["standfirst"]),
                get_weight(boost["body"]),
                *(list(column) for column in zip(*rows, strict=True)),
            ],
        )


def _step(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
    return text.rjust(4, "0")


def pages_to_measure() -> list[tuple[str, str, bool]]:
    """(name, path, as editor) for each page the benchmark renders."""
    from django.conf import settings

    from masthead.news.models import ArticleIndexPage, AuthorPage, ThemePage

    theme = ThemePage.objects.order_by("path").first()
    theme_articles = theme.article_queryset().count()
    per_page = settings.MASTHEAD_ARTICLES_PER_PAGE
    last_page = max(1, -(-theme_articles // per_page))
    author = AuthorPage.objects.order_by("path").first()
    index = ArticleIndexPage.objects.get()
    count = index.get_children().count()
    return [
        ("home", "/", False),
        (f"theme page {min(500, last_page)}", f"{theme.url}?page={min(500, last_page)}", False),
        ("author", author.url, False),
        ("search (two words)", "/search/?q=harbour+election", False),
        ("sitemap.xml", "/sitemap.xml", False),
        ("sitemap file", f"/sitemap-articles.xml?p={max(1, count // 2_000)}", False),
        ("admin article list", f"/admin/pages/{index.pk}/", True),
    ]


def measure(repeat: int) -> list[dict[str, Any]]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    from masthead.news.models import ArticlePage

    site = Site.objects.get(is_default_site=True)
    editor, created = get_user_model().objects.get_or_create(username="bench-editor")
    if created:
        editor.groups.add(Group.objects.get(name="Editors"))
    reader, staff = Client(HTTP_HOST=site.hostname), Client(HTTP_HOST=site.hostname)
    staff.force_login(editor)
    count = ArticlePage.objects.count()
    rows = []
    for name, path, as_editor in pages_to_measure():
        client = staff if as_editor else reader
        response = client.get(path)  # warm up: imports, template loading, connection
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        times, cpu = [], []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started, started_cpu = time.perf_counter(), time.process_time()
                client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
        rows.append(
            {
                "articles": count,
                "page": name,
                "path": path,
                "ms": statistics.median(times),
                "cpu_ms": statistics.median(cpu),
                "queries": len(queries.captured_queries),
                "bytes": len(response.content),
            }
        )
        print(
            f"{count:>7,}  {name:<22} {statistics.median(times):8.1f} ms  "
            f"{len(queries.captured_queries):3d} queries",
            flush=True,
        )
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    sizes = sorted({row["articles"] for row in rows})
    pages = list(dict.fromkeys(row["page"].split(" page ")[0] for row in rows))
    by = {(row["articles"], row["page"].split(" page ")[0]): row for row in rows}
    head = "| page | " + " | ".join(f"{size:,}: ms / CPU ms (queries)" for size in sizes)
    lines = [head + " | growth |", "|---" * (len(sizes) + 2) + "|"]
    for page in pages:
        cells = [by.get((size, page)) for size in sizes]
        shown = [f"{c['ms']:.0f} / {c['cpu_ms']:.0f} ({c['queries']})" if c else "" for c in cells]
        growth = f"{cells[-1]['ms'] / cells[0]['ms']:.1f}x" if cells[0] and cells[-1] else ""
        lines.append(f"| {page} | " + " | ".join(shown) + f" | {growth} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["fill", "measure", "run"])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL database, migrated")
    parser.add_argument("--articles", type=int, default=100_000, help="fill: grow to this many")
    parser.add_argument("--sizes", default="1000,10000,100000", help="run: sizes to measure at")
    parser.add_argument("--repeat", type=int, default=5, help="renders per page (median)")
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if args.command == "fill":
        fill(args.articles)
    elif args.command == "measure":
        print(table(measure(args.repeat)))
    else:
        rows = []
        for size in (int(s) for s in args.sizes.split(",")):
            fill(size)
            rows += measure(args.repeat)
        print(table(rows))


if __name__ == "__main__":
    main()

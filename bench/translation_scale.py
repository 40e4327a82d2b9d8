"""Does translation slow the admin or publishing? 10,000 articles, then 50 languages of each.

Builds a fresh SQLite publication in a temporary folder with ``--articles`` live articles, times
what editors and readers do (the Translations coverage page, the page explorer, publishing an
edit, a translated article page, ``masthead translate status``), then adds a finished
translation of every article into ``--languages`` languages (500,000 rows by default) and times
the same things again. Both rounds run in one process on one machine, so the first round is the
reference for the second. Prints a Markdown table for bench/RESULTS.md.

    .venv/bin/python bench/translation_scale.py                  # 10,000 x 50
    .venv/bin/python bench/translation_scale.py --articles 1000  # a quicker look
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="live articles (10,000)")
    parser.add_argument("--languages", type=int, default=50, help="translations of each (50)")
    parser.add_argument("--repeat", type=int, default=5, help="timings per figure (median)")
    args = parser.parse_args()

    data = Path(tempfile.mkdtemp(prefix="masthead-scale-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "masthead.settings",
            "MASTHEAD_DATA_DIR": str(data),
            "MASTHEAD_MANIFEST_STATIC": "false",
            "MASTHEAD_PAGE_CACHE_SECONDS": "0",  # time the work, not the cache
            "LOG_LEVEL": "WARNING",
            "AXES_ENABLED": "false",
        }
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    rows = run(args)
    print_table(args, rows)


def run(args: argparse.Namespace) -> list[tuple[str, float, float]]:
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client
    from tqdm import tqdm
    from wagtail.models import Site

    from masthead.news.models import ArticleAuthor, ArticleIndexPage, ArticlePage, AuthorPage
    from masthead.translation.languages import NATIVE_NAMES
    from masthead.translation.models import ArticleTranslation

    settings.ALLOWED_HOSTS = ["testserver"]
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "testserver", 80
    site.save()
    index = ArticleIndexPage.objects.get()
    author = AuthorPage(title="Bench Author", slug="bench-author", bio="Writes benchmarks.")
    index.get_parent().get_children().get(slug="authors").add_child(instance=author)
    authors = [author]

    body = [("paragraph", "<p>" + "A sentence about the news of the day. " * 40 + "</p>")]
    for number in tqdm(range(args.articles), desc="Articles", unit="article"):
        article = ArticlePage(
            title=f"Article number {number}",
            slug=f"article-{number}",
            standfirst="What the story is about.",
            body=body,
            live=True,
        )
        index.add_child(instance=article)
        ArticleAuthor.objects.create(article=article, author=authors[0], sort_order=0)

    admin = User.objects.create_superuser("bench", password=None)  # force_login needs none
    client = Client()
    client.force_login(admin)
    reader = Client()
    sample = ArticlePage.objects.order_by("pk")[args.articles // 2]
    original_url = sample.url  # before any request switches the thread's language
    languages = [code for code in NATIVE_NAMES if code != settings.LANGUAGE_CODE][: args.languages]
    language = languages[0]

    def timed(action: Callable[[], object]) -> float:
        action()  # warm
        samples = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            action()
            samples.append(time.perf_counter() - started)
        return statistics.median(samples) * 1000

    def publish_edit() -> None:
        sample.standfirst = f"Updated at {time.time()}."
        sample.save_revision().publish()

    checks: dict[str, Callable[[], object]] = {
        "Translations coverage page (admin)": lambda: client.get("/admin/translations/"),
        f"Article explorer, {args.articles:,} children (admin)": lambda: client.get(
            f"/admin/pages/{index.pk}/"
        ),
        "Publish an edit to an article": publish_edit,
        "`masthead translate status`": lambda: call_command(
            "translate", "status", stdout=io.StringIO()
        ),
        "Original article page (reader)": lambda: reader.get(original_url),
    }
    before = {name: timed(check) for name, check in checks.items()}

    batch: list[ArticleTranslation] = []
    ids = list(ArticlePage.objects.values_list("pk", flat=True))
    with tqdm(total=len(ids) * len(languages), desc="Translations", unit="row") as bar:
        for article_id in ids:
            for code in languages:
                batch.append(
                    ArticleTranslation(
                        article_id=article_id,
                        language=code,
                        status=ArticleTranslation.Status.DONE,
                        title=f"Translated headline {article_id}",
                        standfirst="Translated standfirst.",
                        body=[],
                        engines=["bench"],
                    )
                )
            if len(batch) >= 20_000:
                ArticleTranslation.objects.bulk_create(batch)
                bar.update(len(batch))
                batch = []
        ArticleTranslation.objects.bulk_create(batch)
        bar.update(len(batch))

    checks[f"Translated article page /{language}/ (reader)"] = lambda: reader.get(
        f"/{language}{original_url}"
    )
    after = {name: timed(check) for name, check in checks.items()}
    return [(name, before.get(name, float("nan")), after[name]) for name in checks]


def print_table(args: argparse.Namespace, rows: list[tuple[str, float, float]]) -> None:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    print(
        f"\nDate: {time.strftime('%Y-%m-%d')}; machine: {os.cpu_count()} cores, {cpu}, "
        f"{platform.system()}, Python {platform.python_version()}; SQLite."
    )
    print(
        f"Command: .venv/bin/python bench/translation_scale.py --articles {args.articles} "
        f"--languages {args.languages} --repeat {args.repeat}\n"
    )
    translations = args.articles * args.languages
    print(
        f"| median of {args.repeat} | no translations (ms) | "
        f"{translations:,} translations (ms) | ratio |"
    )
    print("|---|---:|---:|---:|")
    for name, before, after in rows:
        ratio = "" if before != before else f"{after / before:.2f}"  # NaN: no reference
        before_text = "—" if before != before else f"{before:,.1f}"
        print(f"| {name} | {before_text} | {after:,.1f} | {ratio} |")


if __name__ == "__main__":
    main()

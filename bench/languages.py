"""Every language the installed engines reach: one 1,000-word article, as background work.

Publishes the article of ``bench/translation.py`` (about 1,000 words, links and emphasis in
every paragraph) with ``MASTHEAD_TRANSLATION_LANGUAGES=auto`` and runs the translation task
that publishing queues, through the task backend (immediate here, the same code the worker
runs), into every language an installed engine reaches directly or through an allowed pivot.
It reports total time, words per second (words x languages / time), time per language and
route, and peak memory of this process (Apertium's own short-lived processes are not
counted). Then it publishes the article again unchanged and times the re-run,
which the translation memory answers.

It works in a throwaway SQLite database in a temporary folder and touches nothing else.

    .venv/bin/python bench/languages.py           # a table
    .venv/bin/python bench/languages.py --write   # ...and update bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translation import RESULTS, article_paragraphs, setup_django


def peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def measure() -> dict[str, object]:
    os.environ["MASTHEAD_TRANSLATION_LANGUAGES"] = "auto"
    setup_django(Path(tempfile.mkdtemp(prefix="masthead-bench-")))
    from django.conf import settings
    from wagtail.rich_text import RichText

    from masthead.news.tests.factories import ArticleFactory
    from masthead.translation import services
    from masthead.translation.models import ArticleTranslation
    from masthead.translation.routes import best_route, offered_languages
    from masthead.translation.tasks import translate_article_task

    languages = offered_languages()
    routes = {code: best_route(settings.LANGUAGE_CODE, code) for code in languages}
    paragraphs = article_paragraphs()
    words = sum(len(re.sub("<[^>]+>", "", p).split()) for p in paragraphs)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    last = started

    def lap(outcome: services.LanguageOutcome) -> None:
        nonlocal last
        now = time.perf_counter()
        timings[outcome.language] = now - last
        last = now

    original = services.translate_article

    def timed(article: object, languages: object = None, on_language: object = None) -> object:
        return original(article, languages, on_language=lap)

    services.translate_article = timed  # only to time each language; the work is unchanged
    # Publishing queues translate_article_task once the transaction commits.
    article = ArticleFactory(
        title="The council approves the plan to rebuild the old bridge",
        slug="bench-article",
        standfirst="Residents have waited three years for a decision on the crossing.",
        body=[("paragraph", RichText(p)) for p in paragraphs],
    )
    total = time.perf_counter() - started
    services.translate_article = original
    done = ArticleTranslation.objects.filter(article=article, status="done").count()
    assert done == len(languages), (done, languages)

    start = time.perf_counter()
    translate_article_task.enqueue(article.pk)
    rerun = time.perf_counter() - start
    return {
        "languages": languages,
        "routes": {code: route.label for code, route in routes.items()},
        "per_language": timings,
        "words": words,
        "total_s": total,
        "words_per_s": words * len(languages) / total,
        "rerun_s": rerun,
        "peak_self_mib": peak_mib(resource.RUSAGE_SELF),
    }


def report(result: dict[str, object], command: str) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load} at the end of the run (other jobs share the machine)"
    )
    rows = [
        "| language | route | seconds |",
        "|---|---|---|",
        *(
            f"| {code} | {result['routes'][code]} | {result['per_language'].get(code, 0):.2f} |"
            for code in result["languages"]
        ),
    ]
    return (
        "### Every reachable language: one 1,000-word article (bench/languages.py)\n\n"
        f"{len(result['languages'])} languages reached by the installed engines "
        f"(`MASTHEAD_TRANSLATION_LANGUAGES=auto`, pivots through es, ca): "
        f"{result['words']} words into all of them in **{result['total_s']:.1f} s**, "
        f"**{result['words_per_s']:.0f} words/s** (words x languages / time), one worker; "
        f"peak memory {result['peak_self_mib']:.0f} MiB for the worker (Django and the Firefox "
        "Translations model included; Apertium's own short-lived processes, 37-65 MB each, are "
        "not counted). Publishing the "
        f"article again unchanged: {result['rerun_s']:.2f} s (the translation memory answers "
        "every sentence).\n\n" + "\n".join(rows) + "\n\n"
        f"Command: `{command}`. Date: {dt.date.today().isoformat()}. Machine: {machine}. "
        "Pivoted languages reuse the English→Spanish (or →Catalan) sentences of the direct "
        "language, so only their second hop costs engine time.\n"
    )


def write_results(section: str) -> None:
    text = RESULTS.read_text()
    pattern = re.compile(r"### Every reachable language:.*?(?=\n## |\n### |\Z)", re.S)
    if pattern.search(text):
        text = pattern.sub(section.rstrip("\n"), text)
    else:
        anchor = "\n## Newsletter"
        text = text.replace(anchor, "\n" + section + anchor, 1) if anchor in text else text
    RESULTS.write_text(text.rstrip("\n") + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help="Update bench/RESULTS.md.")
    options = parser.parse_args()
    section = report(measure(), "python bench/languages.py" + (" --write" if options.write else ""))
    print(section)
    if options.write:
        write_results(section)


if __name__ == "__main__":
    main()

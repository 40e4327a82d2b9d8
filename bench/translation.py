"""Translation benchmark: a 1,000-word article through each installed engine.

For every installed engine with an English→X pair it measures, in a fresh process each:

* words/s of the whole pipeline (segmenting, engine, translation memory, assembly, saving),
  from an empty translation memory, and of the engine alone on the same sentences;
* time to first translated page: from a cold start (engine models not yet loaded) until the
  translated article answers 200 at its /<lang>/ URL;
* peak memory (max RSS of the process, Django included; the baseline before the engine is
  loaded is shown too);
* the share of segments reused from the translation memory after a one-paragraph edit
  (target: at least 90%).

It works in a throwaway SQLite database in a temporary folder and touches nothing else.

    .venv/bin/python bench/translation.py              # every installed engine, a table
    .venv/bin/python bench/translation.py --write      # ...and update bench/RESULTS.md
    .venv/bin/python bench/translation.py --engine apertium --json   # one engine, JSON
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
WORDS = 1000

SUBJECTS = [
    "The mayor", "The city council", "A group of residents", "The regional government",
    "The transport minister", "Local traders", "The opposition leader", "Teachers at the school",
    "The health authority", "Farmers in the valley", "The police chief", "A spokeswoman",
]  # fmt: skip
VERBS = [
    "announced", "criticised", "approved", "delayed", "defended", "questioned", "welcomed",
    "rejected", "reviewed", "promised",
]  # fmt: skip
OBJECTS = [
    "the plan to rebuild the old bridge", "the new budget for public housing",
    "a proposal to extend the tram line", "the decision to close the hospital at night",
    "the report on water quality in the river", "the contract for the new school",
    "the rules for street markets", "the agreement with the regional airport",
    "a scheme to plant trees along the avenue", "the project to renovate the library",
]  # fmt: skip
TAILS = [
    "on Monday", "after a long debate", "in a statement", "during the morning session",
    "despite strong protests", "before the summer holidays", "at a press conference",
    "for the second time this year",
]  # fmt: skip


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."


def article_paragraphs(seed: int = 7) -> list[str]:
    """About 1,000 words in twelve paragraphs, every sentence distinct, with links and emphasis."""
    rng = random.Random(seed)
    seen: set[str] = set()
    paragraphs: list[str] = []
    words = 0
    while words < WORDS:
        sentences = []
        while len(sentences) < 6:
            text = sentence(rng)
            if text not in seen:
                seen.add(text)
                sentences.append(text)
        words += sum(len(s.split()) for s in sentences)
        subject = sentences[0].split(" ")[1]
        sentences[0] = sentences[0].replace(
            subject, f'<a href="https://example.org/{len(paragraphs)}">{subject}</a>', 1
        )
        emphasised = next(o for o in OBJECTS if o in sentences[2])
        sentences[2] = sentences[2].replace(emphasised, f"<em>{emphasised}</em>")
        paragraphs.append("<p>" + " ".join(sentences) + "</p>")
    return paragraphs


def setup_django(folder: Path) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "masthead.settings",
            "MASTHEAD_DATA_DIR": str(folder),
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "MASTHEAD_TASKS_IMMEDIATE": "1",
            "MASTHEAD_MANIFEST_STATIC": "0",
            "AXES_ENABLED": "0",
            "ALLOWED_HOSTS": "testserver",
            "LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(engine_name: str) -> dict[str, object]:
    """Everything for one engine, in this (fresh) process."""
    folder = Path(tempfile.mkdtemp(prefix="masthead-bench-"))
    setup_django(folder)
    from django.conf import settings
    from django.test import Client
    from wagtail.models import Site
    from wagtail.rich_text import RichText

    from masthead.news.models import ArticlePage
    from masthead.news.tests.factories import ArticleFactory
    from masthead.translation import services
    from masthead.translation.engines import get_engine
    from masthead.translation.segmenting import segment_texts

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "testserver", 80
    site.save()
    engine = get_engine(engine_name)
    targets = sorted(t for s, t in engine.supported_pairs() if s == "en")
    target = next((t for t in ("pt", "es") if t in targets), targets[0])
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": [engine_name]}
    # Publishing queues a translation; keep it from warming the memory before we measure.
    settings.MASTHEAD_TRANSLATION_LANGUAGES = []
    paragraphs = article_paragraphs()
    article = ArticleFactory(
        title="The council approves the plan to rebuild the old bridge",
        slug="bench-article",
        standfirst="Residents have waited three years for a decision on the crossing.",
        body=[("paragraph", RichText(p)) for p in paragraphs],
    )
    words = sum(len(re.sub("<[^>]+>", "", p).split()) for p in paragraphs)
    baseline = max_rss_mib()
    settings.MASTHEAD_TRANSLATION_LANGUAGES = [target]

    # Cold: models load inside this call, as in a fresh worker.
    client = Client()
    start = time.perf_counter()
    [outcome] = services.translate_article(article.pk, [target])
    pipeline = time.perf_counter() - start
    response = client.get(f"/{target}/articles/bench-article/")
    first_page = time.perf_counter() - start
    assert outcome.status == "done", outcome.error
    assert response.status_code == 200, response.status_code

    sentences = [s.text for p in paragraphs for s in segment_texts(p)]
    start = time.perf_counter()
    engine.translate_batch(sentences, "en", target)
    engine_only = time.perf_counter() - start

    # Edit one paragraph and translate again: only its sentences should be new.
    paragraphs[5] = (
        "<p>The editor rewrote this paragraph after the vote. It now reports the final "
        "result. Forty members voted in favour and twelve against.</p>"
    )
    article = ArticlePage.objects.get(pk=article.pk)
    article.body = [("paragraph", RichText(p)) for p in paragraphs]
    settings.MASTHEAD_TRANSLATION_LANGUAGES = []
    article.save_revision().publish()
    settings.MASTHEAD_TRANSLATION_LANGUAGES = [target]
    [rerun] = services.translate_article(article.pk, [target])
    return {
        "engine": engine_name,
        "pair": f"en→{target}",
        "words": words,
        "segments": outcome.segments,
        "pipeline_words_per_s": round(words / pipeline),
        "engine_words_per_s": round(sum(len(s.split()) for s in sentences) / engine_only),
        "first_page_s": round(first_page, 2),
        "baseline_rss_mib": round(baseline),
        "peak_rss_mib": round(max_rss_mib()),
        "reuse_after_edit": round(rerun.reused / rerun.segments, 3),
        "reused": rerun.reused,
        "rerun_segments": rerun.segments,
    }


def installed_engines() -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="masthead-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    os.environ.setdefault("MASTHEAD_DATA_DIR", str(folder))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from masthead.translation.engines import ENGINE_CLASSES, get_engine

    return [
        name
        for name in ENGINE_CLASSES
        if get_engine(name).is_available()
        and any(source == "en" for source, _ in get_engine(name).supported_pairs())
    ]


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| engine | pair | words | pipeline words/s (cold) | engine words/s | first translated "
        "page | peak RSS (baseline) | reused after 1-paragraph edit |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['engine']} | {r['pair']} | {r['words']} | {r['pipeline_words_per_s']} | "
            f"{r['engine_words_per_s']} | {r['first_page_s']} s | {r['peak_rss_mib']} MiB "
            f"({r['baseline_rss_mib']} MiB) | {r['reuse_after_edit']:.1%} "
            f"({r['reused']}/{r['rerun_segments']}) |"
        )
    return "\n".join(lines)


def write_results(rows: list[dict[str, object]], command: str) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load} at the end of the run (other jobs share the machine)"
    )
    section = (
        "## Translation\n\n"
        f"{table(rows)}\n\n"
        f"Command: `{command}`. Date: {dt.date.today().isoformat()}. Machine: {machine}.\n"
        "One fresh process per engine; SQLite; a 1,000-word article of distinct sentences "
        "(links and emphasis in every paragraph). 'Pipeline' covers segmenting, the engine, the "
        "translation memory and saving, from an empty memory with the model loaded cold; "
        "'first translated page' adds serving the /<lang>/ page. Peak RSS includes Django "
        "(baseline: before the engine loaded); Apertium runs as its own processes, not counted.\n"
    )
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(r"## Translation\n.*?(?=\n## |\Z)", re.S)
    text = (
        pattern.sub(section.rstrip("\n"), text)
        if pattern.search(text)
        else (text.rstrip("\n") + "\n\n" + section)
    )
    RESULTS.write_text(text.rstrip("\n") + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--engine", help="Measure only this engine (default: every installed one).")
    parser.add_argument(
        "--json", action="store_true", help="Print one JSON result (with --engine)."
    )
    parser.add_argument(
        "--write", action="store_true", help="Update the Translation section of bench/RESULTS.md."
    )
    args = parser.parse_args()
    if args.engine and args.json:
        print(json.dumps(measure(args.engine)))
        return
    from tqdm import tqdm

    engines = [args.engine] if args.engine else installed_engines()
    rows = []
    for name in tqdm(engines, desc="engines", unit="engine"):
        output = subprocess.run(
            [sys.executable, __file__, "--engine", name, "--json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rows.append(json.loads(output.strip().splitlines()[-1]))
    print(table(rows))
    if args.write:
        write_results(rows, "python bench/translation.py --write")
    worst = min(float(r["reuse_after_edit"]) for r in rows) if rows else 0
    print(f"{len(rows)} engines measured; lowest reuse after an edit {worst:.1%} (target 90%).")


if __name__ == "__main__":
    main()

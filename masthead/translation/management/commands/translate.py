"""``masthead translate status|article|engines``: coverage, one article by hand, the engines."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from masthead.news.models import ArticlePage
from masthead.translation import services
from masthead.translation.engines import ENGINE_CLASSES, configured_engine_names, get_engine
from masthead.translation.interface import (
    MACHINE_MARK,
    compile_catalogues,
    fill_catalogue,
    forget_machine_entries,
)
from masthead.translation.languages import NATIVE_NAMES
from masthead.translation.queries import coverage_by_engine, coverage_by_language
from masthead.translation.routes import (
    allowed_pivots,
    install_hints,
    missing_languages,
    offered_languages,
    reachable_languages,
    routes_for,
)
from masthead.translation.texts import translate_texts


class Command(BaseCommand):
    help = (
        "Machine translation of articles. 'status': coverage per language and engine; "
        "'article <id|slug> [--lang xx ...]': translate one article now; 'engines': the "
        "installed engines, the language pairs each can do, and what to install for the rest."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        actions.add_parser("status", help="Coverage per language and engine.")
        article = actions.add_parser("article", help="Translate one article now.")
        article.add_argument("article", help="The article's id or slug.")
        article.add_argument(
            "--lang",
            action="append",
            dest="languages",
            metavar="CODE",
            help="Only this language (repeatable); default: every configured language.",
        )
        actions.add_parser("engines", help="Installed engines, direct and pivot routes.")
        actions.add_parser(
            "texts", help="Translate region, theme and report names, bios and notes now."
        )
        interface = actions.add_parser(
            "interface",
            help="Fill missing interface (gettext) entries by machine, marked for review, "
            "and compile them.",
        )
        interface.add_argument(
            "--lang",
            action="append",
            dest="languages",
            metavar="CODE",
            help="Only this language (repeatable); default: every offered language.",
        )
        interface.add_argument(
            "--again",
            action="store_true",
            help="Make the machine entries nobody has reviewed yet again (after installing "
            "an engine or improving the pivot language's catalogue).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"handle_{options['action']}")(**options)

    def handle_status(self, **options: Any) -> None:
        articles = ArticlePage.objects.live().count()
        figures = coverage_by_language()
        self.stdout.write(
            f"{articles} live articles; languages configured: {len(offered_languages())}"
        )
        self.stdout.write(f"{'language':<24} {'translated':>10} {'failed':>8}  engines")
        for code in offered_languages():
            done = figures.get(code, {}).get("done", 0)
            failed = figures.get(code, {}).get("failed", 0)
            name = f"{NATIVE_NAMES.get(code, code)} ({code})"
            order = ", ".join(configured_engine_names(code))
            self.stdout.write(f"{name:<24} {done:>6}/{articles:<4}{failed:>7}  {order}")
        self.stdout.write(
            "Translations per engine: "
            + (
                ", ".join(f"{engine} {n}" for engine, n in sorted(coverage_by_engine().items()))
                or "none yet"
            )
        )

    def handle_article(self, **options: Any) -> None:
        key = options["article"]
        found = ArticlePage.objects.filter(slug=key)
        if key.isdigit():
            found = ArticlePage.objects.filter(pk=int(key)) | found
        article = found.first()
        if article is None:
            raise CommandError(f"No article with id or slug {key!r}.")
        requested = options.get("languages")
        unknown = sorted(set(requested or []) - set(offered_languages()))
        if unknown:
            raise CommandError(
                f"Not configured for translation: {', '.join(unknown)} "
                "(see MASTHEAD_TRANSLATION_LANGUAGES)."
            )
        languages = services.target_languages(article, requested)
        done = failed = 0
        with tqdm(total=len(languages), desc=article.slug[:30], unit="lang") as bar:

            def progress(outcome: services.LanguageOutcome) -> None:
                nonlocal done, failed
                bar.update()
                bar.set_postfix_str(outcome.language)
                if outcome.status == "done":
                    done += 1
                elif outcome.status == "failed":
                    failed += 1
                    tqdm.write(f"{outcome.language}: {outcome.error}", file=self.stderr)

            outcomes = services.translate_article(article, languages, on_language=progress)
        segments = sum(o.segments for o in outcomes)
        reused = sum(o.reused for o in outcomes)
        self.stdout.write(
            f"Translated {article.title!r} into {done} languages ({failed} failed); "
            f"{reused} of {segments} segments came from the translation memory."
        )

    def handle_texts(self, **options: Any) -> None:
        made = translate_texts()
        self.stdout.write(f"Translated {made} texts into {len(offered_languages())} languages.")

    def handle_interface(self, **options: Any) -> None:
        languages = options.get("languages") or offered_languages()
        unknown = sorted(set(languages) - set(NATIVE_NAMES))
        if unknown:
            raise CommandError(f"Unknown languages: {', '.join(unknown)}.")
        filled = review = 0
        for code in tqdm(languages, desc="interface", unit="lang"):
            if options.get("again"):
                forget_machine_entries(code)
            outcome = fill_catalogue(code)
            filled += outcome.filled
            review += outcome.awaiting_review
            if outcome.error:
                tqdm.write(f"{code}: {outcome.error}", file=self.stderr)
            elif outcome.left:
                tqdm.write(
                    f"{code}: {outcome.left} entries left for a person (markup or placeholders).",
                    file=self.stderr,
                )
        compile_catalogues(languages)
        self.stdout.write(
            f"Filled {filled} interface entries by machine in {len(languages)} languages; "
            f"{review} machine-made entries await review (marked '{MACHINE_MARK}')."
        )

    def handle_engines(self, **options: Any) -> None:
        for name in ENGINE_CLASSES:
            engine = get_engine(name)
            if engine.is_available():
                pairs = sorted(engine.supported_pairs())
                shown = ", ".join(f"{s}→{t}" for s, t in pairs[:40])
                more = f" and {len(pairs) - 40} more" if len(pairs) > 40 else ""
                self.stdout.write(
                    f"{engine.label} ({name}): installed; pairs: {shown or 'none'}{more}"
                )
            else:
                self.stdout.write(f"{engine.label} ({name}): not installed — {engine.install_hint}")
        source = settings.LANGUAGE_CODE
        self.stdout.write(
            f"Routes from {source} (pivots allowed: {', '.join(allowed_pivots()) or 'none'}):"
        )
        for code in reachable_languages():
            routes = routes_for(source, code)
            shown = "; ".join(
                (f"via {route.via}: " if route.via else "direct: ") + route.label
                for route in routes
            )
            self.stdout.write(f"  {NATIVE_NAMES[code]} ({code}): {shown}")
        offered = offered_languages()
        missing = missing_languages()
        mode = "auto" if settings.MASTHEAD_TRANSLATION_LANGUAGES == "auto" else "configured"
        self.stdout.write(
            f"{len(offered) - len(missing)} languages offered ({mode})"
            + (f"; no engine for: {', '.join(missing)}" if missing else ".")
        )
        for hint, codes in install_hints(missing):
            self.stdout.write(f"  {', '.join(codes)}: {hint}")

"""``masthead load-demo``: load the demo publication into the configured database."""

from __future__ import annotations

import logging
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from masthead.demo.banner import describe_demo_translation
from masthead.demo.loader import load_demo
from masthead.membership.demo import DEMO_MEMBER, demo_member_sign_in_link


class Command(BaseCommand):
    help = (
        "Load the demo publication (The Meridian Review: 30 articles, 5 authors, regions, themes, "
        "in-depth reports, illustrations and staff accounts) into the configured database. "
        "Safe to run again: what already exists is left as it is."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--hostname", default="127.0.0.1", help="Host name the site answers on (127.0.0.1)."
        )
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT", "8000")),
            help="Port the site answers on (the PORT environment variable, else 8000).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verbosity"] < 2:
            # Page and task audit lines would bury the progress bar; they stay in the admin's log.
            for name in ("wagtail", "django_tasks"):
                logging.getLogger(name).setLevel(logging.WARNING)

        def progress(articles: Any) -> Any:
            return tqdm(
                articles,
                desc="Demo articles",
                unit="article",
                disable=options["verbosity"] == 0,
                file=self.stderr,
            )

        summary = load_demo(hostname=options["hostname"], port=options["port"], progress=progress)
        self.stdout.write(self.style.SUCCESS(str(summary)))
        self.stdout.write(describe_demo_translation())
        self.stdout.write(
            f"Demo member ({DEMO_MEMBER}, a supporter): sign in with {demo_member_sign_in_link()} "
            "(works once; masthead membership-sign-in-link prints a new one)."
        )

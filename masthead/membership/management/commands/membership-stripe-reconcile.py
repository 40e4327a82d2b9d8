"""Catch up with Stripe: retry events whose processing failed, reconcile members, thank donors."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from masthead.membership import reconciliation, stripe_api


class Command(BaseCommand):
    help = (
        "Process again the Stripe events whose processing failed, bring every membership in "
        "line with Stripe's current state, and queue missing gift thank-you mails. Safe to run "
        "as often as you like (cron: every 15 minutes)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--grace-minutes",
            type=int,
            default=int(reconciliation.DEFAULT_GRACE.total_seconds() // 60),
            help="Leave events and gifts younger than this to the task queue (default 10).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not stripe_api.is_configured():
            raise CommandError("Set STRIPE_SECRET_KEY first (see docs/deploy.md).")
        quiet = options["verbosity"] < 1

        def progress(items: Any) -> Any:
            return tqdm(items, disable=quiet or not items, leave=False, file=sys.stderr)

        summary = reconciliation.reconcile(
            grace=dt.timedelta(minutes=options["grace_minutes"]), progress=progress
        )
        self.stdout.write(str(summary))
        if summary.events_failed or summary.members_failed:
            raise CommandError("Stripe could not be reached for some of them; run again later.")

"""`masthead newsletter build|send|status`: the newsletter from the command line. Its daily
schedule is a job of `masthead clock` (schedule.py)."""

from __future__ import annotations

import argparse
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from masthead.newsletter.models import Frequency, NewsletterIssue, Subscriber
from masthead.newsletter.progress import Progress, progress_of
from masthead.newsletter.sending import IssueSender


class Command(BaseCommand):
    help = (
        "The daily newsletter. 'build' assembles an issue from the articles selected for the "
        "newsletter; 'send' sends the latest built issue (or --issue N) and resumes an "
        "interrupted send; 'status' shows recent issues and subscribers. Each edition is built "
        "and sent at MASTHEAD_NEWSLETTER_SEND_AT by `masthead clock`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        build = sub.add_parser("build", help="Build the next issue from the selected articles.")
        build.add_argument(
            "--weekly", action="store_true", help="Build the weekly digest instead of the daily."
        )
        send = sub.add_parser(
            "send", help="Send (or resume sending) the latest built issue, with a progress bar."
        )
        send.add_argument("--issue", type=int, help="The issue's number (see 'status').")
        send.add_argument(
            "--rate", type=float, help="Messages per second (default MASTHEAD_NEWSLETTER_RATE)."
        )
        send.add_argument(
            "--batch-size", type=int, help="Deliveries claimed at a time (default 500)."
        )
        send.add_argument(
            "--connections",
            type=int,
            help="SMTP connections at once (default MASTHEAD_NEWSLETTER_CONNECTIONS).",
        )
        send.add_argument("--no-progress", action="store_true", help="No progress bar (for logs).")
        sub.add_parser("status", help="Recent issues with their progress, and subscriber counts.")
        # The old name of `masthead clock`, kept so an installation's unit that runs it goes on
        # sending (and now publishes scheduled pages too) until it is changed.
        scheduler = sub.add_parser(
            "scheduler", help="Old name of `masthead clock`, which it runs (use that instead)."
        )
        scheduler.add_argument("--interval", type=float, help=argparse.SUPPRESS)  # ignored
        scheduler.add_argument("--once", action="store_true", help="Run once and exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"do_{options['action']}")(**options)

    def do_build(self, weekly: bool, **options: Any) -> None:
        from masthead.newsletter.services import NewsletterError, build_issue

        frequency = Frequency.WEEKLY if weekly else Frequency.DAILY
        try:
            issue = build_issue(frequency)
        except NewsletterError as exc:
            raise CommandError(str(exc)) from None
        count = issue.entries.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Built issue {issue.pk}: “{issue.subject}” with {count} article(s). "
                f"Send it with: masthead newsletter send --issue {issue.pk}"
            )
        )

    def do_send(
        self,
        issue: int | None,
        rate: float | None,
        batch_size: int | None,
        connections: int | None,
        no_progress: bool,
        **options: Any,
    ) -> None:
        if issue is not None:
            target = NewsletterIssue.objects.filter(pk=issue).first()
            if target is None:
                raise CommandError(
                    f"There is no issue {issue}; 'masthead newsletter status' lists them."
                )
        else:
            target = (
                NewsletterIssue.objects.exclude(status=NewsletterIssue.Status.SENT)
                .order_by("-built_at", "-pk")
                .first()
            )
            if target is None:
                raise CommandError(
                    "No built issue is waiting to be sent. "
                    "Build one with 'masthead newsletter build'."
                )
        if target.status == NewsletterIssue.Status.SENT:
            progress = progress_of(target.pk)
            self.stdout.write(f"Issue {target.pk} was already sent: {_summary(progress)}.")
            return
        if rate is not None and rate < 0:
            raise CommandError("--rate must be 0 (no limit) or more.")
        if batch_size is not None and batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if connections is not None and not 1 <= connections <= 100:
            raise CommandError("--connections must be between 1 and 100.")
        bar = tqdm(total=None, unit="msg", desc=f"Issue {target.pk}", disable=no_progress)

        def show(progress: Progress) -> None:
            bar.total = progress.total
            bar.n = progress.sent + progress.failed + progress.suppressed
            bar.set_postfix(sent=progress.sent, pending=progress.pending, failed=progress.failed)
            bar.refresh()

        started = time.monotonic()
        sender = IssueSender(
            target, rate=rate, batch_size=batch_size, connections=connections, on_progress=show
        )
        progress = sender.run()
        show(progress)
        bar.close()
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Issue {target.pk}: {_summary(progress)} in {elapsed:.1f} s.")
        )

    def do_status(self, **options: Any) -> None:
        counts = {
            status: Subscriber.objects.filter(status=status).count()
            for status in Subscriber.Status.values
        }
        self.stdout.write(
            "Subscribers: " + ", ".join(f"{n} {status}" for status, n in counts.items())
        )
        issues = list(NewsletterIssue.objects.order_by("-pk")[:10])
        if not issues:
            self.stdout.write("No issues yet. Build one with 'masthead newsletter build'.")
        for issue in issues:
            progress = progress_of(issue.pk)
            self.stdout.write(
                f"#{issue.pk} {issue.edition_date} {issue.frequency} [{issue.status}] "
                f"“{issue.subject}”: {_summary(progress)}"
            )

    def do_scheduler(self, once: bool, **options: Any) -> None:
        self.stderr.write(
            "`masthead newsletter scheduler` is now `masthead clock`, which also publishes "
            "scheduled pages: change the command that starts it."
        )
        call_command("clock", once=once, stdout=self.stdout, stderr=self.stderr)


def _summary(progress: Progress) -> str:
    return (
        f"{progress.sent} sent, {progress.pending} pending, {progress.failed} failed, "
        f"{progress.suppressed} suppressed"
    )

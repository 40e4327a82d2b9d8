"""``masthead clock``: runs every installed app's periodic jobs (masthead/server/clock.py)
until stopped, or once with ``--once`` (tests, cron)."""

from __future__ import annotations

import signal
import threading
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from masthead.server.clock import Clock, PeriodicJob, periodic_jobs


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        jobs = "; ".join(f"{job.name} (every {job.every:g} s)" for job in periodic_jobs())
        return (
            "Run the site's clock until stopped: each installed app's periodic jobs, each at "
            f"its own interval, logging what they did. Jobs: {jobs}. Safe on several machines "
            "at once (each job claims its work in the database); `masthead serve --with-worker` "
            "starts one. Stop it with SIGTERM or Ctrl+C: it finishes the job under way."
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Run every job once and exit (tests, cron)."
        )
        parser.add_argument(
            "--job",
            action="append",
            choices=[job.name for job in periodic_jobs()],
            help="Run only this job (repeat for more). Default: all of them.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        jobs: list[PeriodicJob] = [
            job for job in periodic_jobs() if not options["job"] or job.name in options["job"]
        ]
        clock = Clock(jobs, self.log)
        self.log("clock: " + ", ".join(f"{job.name} every {job.every:g} s" for job in jobs))
        clock.start()
        if options["once"]:
            if not clock.run_due(time.monotonic()):
                raise CommandError("A job failed (its error is logged above).")
            return
        stop = threading.Event()
        # serve and systemd stop us with SIGTERM, Ctrl+C reaches the whole process group:
        # finish the job under way (its claim and its publish commit together), then exit.
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        while not stop.is_set():
            clock.run_due(time.monotonic())
            stop.wait(clock.seconds_until_next(time.monotonic()))

    def log(self, line: str) -> None:
        self.stdout.write(f"{timezone.localtime():%Y-%m-%d %H:%M:%S} {line}")

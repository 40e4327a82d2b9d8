"""``masthead worker``: the background task workers, one process per queue group.

Each group of queues in ``MASTHEAD_WORKER_QUEUES`` (quick: search index and mail; translation;
bulk newsletter sending) gets a worker process of its own, so a backlog in one never delays
another: a confirmation email goes out while thirty articles wait for translation. The same
command runs the embedded database queue (django-tasks-db's worker, quiet unless something
fails; ``-v 2`` logs every task) or, with ``REDIS_URL``, RQ workers on the same queue names.
``--queue-name`` runs one worker for the named queues in this process instead (one systemd
unit per group, say).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand


class QuietDatabaseWorker(DatabaseWorkerCommand):
    """django-tasks-db's worker logs two lines per task at its default verbosity; on a busy
    publication that buries the failures."""

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        if verbosity == 1:
            for name in ("django_tasks", "django_tasks_db"):
                logging.getLogger(name).setLevel(logging.WARNING)


def uses_redis() -> bool:
    return settings.TASKS["default"]["BACKEND"].startswith("django_tasks_rq")


class Command(BaseCommand):
    help = (
        "Run the background task workers (search indexing and mail, translation, newsletter "
        "sending), one process per queue group, from the database queue or Redis. Logs "
        "failures only; -v 2 logs every task."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--queue-name",
            help=(
                "Run one worker in this process for these queues (comma-separated; '*' for "
                "all, database queue only). Default: one process per group of "
                "MASTHEAD_WORKER_QUEUES."
            ),
        )
        parser.add_argument(
            "--batch", action="store_true", help="Run what is queued, then exit (tests, cron)."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between looks at an empty database queue (default 1).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["queue_name"]:
            self.run_worker(options["queue_name"].split(","), options)
        else:
            self.run_one_process_per_group(options)

    def run_worker(self, queues: list[str], options: dict[str, Any]) -> None:
        verbosity = options["verbosity"]
        if uses_redis():
            if "*" in queues:
                raise CommandError("Name the RQ queues to serve: " + ",".join(settings.TASK_QUEUES))
            call_command(
                "rqworker",
                *queues,
                job_class="django_tasks_rq.Job",
                with_scheduler=True,
                burst=options["batch"],
                verbosity=verbosity,
            )
        else:
            call_command(
                QuietDatabaseWorker(stdout=self.stdout, stderr=self.stderr),
                queue_name=",".join(queues),
                batch=options["batch"],
                interval=options["interval"],
                reload=False,
                verbosity=verbosity,
            )

    def run_one_process_per_group(self, options: dict[str, Any]) -> None:
        shared = ["--verbosity", str(options["verbosity"]), "--interval", str(options["interval"])]
        if options["batch"]:
            shared.append("--batch")
        workers = [
            subprocess.Popen(  # noqa: S603 - our own command with fixed arguments
                [
                    sys.executable,
                    "-m",
                    "masthead.cli",
                    "worker",
                    "--queue-name",
                    ",".join(queues),
                    *shared,
                ]
            )
            for queues in settings.MASTHEAD_WORKER_QUEUES.values()
        ]

        stopping = False

        def stop(signum: int, frame: object) -> None:
            nonlocal stopping
            stopping = True
            for worker in workers:
                if worker.poll() is None:
                    worker.send_signal(signal.SIGTERM)

        # Ctrl+C reaches every process of the terminal's group; SIGTERM (systemd, `masthead
        # serve`) reaches only this one, which passes it on and waits for the tasks to finish.
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        running = {worker.pid: worker for worker in workers}
        failure = 0
        while running:
            pid, status = os.wait()
            if running.pop(pid, None) is None:
                continue
            code = os.waitstatus_to_exitcode(status)
            if not stopping and (code or not options["batch"]):
                # One group's worker died: stop the rest, so the process manager restarts all.
                failure = code or 1
                stop(signal.SIGTERM, None)
        if failure:
            raise CommandError(f"A task worker exited unexpectedly (status {failure}).")

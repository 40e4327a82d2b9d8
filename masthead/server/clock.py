"""The site's clock: work that must happen at a time, not in answer to a request or a task.

Django's tasks framework has no scheduler and Wagtail publishes scheduled pages only when its
``publish_scheduled`` command runs, so ``masthead clock`` (started by ``masthead serve
--with-worker``, or a systemd unit of its own) runs each installed app's periodic jobs.

An app declares its jobs on its ``AppConfig``, as it declares ``uncached_paths``::

    from masthead.server.clock import PeriodicJob

    class NewsletterConfig(AppConfig):
        periodic_jobs = (
            PeriodicJob("newsletter", run="masthead.newsletter.schedule.clock_tick", every=30),
        )

Several machines may run the clock at once (for redundancy, or by mistake), so a job must
claim each piece of work in the database before doing it: two clocks then do it once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db import close_old_connections, connection
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    """Work ``masthead clock`` does every ``every`` seconds.

    ``run`` and ``start`` are dotted paths of callables taking no argument and returning what
    they did, one line each, for the log. ``run`` runs at once when the clock starts, then
    every ``every`` seconds; ``start`` (optional) runs once before it, to refuse a bad setting
    at start-up or catch up.
    """

    name: str
    run: str
    every: float = 60.0
    start: str | None = None


def periodic_jobs() -> list[PeriodicJob]:
    """Every installed app's jobs, in the order of INSTALLED_APPS."""
    return [
        job for config in apps.get_app_configs() for job in getattr(config, "periodic_jobs", ())
    ]


class Clock:
    """Runs jobs when they are due. Time is given (``time.monotonic()``), so tests need no
    sleeping; a job that raises is logged and tried again at its next time, and the others
    go on."""

    def __init__(self, jobs: Iterable[PeriodicJob], write: Callable[[str], None]) -> None:
        self.jobs = list(jobs)
        self.write = write
        self.next_run = {job.name: 0.0 for job in self.jobs}

    def start(self) -> None:
        """Each job's start-up step; an error here (a bad setting) stops the clock."""
        for job in self.jobs:
            if job.start:
                self._report(job, import_string(job.start)())

    def run_due(self, now: float) -> bool:
        """Run the jobs whose time has come; False if one of them failed."""
        ok = True
        for job in self.jobs:
            if now >= self.next_run[job.name]:
                ok = self.run(job) and ok
                self.next_run[job.name] = now + job.every
        return ok

    def run(self, job: PeriodicJob) -> bool:
        # A long-lived process: drop a connection the database closed or that outlived
        # CONN_MAX_AGE, as Django does around each request (not one inside a transaction,
        # which belongs to whoever opened it).
        if not connection.in_atomic_block:
            close_old_connections()
        try:
            lines = import_string(job.run)()
        except Exception:
            logger.exception(
                "The clock's job %r failed; it runs again in %s s.", job.name, job.every
            )
            return False
        self._report(job, lines)
        return True

    def seconds_until_next(self, now: float) -> float:
        return max(0.0, min(self.next_run.values(), default=now + 60) - now)

    def _report(self, job: PeriodicJob, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(f"{job.name}: {line}")

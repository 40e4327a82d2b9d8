"""`masthead clock`: every app's periodic jobs, each at its own interval, started by `masthead
serve --with-worker`."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from masthead.news.models import ArticlePage
from masthead.news.tests.factories import ArticleFactory
from masthead.news.tests.test_scheduled_publishing import schedule
from masthead.server import clock as clock_module
from masthead.server.clock import Clock, PeriodicJob, periodic_jobs
from masthead.server.management.commands import serve

RUNS: list[str] = []


def often() -> list[str]:
    RUNS.append("often")
    return ["did it"]


def seldom() -> list[str]:
    RUNS.append("seldom")
    return []


def broken() -> list[str]:
    RUNS.append("broken")
    raise RuntimeError("the database went away")


def test_each_app_declares_its_jobs_and_scheduled_publishing_runs_within_a_minute() -> None:
    jobs = {job.name: job for job in periodic_jobs()}
    assert jobs["publishing"].run == "masthead.news.scheduled_publishing.publish_scheduled"
    assert jobs["publishing"].every <= 60
    assert jobs["newsletter"].run == "masthead.newsletter.schedule.clock_tick"


@pytest.mark.django_db
def test_jobs_run_at_once_then_each_at_its_interval_and_a_failure_stops_no_other() -> None:
    RUNS.clear()
    lines: list[str] = []
    here = __name__
    clock = Clock(
        [
            PeriodicJob("broken", run=f"{here}.broken", every=10),
            PeriodicJob("often", run=f"{here}.often", every=10),
            PeriodicJob("seldom", run=f"{here}.seldom", every=60),
        ],
        lines.append,
    )
    assert not clock.run_due(1000.0)  # all due at start; one failed
    assert RUNS == ["broken", "often", "seldom"]
    assert lines == ["often: did it"]
    assert clock.seconds_until_next(1000.0) == 10
    RUNS.clear()
    clock.run_due(1005.0)
    assert RUNS == []
    clock.run_due(1010.0)
    assert RUNS == ["broken", "often"]  # the failed job is tried again
    clock.run_due(1060.0)
    assert RUNS == ["broken", "often", "broken", "often", "seldom"]


@pytest.mark.django_db
def test_clock_once_publishes_what_is_due_and_logs_it(site: Any) -> None:
    article = ArticleFactory(live=False, published_at=None, title="Published by the clock")
    schedule(article, timezone.now() - dt.timedelta(seconds=30))
    out = io.StringIO()

    call_command("clock", "--once", stdout=out)

    assert ArticlePage.objects.get(pk=article.pk).live
    log = out.getvalue()
    assert "publishing: Published “Published by the clock”" in log
    assert "newsletter: editions at 07:00 each day" in log  # every app's jobs ran


@pytest.mark.django_db
def test_clock_once_fails_when_a_job_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    jobs = [PeriodicJob("broken", run=f"{__name__}.broken")]
    monkeypatch.setattr(clock_module, "periodic_jobs", lambda: jobs)
    monkeypatch.setattr("masthead.server.management.commands.clock.periodic_jobs", lambda: jobs)
    with pytest.raises(CommandError, match="A job failed"):
        call_command("clock", "--once", stdout=io.StringIO())


@pytest.mark.django_db
def test_the_newsletter_schedulers_old_name_runs_the_clock(site: Any) -> None:
    article = ArticleFactory(live=False, published_at=None)
    schedule(article, timezone.now() - dt.timedelta(seconds=30))
    out, err = io.StringIO(), io.StringIO()

    call_command("newsletter", "scheduler", "--once", stdout=out, stderr=err)

    assert ArticlePage.objects.get(pk=article.pk).live
    assert "is now `masthead clock`" in err.getvalue()


class FakeProcess:
    """Stands in for each process `masthead serve` starts; the server exits at once."""

    started: list[tuple[list[str], dict[str, str]]] = []

    def __init__(self, args: list[str], env: dict[str, str] | None = None, **_: Any) -> None:
        self.started.append((list(args), dict(env or {})))

    def wait(self, timeout: float | None = None) -> int:
        return 0

    def poll(self) -> int:
        return 0


def test_serve_with_worker_starts_the_clock_beside_the_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    FakeProcess.started = []
    monkeypatch.setattr(subprocess, "Popen", FakeProcess)
    monkeypatch.setattr(serve.signal, "signal", lambda *args: None)

    call_command("serve", "--with-worker", "--port", "8123", stdout=io.StringIO())

    ours = {
        " ".join(args[3:]): env
        for args, env in FakeProcess.started
        if args[1:3] == ["-m", "masthead.cli"]
    }
    assert set(ours) == {"worker", "clock"}
    # Purges to a CDN name the address the server answers on, as the server's own do.
    assert ours["clock"]["MASTHEAD_BASE_URL"] == "http://127.0.0.1:8123"


def test_serve_alone_starts_no_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    FakeProcess.started = []
    monkeypatch.setattr(subprocess, "Popen", FakeProcess)
    monkeypatch.setattr(serve.signal, "signal", lambda *args: None)

    call_command("serve", "--port", "8123", stdout=io.StringIO())

    assert [args[3:] for args, _ in FakeProcess.started if "masthead.cli" in args] == []

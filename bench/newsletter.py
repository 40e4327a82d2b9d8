"""Benchmark: one newsletter issue to N subscribers through a local SMTP sink.

The embedded default: a fresh SQLite database, the database task queue, and the send run as a
queued task by the newsletter's own worker (`masthead worker --queue-name bulk`, as its systemd
unit and `masthead serve --with-worker` run it), already running when the issue is queued. The
SMTP sink (aiosmtpd) runs in its own process. Reports messages per second and the worker's peak
memory (max RSS) for each list size, so you can see memory stay flat as the list grows.

Masthead's rate is given three ways: from the moment the issue was queued to the last message
(what an editor waits), from the moment the worker took the send task, and while sending (first
to last message). The setup's own background tasks (search index, reference index) are on other
queues, so the newsletter's worker does nothing else.

The reference, in the same run and to the same sink: a bare sender (smtplib, the library
Django's SMTP backend uses) pushing the issue's messages, rendered beforehand by Masthead (one
per language, for a reader of that language), to the same number of recipients over the same
number of connections, with nothing else to do: no delivery records, no per-reader links. It
runs just before and just after Masthead's send, and Masthead's rate is compared with the mean
of the two.

    .venv/bin/python bench/newsletter.py                  # 10,000 and 100,000 subscribers
    .venv/bin/python bench/newsletter.py --sizes 2000     # a quick run
    .venv/bin/python bench/newsletter.py --sizes 10000 --postgres postgres://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores, {cpu}{memory}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def count_lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def masthead(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "masthead.cli", *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )


SETUP = """
import sys, datetime as dt
import django
django.setup()
from django.utils import timezone
from masthead.news.tests.factories import ArticleFactory, AuthorFactory, CreditedImageFactory
from masthead.newsletter.models import Subscriber
from masthead.newsletter.services import build_issue
from wagtail.models import Site

site = Site.objects.get(is_default_site=True)
author = AuthorFactory()
for n in range(6):
    ArticleFactory(authors=[author], featured_image=CreditedImageFactory(),
                   selected_for_newsletter=True, title=f"Benchmark story number {n}")
count = int(sys.argv[1])
languages = ["en", "fr", "es", "pt"]
now = timezone.now()
batch = []
for n in range(count):
    batch.append(Subscriber(email=f"reader{n}@bench.example", language=languages[n % 4],
                            status="confirmed", consent_at=now, confirmed_at=now,
                            consent_form="bench"))
    if len(batch) == 5000:
        Subscriber.objects.bulk_create(batch)
        batch = []
Subscriber.objects.bulk_create(batch)
issue = build_issue("daily")
# The bare sender's messages: Masthead's own, one per language, for a reader of that language.
from masthead.newsletter.rendering import render_issue
from masthead.newsletter.sending import build_message
for language in languages:
    reader = Subscriber.objects.filter(language=language).order_by("pk").first()
    message = build_message(issue, render_issue(issue, language), reader.pk, reader.email,
                            f"<bench.{reader.pk}@bench.example>")
    with open(f"{sys.argv[2]}/bare-{language}.eml", "wb") as out:
        out.write(message.message().as_bytes(linesep="\\r\\n"))
print(issue.pk)
"""

# What an editor's "send" does: queue the issue for the newsletter's worker.
ENQUEUE = """
import sys
import django
django.setup()
from masthead.newsletter.tasks import send_issue_task
print(send_issue_task.enqueue(int(sys.argv[1])).id)
"""

BARE_SENDER = """
import smtplib, sys, threading
from pathlib import Path
port, folder, count, connections = int(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
languages = ["en", "fr", "es", "pt"]
messages = {language: (folder / f"bare-{language}.eml").read_bytes() for language in languages}
def lane(numbers):
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for n in numbers:
            smtp.sendmail("news@bench.example", [f"bare{n}@bench.example"], messages[languages[n % 4]])
lanes = [threading.Thread(target=lane, args=(range(k, count, connections),)) for k in range(connections)]
for each in lanes:
    each.start()
for each in lanes:
    each.join()
"""


class Results:
    """The run's own database, read with its driver (no Django in the benchmark's process):
    the SQLite file, or a fresh PostgreSQL database made for the run and dropped after it."""

    def __init__(self, workdir: Path, postgres_server: str | None) -> None:
        self.postgres_server = postgres_server
        self.url = ""
        if postgres_server:
            import psycopg

            parts = urlsplit(postgres_server)
            self.name = f"masthead_bench_newsletter_{os.getpid()}"
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            with psycopg.connect(self.admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
                admin.execute(f'CREATE DATABASE "{self.name}"')
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        self.sqlite_path = workdir / "masthead.sqlite3"
        self.connection: Any = None

    def open(self) -> None:
        if self.postgres_server:
            import psycopg

            self.connection = psycopg.connect(self.url, autocommit=True)
        else:
            self.connection = sqlite3.connect(self.sqlite_path)

    def one(self, sql: str, *params: Any) -> tuple[Any, ...]:
        if self.postgres_server:
            sql = sql.replace("?", "%s")
        return self.connection.execute(sql, params).fetchone()

    def task_id(self, task_id: str) -> str:
        return task_id if self.postgres_server else task_id.replace("-", "")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        if self.postgres_server:
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def database_server_cpu() -> float:
    """CPU seconds used so far by the PostgreSQL server's processes on this machine, those
    that ended included (the postmaster collects its ended backends' time)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
            if "(postgres" not in fields[0]:
                continue
            values = fields[1].split()
            total += sum(int(value) for value in values[11:15])  # utime, stime, cutime, cstime
        except (OSError, IndexError, ValueError):
            continue  # a process that ended meanwhile
    return total / ticks


def run(
    size: int, batch_size: int, connections: int, postgres_server: str | None = None
) -> dict[str, float]:
    workdir = Path(tempfile.mkdtemp(prefix="masthead-bench-newsletter-"))
    sink_log = workdir / "sink.log"
    results = Results(workdir, postgres_server)
    children: list[subprocess.Popen[str]] = []  # stopped on the way out, whatever happened
    try:
        from masthead.newsletter.tests.smtp_sink import free_port

        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "masthead.settings",
            "MASTHEAD_DATA_DIR": str(workdir),
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
            "MASTHEAD_NEWSLETTER_BATCH_SIZE": str(batch_size),
            "MASTHEAD_NEWSLETTER_CONNECTIONS": str(connections),
            "MASTHEAD_NEWSLETTER_FROM": "Bench <news@bench.example>",
            "LOG_LEVEL": "WARNING",
            # Only sending is measured: no translation tasks for the worker to run first.
            "MASTHEAD_TRANSLATION_LANGUAGES": "",
        }
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
        if results.url:
            env["DATABASE_URL"] = results.url
        masthead(env, "migrate", "--no-input", "--verbosity", "0")
        issue_id = subprocess.run(
            [sys.executable, "-c", SETUP, str(size), str(workdir)],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        sink = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "masthead.newsletter.tests.smtp_sink",
                "--port",
                str(port),
                "--log",
                str(sink_log),
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        children.append(sink)
        assert sink.stdout is not None and sink.stdout.readline().strip() == "ready"
        bare_before = bare_send(port, workdir, size, connections)
        worker = start_worker(env)
        children.append(worker)
        database_cpu = database_server_cpu()
        task_id = subprocess.run(
            [sys.executable, "-c", ENQUEUE, issue_id],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        results.open()
        bar = tqdm(total=size, unit="msg", desc=f"{size:,} subscribers")
        while True:
            (status,) = results.one(
                "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = ?",
                results.task_id(task_id),
            )
            bar.n = count_lines(sink_log) - size  # less the bare sender's first run
            bar.refresh()
            if status in ("SUCCESSFUL", "FAILED") or worker.poll() is not None:
                break
            time.sleep(0.5)
        database_cpu = database_server_cpu() - database_cpu
        worker.send_signal(signal.SIGTERM)  # the worker stops gracefully between tasks
        _, exit_status, usage = os.wait4(worker.pid, 0)
        worker.returncode = os.waitstatus_to_exitcode(exit_status)
        bare_after = bare_send(port, workdir, size, connections)
        sink.terminate()
        _, _, sink_usage = os.wait4(sink.pid, 0)
        sink.returncode = 0
        received = count_lines(sink_log) - 2 * size  # the bare sender's, before and after
        first, last = results.one("SELECT MIN(sent_at), MAX(sent_at) FROM newsletter_delivery")
        queued, picked_up = results.one(
            "SELECT enqueued_at, started_at FROM django_tasks_database_dbtaskresult WHERE id = ?",
            results.task_id(task_id),
        )
        bar.n = received
        bar.close()
        if status != "SUCCESSFUL" or received != size:
            errors = worker.stderr.read() if worker.stderr else ""
            raise SystemExit(f"send task {status}, sink got {received}/{size}\n{errors}")
        from_queued = (utc(last) - utc(queued)).total_seconds()
        from_pick_up = (utc(last) - utc(picked_up)).total_seconds()
        sending = (utc(last) - utc(first)).total_seconds()
        return {
            "size": size,
            "seconds": from_queued,
            "rate": size / max(from_queued, 1e-3),
            "pick_up_rate": size / max(from_pick_up, 1e-3),
            "send_rate": size / max(sending, 1e-3),
            "peak_mib": usage.ru_maxrss / 1024,
            "worker_cpu": usage.ru_utime + usage.ru_stime,
            "sink_cpu": sink_usage.ru_utime + sink_usage.ru_stime,
            "database_cpu": database_cpu if postgres_server else None,
            "bare_rate": size / statistics.mean([bare_before["seconds"], bare_after["seconds"]]),
            "bare_rates": (size / bare_before["seconds"], size / bare_after["seconds"]),
            "bare_peak_mib": max(bare_before["peak_mib"], bare_after["peak_mib"]),
            "bare_cpu": bare_before["cpu"],
            "load": "/".join(f"{value:.1f}" for value in os.getloadavg()),
        }
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
        results.close()
        shutil.rmtree(workdir, ignore_errors=True)


def start_worker(env: dict[str, str]) -> subprocess.Popen[str]:
    """The newsletter's worker, as its systemd unit runs it, once it is waiting for tasks."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "masthead.cli", "worker", "--queue-name", "bulk", "-v", "2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert worker.stderr is not None
    for line in worker.stderr:  # django-tasks-db logs this once it polls the queue
        if "Starting worker" in line:
            return worker
    raise SystemExit(f"the worker did not start (exit {worker.wait()})")


def utc(stored: str | dt.datetime) -> dt.datetime:
    """A time as SQLite holds it (naive UTC, or with its offset), or as psycopg gives it, as
    naive UTC."""
    value = stored if isinstance(stored, dt.datetime) else dt.datetime.fromisoformat(stored)
    return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value


def bare_send(port: int, workdir: Path, count: int, connections: int) -> dict[str, float]:
    """The reference: Masthead's messages pushed by plain smtplib, in its own process."""
    started = time.monotonic()
    sender = subprocess.Popen(
        [sys.executable, "-c", BARE_SENDER, str(port), str(workdir), str(count), str(connections)]
    )
    _, status, usage = os.wait4(sender.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("the bare sender failed")
    return {
        "seconds": seconds,
        "peak_mib": usage.ru_maxrss / 1024,
        "cpu": usage.ru_utime + usage.ru_stime,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes",
        default="10000,100000",
        help="comma-separated subscriber counts (default 10000,100000)",
    )
    parser.add_argument(
        "--batch-size", type=int, default=500, help="deliveries claimed per batch (default 500)"
    )
    parser.add_argument(
        "--connections",
        type=int,
        default=8,
        help="SMTP connections the worker keeps open (default 8, as in settings)",
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help=(
            "run on PostgreSQL instead of SQLite: a server URL such as "
            "postgres://postgres@127.0.0.1:5432/postgres (a fresh database is made on it for "
            "each run, and dropped after)"
        ),
    )
    args = parser.parse_args()
    sizes = [int(value) for value in args.sizes.split(",") if value.strip()]
    results = [run(size, args.batch_size, args.connections, args.postgres) for size in sizes]
    database = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"\nMachine: {machine()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"database: {database}"
    )
    print(
        "| subscribers | queued to last message (s) | messages/s | messages/s while sending "
        "| bare sender messages/s (before, after) "
        "| Masthead / bare (from queued, from the task's pick-up, while sending) "
        "| worker peak RSS (MiB) | bare sender peak RSS (MiB) | worker CPU (s) "
        "| bare sender CPU (s) | sink CPU, all three sends (s) "
        + ("| PostgreSQL server CPU, Masthead's send (s) " if args.postgres else "")
        + "| load average (1/5/15 min) |"
    )
    print("|---:" * (13 if args.postgres else 12) + "|")
    for r in results:
        before, after = r["bare_rates"]
        print(
            f"| {r['size']:,} | {r['seconds']:.1f} | {r['rate']:,.0f} | {r['send_rate']:,.0f} "
            f"| {r['bare_rate']:,.0f} ({before:,.0f}, {after:,.0f}) "
            f"| {r['rate'] / r['bare_rate']:.2f}, {r['pick_up_rate'] / r['bare_rate']:.2f}, "
            f"{r['send_rate'] / r['bare_rate']:.2f} "
            f"| {r['peak_mib']:.0f} | {r['bare_peak_mib']:.0f} "
            f"| {r['worker_cpu']:.1f} | {r['bare_cpu']:.1f} | {r['sink_cpu']:.1f} "
            + (f"| {r['database_cpu']:.1f} " if args.postgres else "")
            + f"| {r['load']} |"
        )
    print(
        f"Sent {sum(r['size'] for r in results):,} messages in {len(results)} run(s); "
        f"slowest {min(r['rate'] for r in results):,.0f} msg/s."
    )


if __name__ == "__main__":
    main()

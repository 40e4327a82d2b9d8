"""Kill the sending worker with SIGKILL at random moments, restart it, and count what the SMTP
server accepted: nobody is missed, and each kill costs at most one duplicate per connection
(the message the server accepted just before the kill, not yet recorded)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from .smtp_sink import free_port

ROOT = Path(__file__).resolve().parents[3]
READERS = 400

SETUP = """
import django
django.setup()
from django.utils import timezone
from masthead.news.tests.factories import ArticleFactory
from masthead.newsletter.models import Subscriber
from masthead.newsletter.services import build_issue
ArticleFactory(selected_for_newsletter=True)
now = timezone.now()
Subscriber.objects.bulk_create(
    Subscriber(email=f"reader{n}@example.org", language="en", status="confirmed",
               consent_at=now, confirmed_at=now, consent_form="test")
    for n in range(%d)
)
print(build_issue("daily").pk)
"""


def postgres_url() -> str | None:
    """The PostgreSQL server to test on: CI's (POSTGRES_TEST_URL), or the suite's own."""
    for url in (os.environ.get("POSTGRES_TEST_URL", ""), os.environ.get("DATABASE_URL", "")):
        if url.startswith(("postgres://", "postgresql://")):
            return url
    return None


@pytest.fixture(params=["sqlite", "postgres"])
def environment(request, tmp_path: Path) -> Iterator[dict[str, str]]:
    """A database of our own for the worker processes: a SQLite file, and, when the suite
    runs on PostgreSQL, a fresh PostgreSQL database too (where claims use SKIP LOCKED)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings",
        "MASTHEAD_DATA_DIR": str(tmp_path),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(free_port()),
        "MASTHEAD_NEWSLETTER_FROM": "news@courier.example",
        # Paced so that kills land in the middle of sending, not after it.
        "MASTHEAD_NEWSLETTER_RATE": "100",
        "MASTHEAD_NEWSLETTER_BATCH_SIZE": "50",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    database = None
    if request.param == "postgres":
        base = postgres_url()
        if base is None:
            if os.environ.get("CI"):
                pytest.fail("POSTGRES_TEST_URL must be set in CI.")
            pytest.skip("POSTGRES_TEST_URL is not set")
        import psycopg

        parts = urlsplit(base)
        database = f"{parts.path.lstrip('/') or 'masthead'}_sigkill_{os.getpid()}"
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}"')
            admin.execute(f'CREATE DATABASE "{database}"')
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{database}"))
    run = {"env": env, "cwd": ROOT, "check": True, "capture_output": True, "text": True}
    subprocess.run([sys.executable, "-m", "masthead.cli", "migrate", "--no-input"], **run)
    subprocess.run([sys.executable, "-c", SETUP % READERS], **run)
    yield env
    if database:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def start_sink(env: dict[str, str], log: Path) -> subprocess.Popen[str]:
    sink = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "masthead.newsletter.tests.smtp_sink",
            "--port",
            env["EMAIL_PORT"],
            "--log",
            str(log),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert sink.stdout is not None and sink.stdout.readline().strip() == "ready"
    return sink


SEND_ISSUE = [
    sys.executable,
    "-m",
    "masthead.cli",
    "newsletter",
    "send",
    "--no-progress",
    "--issue",
    "1",
]


def count_lines(path: Path) -> int:
    return sum(1 for _ in path.open()) if path.exists() else 0


def wait_for_more_lines(log: Path, worker: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """Wait until the server has accepted a message from this worker (or it has ended)."""
    before = count_lines(log)
    deadline = time.monotonic() + timeout
    while count_lines(log) == before and worker.poll() is None:
        assert time.monotonic() < deadline, "the worker sent nothing"
        time.sleep(0.02)


def test_two_workers_at_once_send_each_message_exactly_once(environment, tmp_path):
    env = {
        **environment,
        "MASTHEAD_NEWSLETTER_CONNECTIONS": "2",
        "MASTHEAD_NEWSLETTER_RATE": "0",
        "MASTHEAD_NEWSLETTER_BATCH_SIZE": "20",
    }
    log = tmp_path / "accepted.log"
    sink = start_sink(env, log)
    try:
        workers = [
            subprocess.Popen(
                SEND_ISSUE,
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [worker.communicate(timeout=120) for worker in workers]
    finally:
        sink.terminate()
        sink.wait()
    assert all(worker.returncode == 0 for worker in workers), outputs
    counts = Counter(line.strip() for line in log.open())
    assert set(counts) == {f"reader{n}@example.org" for n in range(READERS)}
    assert max(counts.values()) == 1


@pytest.mark.parametrize("connections", [1, 3])
def test_sigkill_at_random_points_misses_nobody(environment, tmp_path, connections):
    env = {**environment, "MASTHEAD_NEWSLETTER_CONNECTIONS": str(connections)}
    log = tmp_path / "accepted.log"
    sink = start_sink(env, log)
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    kills = 0
    try:
        for round_number in range(5):
            worker = subprocess.Popen(
                SEND_ISSUE, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            if round_number == 0:
                # Once anywhere: during start-up, while delivery records are written, or sending.
                time.sleep(chance.uniform(0.2, 2.0))
            else:
                # Then in the middle of sending, however slow the machine is to start Python.
                wait_for_more_lines(log, worker)
                time.sleep(chance.uniform(0.0, 0.8))
            if worker.poll() is None:
                worker.send_signal(signal.SIGKILL)
                kills += 1
            worker.wait()
        accepted_before_last_run = sum(1 for _ in log.open())
        final = subprocess.run(
            SEND_ISSUE, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert final.returncode == 0, final.stderr
        assert f"{READERS} sent, 0 pending, 0 failed" in final.stdout
    finally:
        sink.terminate()
        sink.wait()

    counts = Counter(line.strip() for line in log.open())
    expected = {f"reader{n}@example.org" for n in range(READERS)}
    missed = expected - set(counts)
    duplicates = sum(n - 1 for n in counts.values())
    context = f"seed {seed}, {kills} kills, {connections} connection(s)"
    assert kills >= 3, f"the worker finished before it could be killed ({context})"
    assert 0 < accepted_before_last_run < READERS + kills * connections, context
    assert not missed, f"{len(missed)} readers missed ({context})"
    assert set(counts) == expected, context
    assert duplicates <= kills * connections, f"{duplicates} duplicates ({context})"

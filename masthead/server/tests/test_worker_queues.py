"""Background work runs in separate queues, each with its own worker process, so a translation
backlog does not hold up a reader's confirmation email (a real `masthead worker` on a real
database queue)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BACKLOG = 20

# Publishing each article queues its translation, as in the newsroom; then a reader signs up.
SETUP = """
import django
django.setup()
from masthead.news.tests.factories import ArticleFactory, body
from masthead.newsletter.services import subscribe
for n in range(%d):
    ArticleFactory(
        title=f"Story {n} on the river crossing",
        body=body(
            f"<p>The council met for the {n}th time to discuss the bridge over the river.</p>",
            f"<p>Residents of district {n} have waited for years to cross it on foot.</p>",
        ),
    )
subscribe("reader@example.org", language="en", frequency="daily", ip=None, form="test")
"""


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings",
        "MASTHEAD_DATA_DIR": str(tmp_path),
        "MASTHEAD_TRANSLATION_LANGUAGES": "pt",
        "LOG_LEVEL": "WARNING",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "EMAIL_HOST", "EMAIL_BACKEND"):
        env.pop(name, None)
    run = {"env": env, "cwd": ROOT, "check": True, "capture_output": True, "text": True}
    subprocess.run([sys.executable, "-m", "masthead.cli", "migrate", "--no-input"], **run)
    subprocess.run([sys.executable, "-c", SETUP % BACKLOG], **run)
    return env


def queued(database: Path, queue: str) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult "
            "WHERE queue_name = ? GROUP BY status",
            (queue,),
        ).fetchall()
    return dict(rows)


def test_confirmation_email_is_sent_while_a_translation_backlog_waits(environment, tmp_path):
    database, outbox = tmp_path / "masthead.sqlite3", tmp_path / "outbox"
    # Each publish queues the article's translation, and the texts around it may queue more.
    assert queued(database, "translation")["READY"] >= BACKLOG
    assert queued(database, "mail") == {"READY": 1}

    worker = subprocess.Popen(
        [sys.executable, "-m", "masthead.cli", "worker"],
        env=environment,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        started = time.monotonic()
        # The file backend creates the message's file, then writes it: wait for the address.
        while not any("reader@example.org" in mail.read_text() for mail in outbox.glob("*")):
            assert worker.poll() is None, worker.stdout.read()
            assert time.monotonic() - started < 60, "no confirmation email within a minute"
            time.sleep(0.1)
        translations_left = queued(database, "translation").get("READY", 0)

        assert translations_left > 0, "the mail waited until the translations were done"
        # The translation queue has a worker of its own too: the backlog drains.
        while queued(database, "translation").get("SUCCESSFUL", 0) == 0:
            assert worker.poll() is None, worker.stdout.read()
            assert time.monotonic() - started < 120, "no translation ran"
            time.sleep(0.2)
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=60)
    assert worker.returncode == 0, output

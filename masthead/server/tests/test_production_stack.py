"""The production configuration on real services: tasks through Redis (RQ) and the web server
(gunicorn via `masthead serve`) answering /healthz, each in its own process as in production."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django_tasks import task

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


@task()
def write_marker(path: str, text: str) -> str:
    """A task a worker runs in another process, leaving proof that it ran."""
    Path(path).write_text(text)
    return text


def _reachable(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=2).close()
    except OSError:
        return False
    return True


def _require(host: str, port: int, what: str) -> None:
    if not _reachable(host, port):
        if os.environ.get("CI"):
            pytest.fail(f"{what} at {host}:{port} is unreachable; CI needs it.")
        pytest.skip(f"{what} at {host}:{port} is not running")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "MASTHEAD_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        {
            "MASTHEAD_DATA_DIR": str(tmp_path / "var"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
            "MASTHEAD_MANIFEST_STATIC": "false",
        }
    )
    env.update(extra)
    return env


# One marker task per queue; `masthead worker` must serve every one of them.
ENQUEUE_ON_EVERY_QUEUE = (
    "from django.conf import settings; "
    "from masthead.server.tests.test_production_stack import write_marker; "
    "[write_marker.using(queue_name=queue).enqueue(f'{folder}/{queue}', queue) "
    "for queue in settings.TASK_QUEUES]"
)


def _masthead(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "masthead.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_tasks_run_through_redis_with_rq_workers_on_every_queue(tmp_path: Path) -> None:
    _require(REDIS_HOST, REDIS_PORT, "Redis")
    queue_db = 5  # a database of its own, emptied by the test
    env = _environment(tmp_path, REDIS_URL=f"redis://{REDIS_HOST}:{REDIS_PORT}/{queue_db}")

    enqueue = _masthead(
        "shell",
        "-c",
        "from django.conf import settings; "
        "assert settings.TASKS['default']['BACKEND'] == 'django_tasks_rq.RQBackend'; "
        "import django_rq; [django_rq.get_queue(q).empty() for q in settings.TASK_QUEUES]; "
        f"folder = {str(tmp_path)!r}; " + ENQUEUE_ON_EVERY_QUEUE,
        env=env,
    )
    assert enqueue.returncode == 0, enqueue.stderr
    assert not (tmp_path / "mail").exists(), "tasks wait for a worker, not run in the web process"

    worker = _masthead("worker", "--batch", env=env)
    assert worker.returncode == 0, worker.stderr
    for queue in ("mail", "default", "translation", "bulk"):
        assert (tmp_path / queue).read_text() == queue


def test_tasks_run_through_the_database_queue_with_masthead_worker(tmp_path: Path) -> None:
    """The embedded default: no Redis, the queue is a table, `masthead worker` runs it."""
    env = _environment(tmp_path)
    migrate = _masthead("migrate", "--no-input", "-v0", env=env, timeout=300)
    assert migrate.returncode == 0, migrate.stderr
    enqueue = _masthead(
        "shell",
        "-c",
        "from django.conf import settings; "
        "assert settings.TASKS['default']['BACKEND'] == 'django_tasks_db.DatabaseBackend'; "
        f"folder = {str(tmp_path)!r}; " + ENQUEUE_ON_EVERY_QUEUE,
        env=env,
    )
    assert enqueue.returncode == 0, enqueue.stderr
    assert not (tmp_path / "mail").exists(), "tasks wait for a worker, not run in the web process"

    # One process per queue group, each running what its queues hold, then exiting.
    worker = _masthead("worker", "--batch", env=env)
    assert worker.returncode == 0, worker.stderr
    for queue in ("mail", "default", "translation", "bulk"):
        assert (tmp_path / queue).read_text() == queue
    assert "Task id=" not in worker.stdout + worker.stderr  # quiet unless something fails


def test_masthead_serve_answers_healthz(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    migrate = _masthead("migrate", "--no-input", "-v0", env=env, timeout=300)
    assert migrate.returncode == 0, migrate.stderr
    purges = tmp_path / "var" / "page-cache.purges"
    purges.write_bytes((41).to_bytes(8, "little"))
    port = _free_port()
    server = subprocess.Popen(
        [
            *[sys.executable, "-m", "masthead.cli", "serve", "--port", str(port)],
            *["--workers", "1", "--demo-banner"],
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The banner shows only once the site answers: its URLs work the moment it is printed.
        for line in server.stdout:
            if "Stop with Ctrl+C" in line:
                break
        else:
            pytest.fail(f"masthead serve exited: {server.stderr.read()}")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as reply:
            assert reply.status == 200
            body = reply.read()
        assert b'"database": "ok"' in body
        # Starting the server (after a deploy, say) empties the readers' page cache.
        assert int.from_bytes(purges.read_bytes(), "little") == 42
        # A service manager stops it with SIGTERM: the application server must go too.
        server.terminate()
        server.wait(timeout=20)
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)
    finally:
        if server.poll() is None:
            server.kill()

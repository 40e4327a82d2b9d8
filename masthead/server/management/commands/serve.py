"""`masthead serve`: the production application server, optionally with the background task
workers and the clock (``masthead clock``) beside it, all stopped together.

granian (a Rust HTTP server running the WSGI app) is the default: on the benchmark machine it
served cached pages 2.5-5 times as fast as gunicorn's threaded workers (bench/RESULTS.md).
Both keep connections alive and write no access log unless ``MASTHEAD_ACCESS_LOG`` is true
(nginx or the CDN in front logs requests already, and a log line per hit costs more than the
hit).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from masthead.server.page_cache import page_cache, purge_everything
from masthead.server.page_files import PurgeFollower, page_files


class Command(BaseCommand):
    # Checked in handle(), with the deployment checks too in production.
    requires_system_checks: list[str] = []
    help = (
        "Serve the site with granian or gunicorn on HOST:PORT (default 127.0.0.1, $PORT or 8000). "
        "With --with-worker, also run the background task workers and the clock until the "
        "server stops."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--server",
            choices=("granian", "gunicorn"),
            default=os.environ.get("MASTHEAD_SERVER", "granian"),
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", "0")) or None,
            help="Worker processes (default: one per CPU core).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("MASTHEAD_SERVER_THREADS", "4")),
            help="Threads per worker that run the application (renders wait on the database).",
        )
        parser.add_argument(
            "--with-worker",
            action="store_true",
            help=(
                "Also run the task workers (masthead worker: one per queue group, on the database "
                "queue or Redis) and the clock (masthead clock: scheduled publishing, the "
                "newsletter's schedule)."
            ),
        )
        parser.add_argument(
            "--demo-banner",
            action="store_true",
            help=(
                "Print the site and admin URLs and the demo staff's credentials once the site "
                "answers."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # Refuse to start on a configuration error (masthead/*/checks.py), before any output.
        self.check(include_deployment_checks=settings.PRODUCTION)
        host, port = options["host"], options["port"]
        workers = options["workers"] or (os.cpu_count() or 1)
        # New code may render pages differently: start with an empty page cache.
        purge_everything()
        files = page_files()
        if files is not None:
            # nginx answers from the page files without asking us: apply every node's purges
            # to them here (masthead.server.page_files).
            PurgeFollower(files, page_cache().counter).start()
        processes: list[subprocess.Popen[bytes]] = []
        environment = children_environment(host, port)
        if options["with_worker"]:
            # One worker process per queue group (masthead worker), on the database or Redis.
            processes.append(
                subprocess.Popen([sys.executable, "-m", "masthead.cli", "worker"], env=environment)
            )
            # The clock: scheduled publishing, and the newsletter's schedule, which queues its
            # work for that worker.
            processes.append(
                subprocess.Popen([sys.executable, "-m", "masthead.cli", "clock"], env=environment)
            )
        server = subprocess.Popen(
            server_command(options["server"], host, port, workers, options["threads"]),
            env=environment,
        )
        processes.append(server)
        # systemd and bench scripts stop us with SIGTERM; turn it into a clean exit so the
        # children below are stopped too instead of being left running.
        signal.signal(signal.SIGTERM, _exit_cleanly)
        try:
            if options["demo_banner"]:
                # Only once the site answers, so every URL in the banner works when it shows.
                wait_until_serving(host, port, server)
                self.print_demo_banner(host, port)
            server.wait()
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes:
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()

    def print_demo_banner(self, host: str, port: int) -> None:
        from masthead.demo.banner import describe_scheduled_articles
        from masthead.demo.credentials import read_all_demo_credentials
        from masthead.demo.loader import OLD_WORDPRESS_ADDRESS, PAGE_PASSWORD_ROLE

        base = f"http://{host}:{port}"
        self.stdout.write(
            self.style.SUCCESS(f"\nMasthead is serving the demo publication at {base}/")
        )
        self.stdout.write(f"  Admin site:         {base}/admin/")
        self.stdout.write(
            f"  Moved in:           {base}{OLD_WORDPRESS_ADDRESS} (an address from the old "
            "WordPress blog, redirected to its imported article)"
        )
        for role, (username, password) in read_all_demo_credentials().items():
            if role == PAGE_PASSWORD_ROLE:
                # username is the page's path: a password-protected article, off every list.
                self.stdout.write(f"  Private article:    {base}{username} (password {password})")
                continue
            label = f"{role.capitalize()} login:"
            self.stdout.write(f"  {label:<19} {username} / {password}")
        for line in describe_scheduled_articles(base):
            self.stdout.write(f"  Scheduled article:  {line}")
        if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
            self.stdout.write(
                f"  Mail:               written to {settings.EMAIL_FILE_PATH}/ "
                "(set EMAIL_HOST to send it)"
            )
        self.stdout.write("  Stop with Ctrl+C.\n")


def wait_until_serving(host: str, port: int, server: subprocess.Popen[bytes]) -> None:
    """Wait until /healthz answers (gunicorn's workers have loaded the site), or it exits."""
    address = "127.0.0.1" if host in {"0.0.0.0", "::", ""} else host  # noqa: S104 - a name
    deadline = time.monotonic() + 180
    while server.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{address}:{port}/healthz", timeout=5):
                return
        except OSError:
            time.sleep(0.2)


def _exit_cleanly(signum: int, frame: object) -> None:
    raise SystemExit(0)


def children_environment(host: str, port: int) -> dict[str, str]:
    """The environment of the server and worker processes: one base URL for all of them, so a
    mail queued by the worker links to the address the server answers on."""
    environment = dict(os.environ)
    if not environment.get("MASTHEAD_BASE_URL"):
        shown_host = "127.0.0.1" if host in {"0.0.0.0", "::"} else host  # noqa: S104 - a name
        environment["MASTHEAD_BASE_URL"] = f"http://{shown_host}:{port}"
    return environment


def server_command(server: str, host: str, port: int, workers: int, threads: int) -> list[str]:
    access_log = os.environ.get("MASTHEAD_ACCESS_LOG", "false").lower() in {"1", "true", "yes"}
    if server == "granian":
        return [
            sys.executable,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "--host",
            host,
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            "--http",
            "1",
            "--access-log" if access_log else "--no-access-log",
            "masthead.wsgi:application",
        ]
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "masthead.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        # Threads keep connections alive (the sync worker closes each one).
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        *(["--access-logfile", "-"] if access_log else []),
        "--forwarded-allow-ips",
        os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
    ]

"""Two web nodes, one PostgreSQL and one Redis: a change made through one node's admin reaches
readers of the other within a second, though each node keeps pages in its own memory."""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .test_production_stack import REDIS_HOST, REDIS_PORT, _environment, _free_port, _require

# The Redis database these tests may empty (each helper and CI job uses its own number).
REDIS_DB = 9


def _postgres_url() -> str:
    url = os.environ.get("POSTGRES_TEST_URL", "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("POSTGRES_TEST_URL must be set in CI.")
        pytest.skip("POSTGRES_TEST_URL is not set")
    return url


def _fresh_database(url: str) -> str:
    """A new, empty database next to the test database; its URL."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") + "_nodes"
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return parts._replace(path="/" + name).geturl()


def _run(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "masthead.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "masthead.cli", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _get(url: str, opener: urllib.request.OpenerDirector | None = None) -> tuple[int, str, str]:
    try:
        with (opener or urllib.request.build_opener()).open(url, timeout=10) as reply:
            return reply.status, reply.headers.get("X-Page-Cache", ""), reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, "", ""


def _file(folder: Path) -> bytes:
    """The page file in ``folder`` (written again by the next read once removed), or b""."""
    try:
        return (folder / "index.html").read_bytes()
    except FileNotFoundError:
        return b""


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail("masthead serve exited")
        try:
            if _get(base + "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"{base} did not start")


def test_unpublishing_through_one_node_reaches_readers_of_the_other_within_a_second(
    tmp_path: Path,
) -> None:
    _require(REDIS_HOST, REDIS_PORT, "Redis")
    database = _fresh_database(_postgres_url())
    import redis

    redis_url = f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"
    redis.Redis.from_url(redis_url).flushdb()
    shared = {
        "DATABASE_URL": database,
        "REDIS_URL": redis_url,
        "MASTHEAD_TRANSLATION_LANGUAGES": "pt",
    }
    # Each node writes its readers' pages as files for its own nginx, on its own disk.
    shared["MASTHEAD_BASE_URL"] = "http://127.0.0.1"
    node_a = _environment(
        tmp_path / "a", MASTHEAD_PAGE_FILES_DIR=str(tmp_path / "a-pages"), **shared
    )
    node_b = _environment(
        tmp_path / "b", MASTHEAD_PAGE_FILES_DIR=str(tmp_path / "b-pages"), **shared
    )
    files_b = tmp_path / "b-pages" / "127.0.0.1"
    _run("migrate", "--no-input", "-v0", env=node_a)
    article_url = _run(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        "User.objects.create_superuser('editor', password='two-nodes-pw'); "
        "from masthead.news.tests.factories import ArticleFactory; "
        "a = ArticleFactory(title='Harbour reopens', slug='harbour-reopens'); "
        "print(a.pk, a.url)",
        env=node_a,
    ).split()[-2:]
    article_id, article_path = int(article_url[0]), article_url[1]

    port_a, port_b = _free_port(), _free_port()
    servers = [_serve(node_a, port_a), _serve(node_b, port_b)]
    try:
        base_a, base_b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
        _wait_until_up(base_a, servers[0])
        _wait_until_up(base_b, servers[1])
        for path in (article_path, "/", "/pt/"):
            _get(base_b + path)
            status, state, _body = _get(base_b + path)
            assert (status, state) == (200, "hit"), path
        assert "Harbour reopens" in _get(base_b + "/")[2]
        shown = [files_b / article_path.strip("/"), files_b, files_b / "pt"]
        for folder in shown:
            assert b"Harbour reopens" in (folder / "index.html").read_bytes(), folder

        # The editor signs in on node A and unpublishes there.
        jar = http.cookiejar.CookieJar()
        editor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        login_form = _get(base_a + "/admin/login/", editor)[2]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_form).group(1)
        editor.open(
            base_a + "/admin/login/",
            urllib.parse.urlencode(
                {"username": "editor", "password": "two-nodes-pw", "csrfmiddlewaretoken": token}
            ).encode(),
            timeout=30,
        ).read()
        confirm = _get(f"{base_a}/admin/pages/{article_id}/unpublish/", editor)[2]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', confirm).group(1)
        editor.open(
            f"{base_a}/admin/pages/{article_id}/unpublish/",
            urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode(),
            timeout=30,
        ).read()
        unpublished_at = time.monotonic()

        # Node B's readers: gone within a second, everywhere it was shown, from Masthead and
        # from the files node B's nginx would serve (removed by node B's own follower).
        while True:
            gone = (
                _get(base_b + article_path)[0] == 404
                and all("Harbour reopens" not in _get(base_b + path)[2] for path in ("/", "/pt/"))
                and not any(b"Harbour reopens" in _file(folder) for folder in shown)
            )
            if gone:
                break
            assert time.monotonic() - unpublished_at < 1.0, "node B still shows the article"
            time.sleep(0.05)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()

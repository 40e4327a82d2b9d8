"""Rate limits hold under parallel requests, on every cache backend the project runs on."""

from __future__ import annotations

import multiprocessing
import os
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from masthead.server.limits import over_limit

REDIS_TEST_DB = 12  # this branch's own Redis database (HELPERS.md: hash of the name mod 14 + 1)


def limits_cache(kind: str, tmp_path) -> dict:
    if kind == "file":
        return {
            "BACKEND": "masthead.server.limits.LockingFileBasedCache",
            "LOCATION": str(tmp_path / "limits"),
        }
    if kind == "redis":
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:6379/{REDIS_TEST_DB}",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limits"}


def _attempt(barrier) -> bool:
    request = RequestFactory().post("/newsletter/", REMOTE_ADDR="203.0.113.9")
    barrier.wait()
    return over_limit(request, group="test-parallel", rate="5/10m") is None


def _attempt_in_a_process(barrier) -> None:
    os._exit(0 if _attempt(barrier) else 1)


@pytest.mark.parametrize("kind", ["file", "redis"])
def test_twenty_parallel_server_processes_get_exactly_the_limit(settings, tmp_path, kind):
    settings.CACHES = {**settings.CACHES, "limits": limits_cache(kind, tmp_path)}
    context = multiprocessing.get_context("fork")  # the children keep these test settings
    barrier = context.Barrier(20)
    processes = [context.Process(target=_attempt_in_a_process, args=(barrier,)) for _ in range(20)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(30)
    allowed = sum(process.exitcode == 0 for process in processes)
    assert allowed == 5


def test_twenty_parallel_threads_get_exactly_the_limit(settings, tmp_path):
    settings.CACHES = {**settings.CACHES, "limits": limits_cache("locmem", tmp_path)}
    caches["limits"].clear()
    barrier = threading.Barrier(20)
    with ThreadPoolExecutor(max_workers=20) as pool:
        allowed = sum(pool.map(_attempt, [barrier] * 20))
    assert allowed == 5


def test_limits_live_apart_from_the_page_cache():
    """Page churn (or emptying the page cache) must not hand an attacker fresh tries."""
    import masthead.settings as configured  # as the server reads it, not as a test changed it

    limits, pages = configured.CACHES["limits"], configured.CACHES["default"]
    assert limits["LOCATION"] != pages["LOCATION"]
    assert limits["BACKEND"] in {
        "masthead.server.limits.LockingFileBasedCache",
        "django.core.cache.backends.redis.RedisCache",
    }
    assert configured.RATELIMIT_USE_CACHE == "limits"

"""The production settings: they refuse to start half-configured and pass Django's deploy check."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest


def run_masthead(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "REDIS_URL",
            "MASTHEAD_ENV",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "EMAIL_HOST",
            "EMAIL_BACKEND",
            "MASTHEAD_BASE_URL",
            "MASTHEAD_BEHIND_PROXY",
        }
    }
    environment.update({"MASTHEAD_DATA_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-m", "masthead.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_passes_with_the_production_settings_and_a_real_secret(tmp_path):
    result = run_masthead(
        ["check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        MASTHEAD_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="news.example.org",
        MASTHEAD_BASE_URL="https://news.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "news.example.org"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "news.example.org"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "x" * 64}, "(masthead.E002) ALLOWED_HOSTS must list"),
    ],
)
def test_production_refuses_to_start_without_a_secret_or_hosts(tmp_path, env, message):
    result = run_masthead(["check"], tmp_path, MASTHEAD_ENV="production", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_an_unknown_environment_name_is_refused(tmp_path):
    result = run_masthead(["check"], tmp_path, MASTHEAD_ENV="staging")
    assert result.returncode != 0
    assert "MASTHEAD_ENV must be 'demo' or 'production'" in result.stderr


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({}, "django.core.mail.backends.filebased.EmailBackend"),
        ({"EMAIL_HOST": "mail.example.org"}, "django.core.mail.backends.smtp.EmailBackend"),
        (
            {"MASTHEAD_ENV": "production", "SECRET_KEY": "x" * 64, "ALLOWED_HOSTS": "a.example"},
            "django.core.mail.backends.smtp.EmailBackend",
        ),
    ],
)
def test_the_demo_writes_mail_to_files_until_a_mail_server_is_configured(tmp_path, env, backend):
    result = run_masthead(
        ["shell", "-c", "from django.conf import settings; print(settings.EMAIL_BACKEND)"],
        tmp_path,
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == backend


def test_settings_errors_stop_masthead_serve_before_it_starts(tmp_path):
    result = run_masthead(["serve", "--port", "0"], tmp_path, MASTHEAD_ENV="staging")

    assert result.returncode != 0
    assert "(masthead.E001) MASTHEAD_ENV must be 'demo' or 'production', not 'staging'" in (
        result.stderr
    )
    assert "Listening at" not in result.stdout + result.stderr


def test_the_wsgi_application_refuses_to_load_when_a_setting_is_wrong(tmp_path):
    environment = {
        **os.environ,
        "MASTHEAD_DATA_DIR": str(tmp_path),
        "MASTHEAD_ENV": "production",
        "SECRET_KEY": "x" * 64,
    }
    environment.pop("ALLOWED_HOSTS", None)
    result = subprocess.run(
        [sys.executable, "-c", "import masthead.wsgi"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode != 0
    assert "(masthead.E002) ALLOWED_HOSTS must list the site's host names" in result.stderr


def test_newsletter_and_translation_settings_are_checked_at_start_up(tmp_path):
    result = run_masthead(
        ["check"],
        tmp_path,
        MASTHEAD_NEWSLETTER_SEND_AT="7am",
        MASTHEAD_NEWSLETTER_WEEKLY_DAY="caturday",
        MASTHEAD_NEWSLETTER_TIME_ZONE="Mars/Olympus_Mons",
        MASTHEAD_TRANSLATION_LANGUAGES="pt,xx",
    )

    assert result.returncode != 0
    for expected in (
        "(newsletter.E001) MASTHEAD_NEWSLETTER_SEND_AT must be a time like 07:00, not '7am'",
        "(newsletter.E002) MASTHEAD_NEWSLETTER_WEEKLY_DAY must be a weekday name",
        "(newsletter.E003) MASTHEAD_NEWSLETTER_TIME_ZONE must be a time zone name",
        "(translation.E003) MASTHEAD_TRANSLATION_LANGUAGES names unknown languages ['xx']",
    ):
        assert expected in result.stderr


def test_an_unknown_publication_language_is_refused(tmp_path):
    result = run_masthead(["check"], tmp_path, LANGUAGE_CODE="zz")

    assert result.returncode != 0
    assert "LANGUAGE_CODE 'zz' is not one of en, af" in result.stderr


@pytest.mark.django_db
def test_no_django_admin_with_nothing_registered(client):
    assert client.get("/django-admin/").status_code == 404


PUBLISHED_DEMO_KEY = "masthead-demo-only-secret-key-not-for-production-use"
PRINT_KEY = "from django.conf import settings; print(settings.SECRET_KEY)"


def test_the_demo_makes_its_own_secret_key_once_and_keeps_it(tmp_path):
    first = run_masthead(["shell", "-c", PRINT_KEY], tmp_path)
    second = run_masthead(["shell", "-c", PRINT_KEY], tmp_path)
    assert first.returncode == 0, first.stderr
    key = first.stdout.strip().splitlines()[-1]
    assert key != PUBLISHED_DEMO_KEY and len(key) >= 50
    assert second.stdout.strip().splitlines()[-1] == key
    stored = tmp_path / "secret-key.txt"
    assert stored.read_text().strip() == key
    assert stored.stat().st_mode & 0o077 == 0
    # Another installation gets another key.
    other = run_masthead(["shell", "-c", PRINT_KEY], tmp_path / "other")
    assert other.stdout.strip().splitlines()[-1] != key


def test_check_deploy_fails_in_production_without_a_base_url(tmp_path):
    result = run_masthead(
        ["check", "--deploy"],
        tmp_path,
        MASTHEAD_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode != 0
    assert "MASTHEAD_BASE_URL" in result.stderr + result.stdout


def test_the_worker_started_beside_the_server_builds_links_for_the_served_port(monkeypatch):
    """`serve --port 8123` once left the worker on the default 8000, so confirmation links
    pointed at another port: the children inherit the address the server really serves."""
    from masthead.server.management.commands.serve import children_environment

    monkeypatch.delenv("MASTHEAD_BASE_URL", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    assert children_environment("127.0.0.1", 8123)["MASTHEAD_BASE_URL"] == "http://127.0.0.1:8123"

    monkeypatch.setenv("MASTHEAD_BASE_URL", "https://news.example.org")
    assert (
        children_environment("127.0.0.1", 8123)["MASTHEAD_BASE_URL"] == "https://news.example.org"
    )

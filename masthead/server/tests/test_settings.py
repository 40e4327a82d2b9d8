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
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "news.example.org"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "news.example.org"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "x" * 64}, "ALLOWED_HOSTS must list"),
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

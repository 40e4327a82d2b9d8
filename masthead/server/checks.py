"""Masthead's settings validated one way: Django system checks.

They run with every management command that checks (``masthead check``, ``migrate``,
``masthead serve`` before it starts gunicorn, ``check --deploy`` in production) and when the
WSGI application loads (``masthead.wsgi``), so a misconfigured site refuses to start with a
message saying what to set, whichever way it is started. (A missing production secret and an
unknown LANGUAGE_CODE stop Django while it loads, before checks can run: settings.py refuses
those two itself.)
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

SETTINGS_TAG = "masthead_settings"


@register(SETTINGS_TAG)
def check_environment(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    if settings.MASTHEAD_ENV not in {"demo", "production"}:
        errors.append(
            Error(
                f"MASTHEAD_ENV must be 'demo' or 'production', not {settings.MASTHEAD_ENV!r}.",
                id="masthead.E001",
            )
        )
    if settings.PRODUCTION and not settings.ALLOWED_HOSTS:
        errors.append(
            Error(
                "ALLOWED_HOSTS must list the site's host names in production.",
                hint="e.g. ALLOWED_HOSTS=news.example.org",
                id="masthead.E002",
            )
        )
    # Links in mail, feeds and robots.txt are built from this one address (server/base_url.py).
    base = urlsplit(settings.MASTHEAD_BASE_URL)
    if (settings.PRODUCTION or settings.MASTHEAD_BASE_URL) and not (
        base.scheme in {"http", "https"} and base.netloc
    ):
        errors.append(
            Error(
                "MASTHEAD_BASE_URL must be the site's public address in production.",
                hint="e.g. MASTHEAD_BASE_URL=https://news.example.org",
                id="masthead.E003",
            )
        )
    return errors


def raise_on_settings_errors() -> None:
    """Run the settings checks now and refuse to go on if one fails (for the WSGI entry point,
    which Django's management commands do not cover)."""
    from django.core import checks
    from django.core.exceptions import ImproperlyConfigured

    errors = [message for message in checks.run_checks(tags=[SETTINGS_TAG]) if message.is_serious()]
    if errors:
        raise ImproperlyConfigured("\n".join(str(error) for error in errors))

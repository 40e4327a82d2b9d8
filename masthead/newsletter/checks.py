"""The newsletter's settings, checked at start-up (Django system checks) rather than when the
schedule first fires."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.core.exceptions import ImproperlyConfigured


@register("masthead_settings")  # the tag the WSGI entry point runs (masthead.server.checks)
def check_newsletter_settings(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    from .schedule import send_time, weekly_day

    errors: list[CheckMessage] = []
    for number, read in enumerate((send_time, weekly_day), start=1):
        try:
            read()
        except ImproperlyConfigured as error:
            errors.append(Error(str(error), id=f"newsletter.E00{number}"))
    try:
        ZoneInfo(settings.MASTHEAD_NEWSLETTER_TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        errors.append(
            Error(
                "MASTHEAD_NEWSLETTER_TIME_ZONE must be a time zone name like Europe/Lisbon, "
                f"not {settings.MASTHEAD_NEWSLETTER_TIME_ZONE!r}.",
                id="newsletter.E003",
            )
        )
    return errors

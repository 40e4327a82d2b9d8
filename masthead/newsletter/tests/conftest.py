"""Fixtures for the newsletter's tests: a real SMTP server and mail settings pointing at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import LazySettings

from .smtp_sink import SmtpSink


@pytest.fixture
def smtp(settings: LazySettings) -> Iterator[SmtpSink]:
    """An aiosmtpd server on 127.0.0.1 and Django's SMTP backend sending to it."""
    with SmtpSink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = sink.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_TIMEOUT = 10
        settings.MASTHEAD_NEWSLETTER_FROM = "The Courier <news@courier.example>"
        settings.MASTHEAD_BASE_URL = "http://testserver"
        settings.MASTHEAD_NEWSLETTER_RETRY_SECONDS = 0.05
        # One connection, in the test's thread, so it sees the test's transaction.
        settings.MASTHEAD_NEWSLETTER_CONNECTIONS = 1
        yield sink

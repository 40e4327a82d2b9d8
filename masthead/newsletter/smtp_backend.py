"""The SMTP connection that sends prepared copies' bytes as they are.

What this guarantees: the same settings and connection handling as Django's SMTP backend; only a
prepared message skips re-serialisation and per-message address parsing, anything else is sent
by Django's own code. A prepared message's data (what lets the server accept it) goes only after
``before_data`` has returned; if it raises, the envelope is reset and nothing is sent.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address

from .prepared_messages import PreparedMessage


class _DataAfterHook:
    """smtplib's client with one step between the envelope and the data: ``sendmail`` sends
    MAIL FROM and RCPT TO, then calls ``data``, which runs the hook first."""

    before_data: Callable[[], None] | None = None

    def data(self, msg: Any) -> tuple[int, bytes]:
        if self.before_data is not None:
            try:
                self.before_data()
            except BaseException:
                self._rset()  # type: ignore[attr-defined]  # drop the envelope: nothing is sent
                raise
        return super().data(msg)  # type: ignore[misc]


class _SMTP(_DataAfterHook, smtplib.SMTP):
    pass


class _SMTP_SSL(_DataAfterHook, smtplib.SMTP_SSL):
    pass


class PreparedSMTPBackend(SmtpBackend):
    """Django's SMTP backend (same settings, same connection handling) that hands a prepared
    message's bytes straight to the server. Addresses were validated at sign-up and the
    template carries them as plain ASCII, so the per-message address parsing is skipped."""

    envelope_from: str = ""
    # Called after a prepared message's envelope, before its data (``sending.Lane``).
    before_data: Callable[[], None] | None = None

    @property
    def connection_class(self) -> type[smtplib.SMTP]:
        return _SMTP_SSL if self.use_ssl else _SMTP

    def _send(self, email_message: EmailMultiAlternatives) -> bool:
        if not isinstance(email_message, PreparedMessage):
            return super()._send(email_message)
        if not self.envelope_from:
            self.envelope_from = sanitize_address(
                email_message.from_email, email_message.encoding or settings.DEFAULT_CHARSET
            )
        self.connection.before_data = self.before_data
        try:
            self.connection.sendmail(self.envelope_from, email_message.to, email_message.serialised)
        except smtplib.SMTPException:
            if not self.fail_silently:
                raise
            return False
        return True


PREPARED_SMTP_BACKEND = "masthead.newsletter.smtp_backend.PreparedSMTPBackend"


def uses_django_smtp() -> bool:
    return settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"

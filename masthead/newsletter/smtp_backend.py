"""The SMTP connection that sends prepared copies' bytes as they are.

What this guarantees: the same settings and connection handling as Django's SMTP backend; only a
prepared message skips re-serialisation and per-message address parsing, anything else is sent
by Django's own code.
"""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address

from .prepared_messages import PreparedMessage


class PreparedSMTPBackend(SmtpBackend):
    """Django's SMTP backend (same settings, same connection handling) that hands a prepared
    message's bytes straight to the server. Addresses were validated at sign-up and the
    template carries them as plain ASCII, so the per-message address parsing is skipped."""

    envelope_from: str = ""

    def _send(self, email_message: EmailMultiAlternatives) -> bool:
        if not isinstance(email_message, PreparedMessage):
            return super()._send(email_message)
        if not self.envelope_from:
            self.envelope_from = sanitize_address(
                email_message.from_email, email_message.encoding or settings.DEFAULT_CHARSET
            )
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

"""What a failed send means: the address refused for good, this message refused, a temporary
failure, or a mail server that can't be reached.

What this guarantees: every exception a backend raises maps to one of those four answers, so a
refused address is never retried and a server outage never fails a reader's delivery.
"""

from __future__ import annotations

import smtplib


class ConnectionTrouble(Exception):
    """The mail server can't be reached or dropped the connection: retry the batch later."""


def classify_error(exc: Exception) -> str:
    """'permanent' (the address is refused for good), 'permanent-message' (this message is
    refused), 'temporary' (try it again later) or 'connection' (the server is unreachable or
    refuses everything: back off and retry the whole batch)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return "permanent" if codes and all(500 <= code < 600 for code in codes) else "temporary"
    if isinstance(exc, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return "connection"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        # Our own From address refused: every message would fail; wait for the operator.
        return "connection"
    if isinstance(exc, smtplib.SMTPResponseException):
        if exc.smtp_code == 421:  # the server is closing the connection
            return "connection"
        return "temporary" if 400 <= exc.smtp_code < 500 else "permanent-message"
    # Checked last: every smtplib exception is also an OSError.
    if isinstance(exc, OSError):
        return "connection"
    if type(exc).__name__ == "AnymailRecipientsRefused":
        return "permanent"
    return "temporary"

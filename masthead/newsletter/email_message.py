"""One reader's copy of an issue as an ordinary Django email, with the list headers.

What this guarantees: every copy carries its own Message-ID, an RFC 8058 one-click
List-Unsubscribe (with the mailto fallback when one is set) and a List-Id, and any Django email
backend can send it.
"""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .models import NewsletterIssue
from .rendering import (
    RenderedIssue,
)


def list_unsubscribe_header(unsubscribe_url: str) -> str:
    mailto = settings.MASTHEAD_NEWSLETTER_UNSUBSCRIBE_MAILTO
    if mailto:
        return f"<{unsubscribe_url}>, <mailto:{mailto}?subject=unsubscribe>"
    return f"<{unsubscribe_url}>"


def message_domain() -> str:
    address = parseaddr(settings.MASTHEAD_NEWSLETTER_FROM)[1]
    return address.rpartition("@")[2] or "localhost"


def build_message(
    issue: NewsletterIssue,
    rendered: RenderedIssue,
    subscriber_id: int,
    email: str,
    message_id: str,
    connection: Any = None,
) -> EmailMultiAlternatives:
    """One reader's copy, as a normal Django email message any backend can send."""
    html, text, unsubscribe_url, _ = rendered.for_reader(subscriber_id)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=text,
        from_email=settings.MASTHEAD_NEWSLETTER_FROM,
        to=[email],
        connection=connection,
        headers=issue_headers(issue, message_id, unsubscribe_url),
    )
    message.attach_alternative(html, "text/html")
    return message


def issue_headers(issue: NewsletterIssue, message_id: str, unsubscribe_url: str) -> dict[str, str]:
    return {
        "Message-ID": message_id,
        "List-Unsubscribe": list_unsubscribe_header(unsubscribe_url),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{issue.get_frequency_display()} <newsletter.{message_domain()}>",
    }

"""Each language's issue serialised once, each reader's copy made by replacing placeholders.

What this guarantees: a prepared copy is byte for byte the message Django would have built for
that reader; when a placeholder could be split by line folding or a body encoding (or the address
is not ASCII) the copy is built the ordinary way instead.
"""

from __future__ import annotations

import re
from email.utils import formatdate
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .email_message import build_message, issue_headers
from .models import NewsletterIssue
from .rendering import (
    PREFERENCES_PLACEHOLDER,
    UNSUBSCRIBE_PLACEHOLDER,
    RenderedIssue,
    reader_links,
)

_TO = "masthead-recipient-placeholder@placeholder.invalid"


_MESSAGE_ID = "<masthead-message-id-placeholder@placeholder.invalid>"


_DATE = "MASTHEAD-DATE-PLACEHOLDER"


# Each reader's values, in this order, go where these placeholders stand.
_SLOTS = [
    _TO.encode(),
    _MESSAGE_ID.encode(),
    _DATE.encode(),
    UNSUBSCRIBE_PLACEHOLDER.encode(),
    PREFERENCES_PLACEHOLDER.encode(),
]
_SLOT_PATTERN = re.compile(b"|".join(re.escape(slot) for slot in _SLOTS))


class SerialisedMessage:
    """A message already turned into bytes: what Django's SMTP backend asks of message()."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        return self.data if linesep == "\r\n" else self.data.replace(b"\r\n", linesep.encode())

    def as_string(self, unixfrom: bool = False, linesep: str = "\n") -> str:
        return self.as_bytes(linesep=linesep).decode("utf-8", "surrogateescape")


class PreparedMessage(EmailMultiAlternatives):
    """A reader's copy whose bytes come from the language's serialised template.

    Python's email package takes most of a millisecond to serialise a message; the template
    is serialised once per language and each copy is a handful of byte replacements.
    """

    serialised: bytes

    def message(self) -> SerialisedMessage:  # type: ignore[override]
        return SerialisedMessage(self.serialised)


class MessageTemplate:
    """One language's issue, serialised once with placeholders for each reader's values."""

    def __init__(self, issue: NewsletterIssue, rendered: RenderedIssue) -> None:
        self.issue = issue
        self.rendered = rendered
        self.data = self._serialise()
        # The bytes between placeholders, and which reader's value goes after each: a copy is
        # then one join, not five passes over the whole message.
        self.literals: list[bytes] = []
        self.slots: list[int] = []
        if self.data is not None:
            self.literals = _SLOT_PATTERN.split(self.data)
            self.slots = [
                _SLOTS.index(found.group()) for found in _SLOT_PATTERN.finditer(self.data)
            ]

    def _serialise(self) -> bytes | None:
        headers = issue_headers(self.issue, _MESSAGE_ID, UNSUBSCRIBE_PLACEHOLDER)
        headers["Date"] = _DATE
        message = EmailMultiAlternatives(
            subject=self.rendered.subject,
            body=self.rendered.text,
            from_email=settings.MASTHEAD_NEWSLETTER_FROM,
            to=[_TO],
            headers=headers,
        )
        message.attach_alternative(self.rendered.html, "text/html")
        data = message.message().as_bytes(linesep="\r\n")
        # Placeholders split by line folding or a body encoding would be missed by the
        # replacement: then every copy is serialised the ordinary way instead.
        expected_links = (
            self.rendered.html.count(UNSUBSCRIBE_PLACEHOLDER)
            + self.rendered.text.count(UNSUBSCRIBE_PLACEHOLDER)
            + 1
        )
        intact = (
            data.count(_TO.encode()) == 1
            and data.count(_MESSAGE_ID.encode()) == 1
            and data.count(_DATE.encode()) == 1
            and data.count(UNSUBSCRIBE_PLACEHOLDER.encode()) == expected_links
            and data.count(PREFERENCES_PLACEHOLDER.encode())
            == self.rendered.html.count(PREFERENCES_PLACEHOLDER)
            + self.rendered.text.count(PREFERENCES_PLACEHOLDER)
        )
        return data if intact else None

    def message_for(
        self, subscriber_id: int, email: str, message_id: str, connection: Any
    ) -> EmailMultiAlternatives:
        if self.data is None or not email.isascii():
            return build_message(
                self.issue, self.rendered, subscriber_id, email, message_id, connection
            )
        unsubscribe, preferences = reader_links(subscriber_id)
        message = PreparedMessage(
            subject=self.rendered.subject,
            body="",
            from_email=settings.MASTHEAD_NEWSLETTER_FROM,
            to=[email],
            connection=connection,
        )
        values = (
            email.encode(),
            message_id.encode(),
            formatdate(localtime=settings.EMAIL_USE_LOCALTIME).encode(),
            unsubscribe.encode(),
            preferences.encode(),
        )
        pieces = [self.literals[0]]
        for slot, literal in zip(self.slots, self.literals[1:], strict=True):
            pieces.append(values[slot])
            pieces.append(literal)
        message.serialised = b"".join(pieces)
        return message

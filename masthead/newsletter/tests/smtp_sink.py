"""A real SMTP server (aiosmtpd) for tests and the benchmark: it records what it accepts and
can refuse chosen addresses temporarily (451) or for good (550).

In-process: ``SmtpSink()`` as a context manager. As its own process (what a worker that is
killed must not share): ``python -m masthead.newsletter.tests.smtp_sink --port N --log FILE``
appends one line per accepted message (the recipient), written before the 250 reply.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import socket
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.data, policy=email.policy.default)  # type: ignore[return-value]


@dataclass
class RecordingHandler:
    received: list[Received] = field(default_factory=list)
    refuse_permanently: set[str] = field(default_factory=set)
    refuse_temporarily: dict[str, int] = field(default_factory=dict)  # address -> times left
    reject_message_for: set[str] = field(default_factory=set)  # refuse the content (554)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.refuse_permanently:
            return "550 5.1.1 No such mailbox"
        with self.lock:
            left = self.refuse_temporarily.get(address, 0)
            if left:
                self.refuse_temporarily[address] = left - 1
                return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.reject_message_for & set(envelope.rcpt_tos):
            return "554 5.7.1 Message content rejected"
        with self.lock:
            self.received.append(
                Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content))
            )
        return "250 OK"


class SmtpSink:
    """An SMTP server on 127.0.0.1 in a thread of this process."""

    def __init__(self) -> None:
        self.handler = RecordingHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    @property
    def received(self) -> list[Received]:
        return self.handler.received


class LoggingHandler:
    """Appends each accepted recipient to a file before answering 250, so the log is exactly
    what the server accepted, even if the sender dies a moment later."""

    def __init__(self, path: str) -> None:
        self.log = open(path, "a", buffering=1)  # noqa: SIM115 - open for the process's life
        self.count = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        for recipient in envelope.rcpt_tos:
            self.log.write(recipient + "\n")
        self.log.flush()
        self.count += 1
        return "250 OK"


class CountingHandler:
    """Only counts (the benchmark's sink, kept as light as an SMTP server can be)."""

    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.count += 1
        return "250 OK"


def main() -> None:
    parser = argparse.ArgumentParser(description="Run an SMTP sink on 127.0.0.1 until killed.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", help="append each accepted recipient to this file")
    args = parser.parse_args()
    handler: Any = LoggingHandler(args.log) if args.log else CountingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=args.port)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()

"""Recording that the server accepted a message: the write that prevents a resend.

What this guarantees: a lane lets the mail server accept its next message (sends that message's
data) only once its last one is recorded as sent and committed, so a crash can resend at most
one message per connection; a mark is written only while its worker still holds the claim.

The marks are written by one thread, the marks of every lane waiting in one statement and one
commit, while each lane goes on with its next message's envelope (MAIL FROM, RCPT TO): the
database's round trip overlaps the mail server's, and the database pays for one statement per
group instead of one per message (bench/RESULTS.md, "Newsletter").
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.db import connection as db_connection
from django.utils import timezone

from .models import Delivery

logger = logging.getLogger(__name__)

# How long the writer waits for other lanes' marks before writing what it has. A lane needs its
# mark only after two round trips to the mail server (MAIL FROM, RCPT TO), so this costs no lane
# any time; with every lane's mark in hand it writes at once.
GATHER_SECONDS = 0.001


class LeaseLost(Exception):
    """Another worker took the delivery over (this worker's lease ran out): its mark was not
    written, and this worker must send nothing more of that batch."""


@dataclass
class SentMark:
    delivery_id: int
    worker: str
    message_id: str
    sent_at: datetime


def record_sent_marks(marks: list[SentMark]) -> set[int]:
    """Mark these deliveries sent in one statement and one commit; return the ids that were
    (those still pending and claimed by the mark's worker).

    Plain SQL on the driver's own connection: it runs every millisecond or so while an issue
    goes out, and Django's cursor (its wrapper, the placeholder rewriting) cost half as much
    again as the write itself."""
    if not marks:
        return set()
    db_connection.ensure_connection()
    params: list[object] = []
    for mark in marks:
        params += [
            mark.delivery_id,
            db_connection.ops.adapt_datetimefield_value(mark.sent_at),
            mark.message_id,
            mark.worker,
        ]
    params += [Delivery.Status.SENT, Delivery.Status.PENDING]
    with db_connection.wrap_database_errors:
        cursor = db_connection.connection.cursor()
        try:
            cursor.execute(_record_sent_sql(db_connection.vendor, len(marks)), params)
            return {row[0] for row in cursor.fetchall()}
        finally:
            cursor.close()


@lru_cache(maxsize=64)
def _record_sent_sql(vendor: str, count: int) -> str:
    mark = "?" if vendor == "sqlite" else "%s"  # the drivers' own placeholders
    # PostgreSQL types the parameters from the first row; SQLite has no such casts.
    first_row = (
        f"({mark}, {mark}, {mark}, {mark})"
        if vendor == "sqlite"
        else f"({mark}::bigint, {mark}::timestamptz, {mark}::text, {mark}::text)"
    )
    rows = ", ".join([first_row] + [f"({mark}, {mark}, {mark}, {mark})"] * (count - 1))
    table = db_connection.ops.quote_name(Delivery._meta.db_table)
    # A CTE names the VALUES columns the same way on both databases.
    return (
        f"WITH marks (id, sent_at, message_id, worker) AS (VALUES {rows}) "  # noqa: S608 - names are ours
        f"UPDATE {table} SET status = {mark}, sent_at = marks.sent_at, "
        f"message_id = marks.message_id, claimed_by = '', claimed_at = NULL "
        f"FROM marks WHERE {table}.id = marks.id AND {table}.status = {mark} "
        f"AND {table}.claimed_by = marks.worker RETURNING {table}.id"
    )


class MarkTicket:
    """A lane's claim on its mark's outcome: ``wait`` returns once the mark is committed."""

    def __init__(self, mark: SentMark) -> None:
        self.mark = mark
        self._done = threading.Event()
        self._recorded = False
        self._error: BaseException | None = None

    def _settle(self, recorded: bool, error: BaseException | None) -> None:
        self._recorded, self._error = recorded, error
        self._done.set()

    def wait(self) -> None:
        """Return once the mark is committed; raise the database's error if writing it failed,
        or LeaseLost if the delivery was no longer this worker's pending claim."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        if not self._recorded:
            raise LeaseLost(f"delivery {self.mark.delivery_id}")


_STOP = object()


class SentMarkWriter:
    """The thread that writes every lane's sent marks, as many as are waiting at once.

    With one lane there is nothing to gather: each mark is written at once on the lane's own
    connection (and inside its transaction, if it has one), as it is sent."""

    def __init__(self, lanes: int) -> None:
        self.lanes = max(1, lanes)
        self._queue: queue.SimpleQueue[MarkTicket | object] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        if self.lanes > 1:
            self._thread = threading.Thread(target=self._run, name="sent-marks", daemon=True)
            self._thread.start()

    def submit(self, delivery_id: int, worker: str, message_id: str) -> MarkTicket:
        ticket = MarkTicket(SentMark(delivery_id, worker, message_id, timezone.now()))
        if self._thread is None:
            self._write([ticket])
        else:
            self._queue.put(ticket)
        return ticket

    def close(self) -> None:
        """Write what is still waiting, then stop."""
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join()

    def _run(self) -> None:
        try:
            stopping = False
            while not stopping:
                first = self._queue.get()
                if first is _STOP:
                    break
                group = [first]
                deadline = time.monotonic() + GATHER_SECONDS
                while len(group) < self.lanes:
                    try:
                        more = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
                    except queue.Empty:
                        break
                    if more is _STOP:
                        stopping = True
                        break
                    group.append(more)
                self._write(group)  # type: ignore[arg-type]
        finally:
            db_connection.close()

    def _write(self, group: list[MarkTicket]) -> None:
        try:
            recorded = record_sent_marks([ticket.mark for ticket in group])
        except Exception as exc:  # each lane that waits on its mark raises it
            logger.warning("recording %s sent messages failed: %s", len(group), exc)
            for ticket in group:
                ticket._settle(False, exc)
            return
        for ticket in group:
            ticket._settle(ticket.mark.delivery_id in recorded, None)

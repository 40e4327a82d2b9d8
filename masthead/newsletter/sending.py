"""Sending an issue: delivery records first, then batches claimed under a lease, one reused
connection, and each message recorded as sent the moment the server accepts it.

What this guarantees: every confirmed subscriber of the issue's frequency gets a delivery
record before anything is sent; a worker that dies (SIGKILL, power cut) leaves its claimed
deliveries pending, and the next worker takes them over, either at once (the dead worker ran
on this host) or when its lease runs out. The only duplicate a crash can cause is the one
message per worker that the server accepted but that was not yet recorded.
"""

from __future__ import annotations

import logging
import os
import secrets
import smtplib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from email.utils import formatdate, parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone

from .models import Delivery, NewsletterIssue, Subscriber
from .rendering import (
    PREFERENCES_PLACEHOLDER,
    UNSUBSCRIBE_PLACEHOLDER,
    RenderedIssue,
    issue_articles,
    reader_links,
    render_issue,
)

logger = logging.getLogger(__name__)

RECIPIENT_CHUNK = 2000
_HOST = socket.gethostname()


@dataclass
class Progress:
    sent: int = 0
    pending: int = 0
    failed: int = 0
    suppressed: int = 0

    @property
    def total(self) -> int:
        return self.sent + self.pending + self.failed + self.suppressed


def progress_of(issue_id: int) -> Progress:
    counts = dict(
        Delivery.objects.filter(issue_id=issue_id)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return Progress(
        sent=counts.get(Delivery.Status.SENT, 0),
        pending=counts.get(Delivery.Status.PENDING, 0),
        failed=counts.get(Delivery.Status.FAILED, 0),
        suppressed=counts.get(Delivery.Status.SUPPRESSED, 0),
    )


def new_worker_id() -> str:
    return f"{_HOST}:{os.getpid()}:{secrets.token_hex(4)}"


def prepare_deliveries(issue: NewsletterIssue) -> int:
    """Give every confirmed subscriber of the issue's frequency a pending delivery record.

    One transaction, subscribers read in id-ordered chunks (never the whole list at once);
    running it again adds nothing twice.
    """
    if issue.recipients_ready:
        return Delivery.objects.filter(issue=issue).count()
    created = 0
    with transaction.atomic():
        last_id = 0
        while True:
            chunk = list(
                Subscriber.objects.filter(
                    status=Subscriber.Status.CONFIRMED, frequency=issue.frequency, pk__gt=last_id
                )
                .order_by("pk")
                .values_list("pk", "language")[:RECIPIENT_CHUNK]
            )
            if not chunk:
                break
            Delivery.objects.bulk_create(
                [Delivery(issue=issue, subscriber_id=pk, language=lang) for pk, lang in chunk],
                ignore_conflicts=True,
            )
            created += len(chunk)
            last_id = chunk[-1][0]
        NewsletterIssue.objects.filter(pk=issue.pk).update(
            recipients_ready=True,
            status=NewsletterIssue.Status.SENDING,
            sending_started_at=timezone.now(),
        )
    issue.refresh_from_db()
    return created


def release_dead_claims(issue_id: int) -> int:
    """Hand back deliveries claimed by workers on this host that are no longer running, so a
    restarted send resumes at once instead of waiting for their lease to run out."""
    claimants = (
        Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING)
        .exclude(claimed_by="")
        .values_list("claimed_by", flat=True)
        .distinct()
    )
    dead = [claimant for claimant in claimants if _is_dead_local_worker(claimant)]
    if not dead:
        return 0
    return Delivery.objects.filter(
        issue_id=issue_id, status=Delivery.Status.PENDING, claimed_by__in=dead
    ).update(claimed_by="", claimed_at=None)


def _is_dead_local_worker(claimant: str) -> bool:
    host, _, rest = claimant.partition(":")
    pid = rest.partition(":")[0]
    if host != _HOST or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    # A live process with that pid: a reused pid looks alive, so that claim waits for its lease.
    return False


@dataclass(frozen=True)
class Claimed:
    delivery_id: int
    subscriber_id: int
    email: str
    language: str
    subscriber_status: str


def claim_batch(issue_id: int, worker: str, size: int) -> list[Claimed]:
    """Take up to ``size`` sendable deliveries for ``worker``.

    PostgreSQL: ``SELECT … FOR UPDATE SKIP LOCKED`` so concurrent workers take different rows.
    SQLite: the IMMEDIATE transaction holds the single write lock, so the read-then-claim is
    atomic (``select_for_update`` is a no-op there).
    """
    now = timezone.now()
    stale = now - timedelta(seconds=settings.MASTHEAD_NEWSLETTER_LEASE_SECONDS)
    with transaction.atomic():
        ids = list(
            Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING)
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            .filter(Q(claimed_by="") | Q(claimed_at__lt=stale))
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:size]
        )
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids).update(claimed_by=worker, claimed_at=now)
    rows = (
        Delivery.objects.filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", "subscriber_id", "subscriber__email", "language", "subscriber__status")
    )
    return [Claimed(*row) for row in rows]


class RateLimiter:
    """Paces sending to at most ``rate`` messages per second (0: no limit)."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_at = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if self.next_at > now:
            time.sleep(self.next_at - now)
            now = self.next_at
        self.next_at = max(now, self.next_at) + self.interval


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


def retry_delay(attempts: int) -> float:
    """Exponential backoff from RETRY_SECONDS, capped at an hour."""
    base = settings.MASTHEAD_NEWSLETTER_RETRY_SECONDS
    return float(min(3600.0, base * (2 ** max(0, attempts - 1))))


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


_TO = "masthead-recipient-placeholder@placeholder.invalid"
_MESSAGE_ID = "<masthead-message-id-placeholder@placeholder.invalid>"
_DATE = "MASTHEAD-DATE-PLACEHOLDER"


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


PREPARED_SMTP_BACKEND = "masthead.newsletter.sending.PreparedSMTPBackend"


def uses_django_smtp() -> bool:
    return settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"


class MessageTemplate:
    """One language's issue, serialised once with placeholders for each reader's values."""

    def __init__(self, issue: NewsletterIssue, rendered: RenderedIssue) -> None:
        self.issue = issue
        self.rendered = rendered
        self.data = self._serialise()

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
        message.serialised = (
            self.data.replace(_TO.encode(), email.encode())
            .replace(_MESSAGE_ID.encode(), message_id.encode())
            .replace(_DATE.encode(), formatdate(localtime=settings.EMAIL_USE_LOCALTIME).encode())
            .replace(UNSUBSCRIBE_PLACEHOLDER.encode(), unsubscribe.encode())
            .replace(PREFERENCES_PLACEHOLDER.encode(), preferences.encode())
        )
        return message


class IssueSender:
    """Sends one issue until no delivery is left pending, over ``connections`` SMTP
    connections at once (threads: the time goes in waiting for the server's replies)."""

    def __init__(
        self,
        issue: NewsletterIssue,
        *,
        worker: str | None = None,
        batch_size: int | None = None,
        rate: float | None = None,
        connections: int | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        wait_for_retries: bool = True,
    ) -> None:
        self.issue = issue
        self.worker = worker or new_worker_id()
        self.batch_size = batch_size or settings.MASTHEAD_NEWSLETTER_BATCH_SIZE
        self.connections = max(1, connections or settings.MASTHEAD_NEWSLETTER_CONNECTIONS)
        self.limiter = RateLimiter(settings.MASTHEAD_NEWSLETTER_RATE if rate is None else rate)
        self.on_progress = on_progress
        self.wait_for_retries = wait_for_retries
        self.domain = message_domain()
        self.articles = issue_articles(issue)
        self.templates: dict[str, MessageTemplate] = {}
        self.templates_lock = threading.Lock()
        # Backends other than Django's SMTP one (anymail's providers) get ordinary messages.
        self.prepared = uses_django_smtp()

    def template(self, language: str) -> MessageTemplate:
        with self.templates_lock:
            if language not in self.templates:
                rendered = render_issue(self.issue, language, self.articles)
                self.templates[language] = MessageTemplate(self.issue, rendered)
            return self.templates[language]

    def run(self) -> Progress:
        prepare_deliveries(self.issue)
        release_dead_claims(self.issue.pk)
        if self.connections == 1:
            Lane(self, self.worker).run()
        else:
            errors: list[BaseException] = []
            lanes = [
                threading.Thread(
                    target=self._run_lane, args=(f"{self.worker}:{n}", errors), daemon=True
                )
                for n in range(self.connections)
            ]
            for lane in lanes:
                lane.start()
            # Wait on a lane that is still running: joining one that has ended returns at once
            # and would spin this loop.
            while alive := [lane for lane in lanes if lane.is_alive()]:
                alive[0].join(timeout=0.5)
                self.report()
            if errors:
                raise errors[0]
        return finish_issue(self.issue.pk)

    def _run_lane(self, worker: str, errors: list[BaseException]) -> None:
        try:
            Lane(self, worker).run()
        except BaseException as exc:  # handed to the main thread, which re-raises it
            errors.append(exc)
        finally:
            db_connection.close()

    def report(self) -> None:
        if self.on_progress:
            self.on_progress(progress_of(self.issue.pk))


class Lane:
    """One SMTP connection's share of the work: claim a batch, send it, record each."""

    def __init__(self, sender: IssueSender, worker: str) -> None:
        self.sender = sender
        self.issue = sender.issue
        self.worker = worker
        self.connection: Any = None
        self.connection_failures = 0

    def run(self) -> None:
        try:
            while True:
                batch = claim_batch(self.issue.pk, self.worker, self.sender.batch_size)
                if batch:
                    try:
                        self.send_batch(batch)
                    except ConnectionTrouble:
                        self.pause_after_connection_failure()
                    if self.sender.connections == 1:
                        self.sender.report()
                    continue
                if not self.idle_wait():
                    break
        finally:
            self.close()

    def idle_wait(self) -> bool:
        """Nothing to claim now: wait for retries or other workers' leases; False when done."""
        pending = Delivery.objects.filter(issue_id=self.issue.pk, status=Delivery.Status.PENDING)
        if not pending.exists() or not self.sender.wait_for_retries:
            return False
        now = timezone.now()
        soonest = pending.aggregate(at=Min("next_attempt_at"))["at"]
        delay = (soonest - now).total_seconds() if soonest and soonest > now else 1.0
        time.sleep(min(max(delay, 0.05), 5.0))
        return True

    def open(self) -> None:
        if self.connection is None:
            connection = get_connection(
                PREPARED_SMTP_BACKEND if self.sender.prepared else None, fail_silently=False
            )
            try:
                connection.open()
            except Exception as exc:
                raise ConnectionTrouble(str(exc)) from exc
            self.connection = connection

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.close()
            except Exception:  # a broken connection may fail to close: drop it
                logger.debug("closing the mail connection failed", exc_info=True)
            self.connection = None

    def pause_after_connection_failure(self) -> None:
        self.connection_failures += 1
        logger.error(
            "mail server trouble while sending issue %s (attempt %s); retrying",
            self.issue.pk,
            self.connection_failures,
        )
        time.sleep(min(30.0, 0.5 * 2 ** min(self.connection_failures, 6)))

    def send_batch(self, batch: list[Claimed]) -> None:
        lease = settings.MASTHEAD_NEWSLETTER_LEASE_SECONDS
        claimed_at = time.monotonic()
        try:
            self.open()
        except ConnectionTrouble:
            self.release(batch)
            raise
        for index, claim in enumerate(batch):
            if time.monotonic() - claimed_at > lease / 3:
                self.renew_lease()
                claimed_at = time.monotonic()
            if claim.subscriber_status != Subscriber.Status.CONFIRMED:
                mark_suppressed(claim.delivery_id, claim.subscriber_status)
                continue
            message_id = f"<newsletter.{self.issue.pk}.{claim.delivery_id}@{self.sender.domain}>"
            template = self.sender.template(claim.language)
            if self.sender.prepared:
                message = template.message_for(
                    claim.subscriber_id, claim.email, message_id, self.connection
                )
            else:
                message = build_message(
                    self.issue,
                    template.rendered,
                    claim.subscriber_id,
                    claim.email,
                    message_id,
                    self.connection,
                )
            self.sender.limiter.wait()
            try:
                self.connection.send_messages([message])
            except Exception as exc:  # every failure is classified and recorded
                kind = classify_error(exc)
                if kind == "connection":
                    self.close()
                    self.release(batch[index:])
                    raise ConnectionTrouble(str(exc)) from exc
                if kind == "permanent":
                    mark_refused(claim, str(exc))
                elif kind == "permanent-message":
                    record_failed(claim.delivery_id, str(exc))
                else:
                    record_retry(claim.delivery_id, str(exc))
                continue
            self.connection_failures = 0
            if not record_sent(claim.delivery_id, self.worker, message_id):
                # Another worker took this batch over (our lease ran out): stop before sending
                # anything else it now owns.
                logger.warning("lease on issue %s lost; stopping this batch", self.issue.pk)
                self.release(batch[index + 1 :])
                return

    def renew_lease(self) -> None:
        Delivery.objects.filter(
            issue_id=self.issue.pk, status=Delivery.Status.PENDING, claimed_by=self.worker
        ).update(claimed_at=timezone.now())

    def release(self, claims: list[Claimed]) -> None:
        """Hand back unsent claims (after a connection failure the worker backs off and takes
        them again: the server being down is no reason to give up on a reader)."""
        Delivery.objects.filter(
            pk__in=[claim.delivery_id for claim in claims],
            status=Delivery.Status.PENDING,
            claimed_by=self.worker,
        ).update(claimed_by="", claimed_at=None)


def record_sent(delivery_id: int, worker: str, message_id: str) -> bool:
    """Record the server's acceptance at once: this write is what prevents a resend.

    Plain SQL because it runs once per message and the ORM's query building would cost more
    than the write itself."""
    table = db_connection.ops.quote_name(Delivery._meta.db_table)
    with db_connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET status = %s, sent_at = %s, message_id = %s, "  # noqa: S608 - the table name is ours
            "claimed_by = '', claimed_at = NULL "
            "WHERE id = %s AND status = %s AND claimed_by = %s",
            [
                Delivery.Status.SENT,
                timezone.now(),
                message_id,
                delivery_id,
                Delivery.Status.PENDING,
                worker,
            ],
        )
        return cursor.rowcount == 1


def record_retry(delivery_id: int, error: str) -> None:
    """A temporary failure: try again after a backoff, or give up after MAX_ATTEMPTS."""
    attempts = Delivery.objects.get(pk=delivery_id).attempts + 1
    if attempts >= settings.MASTHEAD_NEWSLETTER_MAX_ATTEMPTS:
        status = Delivery.Status.FAILED
        next_attempt_at = None
    else:
        status = Delivery.Status.PENDING
        next_attempt_at = timezone.now() + timedelta(seconds=retry_delay(attempts))
    Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.PENDING).update(
        status=status,
        attempts=attempts,
        next_attempt_at=next_attempt_at,
        last_error=error[:1000],
        claimed_by="",
        claimed_at=None,
    )


def record_failed(delivery_id: int, error: str) -> None:
    """The server refused this message for good (not the address): don't retry it."""
    Delivery.objects.filter(pk=delivery_id).update(
        status=Delivery.Status.FAILED,
        attempts=1,
        last_error=error[:1000],
        claimed_by="",
        claimed_at=None,
    )


def mark_refused(claim: Claimed, error: str) -> None:
    """The server refused the address for good: fail the delivery and stop mailing it."""
    with transaction.atomic():
        Delivery.objects.filter(pk=claim.delivery_id).update(
            status=Delivery.Status.FAILED,
            attempts=1,
            last_error=error[:1000],
            claimed_by="",
            claimed_at=None,
        )
        Subscriber.objects.filter(pk=claim.subscriber_id).update(
            status=Subscriber.Status.BOUNCED, suppressed_reason=error[:255]
        )


def mark_suppressed(delivery_id: int, reason: str) -> None:
    Delivery.objects.filter(pk=delivery_id).update(
        status=Delivery.Status.SUPPRESSED,
        last_error=f"subscriber is {reason}",
        claimed_by="",
        claimed_at=None,
    )


def finish_issue(issue_id: int) -> Progress:
    """Mark the issue sent once nothing is pending; return its progress either way."""
    progress = progress_of(issue_id)
    if progress.pending == 0:
        NewsletterIssue.objects.filter(pk=issue_id, status=NewsletterIssue.Status.SENDING).update(
            status=NewsletterIssue.Status.SENT, sent_at=timezone.now()
        )
    return progress

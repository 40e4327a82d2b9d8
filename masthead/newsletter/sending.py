"""Sending an issue: delivery records first, then batches claimed under a lease, one reused
connection, and each message recorded as sent before the server may accept the next.

What this guarantees: every confirmed subscriber of the issue's frequency gets a delivery
record before anything is sent; a worker that dies (SIGKILL, power cut) leaves its claimed
deliveries pending, and the next worker takes them over, either at once (the dead worker ran
on this host) or when its lease runs out. The only duplicate a crash can cause is the one
message per worker that the server accepted but that was not yet recorded.

This module is the sending loop; each part it relies on is a module of its own, as Ghost splits
its email service: ``recipients`` (delivery records), ``claims`` (batches under a lease),
``prepared_messages`` and ``email_message`` (each reader's copy), ``smtp_backend`` (the
connection), ``pacing`` (the rate), ``mail_errors`` (what a failure means), ``sent_marks``
(recording each message sent, the lanes' marks written together), ``outcomes`` (recording the
other ends of a delivery) and ``progress`` (counting, and marking the issue sent).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.db import DatabaseError
from django.db import connection as db_connection
from django.db.models import Min
from django.utils import timezone

from .claims import Claimed, claim_batch, new_worker_id, release_dead_claims
from .email_message import build_message, message_domain
from .mail_errors import ConnectionTrouble, classify_error
from .models import Delivery, NewsletterIssue, Subscriber
from .outcomes import mark_refused, mark_suppressed, record_failed, record_retry
from .pacing import RateLimiter
from .prepared_messages import MessageTemplate
from .progress import Progress, finish_issue, progress_of
from .recipients import prepare_deliveries
from .rendering import issue_articles, render_issue
from .sent_marks import LeaseLost, MarkTicket, SentMarkWriter
from .smtp_backend import PREPARED_SMTP_BACKEND, uses_django_smtp

logger = logging.getLogger(__name__)


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
        self.sent_marks = SentMarkWriter(self.connections)
        try:
            self._run_lanes()
        finally:
            self.sent_marks.close()  # every mark written before the issue is counted
        return finish_issue(self.issue.pk)

    def _run_lanes(self) -> None:
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
        # The last message's mark, submitted but not yet known to be committed.
        self.unconfirmed: MarkTicket | None = None

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
            if self.sender.prepared:
                connection.before_data = self.confirm_previous
            self.connection = connection

    def confirm_previous(self) -> None:
        """Wait until the last message sent is recorded: the server must not accept another
        before, or a crash could resend two. Raises LeaseLost if it could not be recorded."""
        ticket, self.unconfirmed = self.unconfirmed, None
        if ticket is not None:
            ticket.wait()

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
                if not self.sender.prepared:
                    self.confirm_previous()  # other backends have no step before the data
                self.connection.send_messages([message])
            except LeaseLost:
                # Another worker took this batch over (our lease ran out): stop before sending
                # anything else it now owns.
                logger.warning("lease on issue %s lost; stopping this batch", self.issue.pk)
                self.release(batch[index:])
                return
            except DatabaseError:
                raise  # the last message's mark could not be written: stop, and say so
            except Exception as exc:  # every failure to send is classified and recorded
                kind = classify_error(exc)
                if kind == "connection":
                    self.close()
                    self.release(batch[index:])
                    self.confirm_previous_quietly()
                    raise ConnectionTrouble(str(exc)) from exc
                if kind == "permanent":
                    mark_refused(claim, str(exc))
                elif kind == "permanent-message":
                    record_failed(claim.delivery_id, str(exc))
                else:
                    record_retry(claim.delivery_id, str(exc))
                continue
            self.connection_failures = 0
            self.unconfirmed = self.sender.sent_marks.submit(
                claim.delivery_id, self.worker, message_id
            )
        self.confirm_previous_quietly()

    def confirm_previous_quietly(self) -> None:
        """At the end of a batch: the last mark written, a lost lease only logged (nothing more
        of the batch is left to send)."""
        try:
            self.confirm_previous()
        except LeaseLost:
            logger.warning("lease on issue %s lost at the end of a batch", self.issue.pk)

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

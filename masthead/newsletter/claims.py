"""Batches of deliveries claimed under a lease, so only one worker sends each.

What this guarantees: a worker takes only pending deliveries that nobody holds (or whose holder's
lease ran out), in one locked step; a worker that died on this host has its claims handed back at
once, and one on another host when its lease runs out, so no reader is left waiting for a dead
worker.
"""

from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Delivery

_HOST = socket.gethostname()


def new_worker_id() -> str:
    return f"{_HOST}:{os.getpid()}:{secrets.token_hex(4)}"


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

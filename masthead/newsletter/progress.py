"""How far an issue has got, counted from its delivery records.

What this guarantees: an issue is marked sent only once none of its deliveries is pending, so a
send that was interrupted is never reported as finished.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from .models import Delivery, NewsletterIssue


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


def finish_issue(issue_id: int) -> Progress:
    """Mark the issue sent once nothing is pending; return its progress either way."""
    progress = progress_of(issue_id)
    if progress.pending == 0:
        NewsletterIssue.objects.filter(pk=issue_id, status=NewsletterIssue.Status.SENDING).update(
            status=NewsletterIssue.Status.SENT, sent_at=timezone.now()
        )
    return progress

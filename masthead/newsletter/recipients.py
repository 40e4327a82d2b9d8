"""An issue's recipients: one pending delivery record per reader, written before anything is sent.

What this guarantees: every confirmed subscriber of the issue's frequency gets exactly one
delivery record, in one transaction, before the first message leaves; subscribers are read in
id-ordered chunks, never the whole list at once, and running it again adds nothing twice.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .models import Delivery, NewsletterIssue, Subscriber

RECIPIENT_CHUNK = 2000


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

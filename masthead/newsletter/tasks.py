"""Background work: each task takes ids and calls one service."""

from __future__ import annotations

from django_tasks import task

from . import schedule, services
from .models import NewsletterIssue
from .sending import IssueSender


# Ahead of the search-index jobs that share its worker: a reader is waiting for this mail.
@task(queue_name="mail", priority=50)
def send_confirmation(subscriber_id: int) -> bool:
    return services.send_confirmation_email(subscriber_id)


@task(queue_name="bulk")
def send_issue_task(issue_id: int) -> dict[str, int]:
    issue = NewsletterIssue.objects.get(pk=issue_id)
    progress = IssueSender(issue).run()
    return {"sent": progress.sent, "pending": progress.pending, "failed": progress.failed}


@task(queue_name="bulk")
def run_edition(frequency: str, edition_date: str) -> str:
    """The schedule's daily (or weekly) job: build the edition if needed, then send it."""
    return schedule.run_edition(frequency, edition_date)

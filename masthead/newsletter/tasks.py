"""Background work: each task takes ids and calls one service."""

from __future__ import annotations

from django_tasks import task

from . import schedule, services
from .models import NewsletterIssue
from .sending import IssueSender


@task()
def send_confirmation(subscriber_id: int) -> bool:
    return services.send_confirmation_email(subscriber_id)


@task()
def send_issue_task(issue_id: int) -> dict[str, int]:
    issue = NewsletterIssue.objects.get(pk=issue_id)
    progress = IssueSender(issue).run()
    return {"sent": progress.sent, "pending": progress.pending, "failed": progress.failed}


@task()
def run_edition(frequency: str, edition_date: str) -> str:
    """The schedule's daily (or weekly) job: build the edition if needed, then send it."""
    return schedule.run_edition(frequency, edition_date)

"""The newsletter's schedule: Django's tasks framework has no scheduler, so `masthead clock`
calls ``tick()`` every 30 seconds (the newsletter's periodic job, declared in apps.py). Each
edition is started once, whatever the number of clocks or restarts, because its ScheduledRun
row is unique."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Frequency, NewsletterIssue, ScheduledRun

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def send_time() -> dt.time:
    raw = settings.MASTHEAD_NEWSLETTER_SEND_AT
    try:
        return dt.time.fromisoformat(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"MASTHEAD_NEWSLETTER_SEND_AT must be a time like 07:00, not {raw!r}."
        ) from None


def weekly_day() -> int:
    raw = settings.MASTHEAD_NEWSLETTER_WEEKLY_DAY.strip().lower()
    if raw not in WEEKDAYS:
        raise ImproperlyConfigured(
            f"MASTHEAD_NEWSLETTER_WEEKLY_DAY must be a weekday name in English, not {raw!r}."
        )
    return WEEKDAYS.index(raw)


def due_editions(now: dt.datetime) -> list[tuple[str, dt.date]]:
    """The editions whose send time has come today, in the newsletter's time zone."""
    local = now.astimezone(ZoneInfo(settings.MASTHEAD_NEWSLETTER_TIME_ZONE))
    if local.time() < send_time():
        return []
    due = [(Frequency.DAILY.value, local.date())]
    if local.weekday() == weekly_day():
        due.append((Frequency.WEEKLY.value, local.date()))
    return due


def skip_editions_missed_before_first_start(now: dt.datetime | None = None) -> list[str]:
    """On a new installation started after today's send time (a demo, a first deploy), leave
    today's editions alone instead of mailing everyone the moment the clock starts: the
    first edition goes out at the next send time. Once the schedule has a history, a restart
    after the send time still catches the day up."""
    now = now or timezone.now()
    skipped = []
    for frequency, date in due_editions(now):
        if ScheduledRun.objects.filter(frequency=frequency).exists():
            continue
        ScheduledRun.objects.get_or_create(
            frequency=frequency,
            edition_date=date,
            defaults={"outcome": "skipped: the schedule started after this edition's send time"},
        )
        skipped.append(f"{frequency} edition of {date}")
    return skipped


def clock_start() -> list[str]:
    """Once as `masthead clock` starts: refuse a bad setting now, not at send time, and leave
    alone the editions a new installation missed before its first start."""
    send_time()
    weekly_day()
    lines = [
        f"editions at {send_time():%H:%M} each day ({settings.MASTHEAD_NEWSLETTER_TIME_ZONE})."
    ]
    for skipped in skip_editions_missed_before_first_start():
        lines.append(f"Not sending the {skipped}: its time passed before the first start.")
    return lines


def clock_tick() -> list[str]:
    """The clock's job: :func:`tick` now, said as log lines."""
    return [f"Queued the {queued}." for queued in tick()]


def tick(now: dt.datetime | None = None) -> list[str]:
    """Queue what is due: today's editions (once each) and issues scheduled in the admin."""
    from .tasks import run_edition, send_issue_task

    now = now or timezone.now()
    queued = []
    for frequency, date in due_editions(now):
        if ScheduledRun.objects.filter(frequency=frequency, edition_date=date).exists():
            continue
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(frequency=frequency, edition_date=date)
                transaction.on_commit(
                    lambda f=frequency, d=date: run_edition.enqueue(f, d.isoformat())
                )
        except IntegrityError:
            continue
        queued.append(f"{frequency} edition of {date}")
    for issue_id in NewsletterIssue.objects.filter(
        status=NewsletterIssue.Status.DRAFT, scheduled_for__lte=now
    ).values_list("pk", flat=True):
        with transaction.atomic():
            # Clearing the time is the claim: only one clock queues the send.
            if NewsletterIssue.objects.filter(pk=issue_id, scheduled_for__lte=now).update(
                scheduled_for=None
            ):
                transaction.on_commit(lambda i=issue_id: send_issue_task.enqueue(i))
                queued.append(f"scheduled issue {issue_id}")
    return queued


def run_edition(frequency: str, edition_date: str) -> str:
    """Build the edition (or take the draft an editor built for that day) and send it."""
    from .sending import IssueSender
    from .services import NewsletterError, build_issue

    date = dt.date.fromisoformat(edition_date)
    issue = (
        NewsletterIssue.objects.filter(frequency=frequency, edition_date=date)
        .order_by("-pk")
        .first()
    )
    if issue is None:
        try:
            issue = build_issue(frequency)
        except NewsletterError as exc:
            outcome = str(exc)
            _record(frequency, date, outcome)
            return outcome
    if not settings.MASTHEAD_NEWSLETTER_AUTO_SEND and issue.status == NewsletterIssue.Status.DRAFT:
        outcome = f"built issue {issue.pk}; waiting for an editor to send it"
    else:
        progress = IssueSender(issue).run()
        outcome = (
            f"issue {issue.pk}: {progress.sent} sent, {progress.pending} pending, "
            f"{progress.failed} failed"
        )
    _record(frequency, date, outcome)
    return outcome


def _record(frequency: str, date: dt.date, outcome: str) -> None:
    ScheduledRun.objects.filter(frequency=frequency, edition_date=date).update(
        outcome=outcome[:255]
    )

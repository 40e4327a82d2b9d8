"""Provider webhooks suppress addresses; the schedule builds and sends each edition once;
the command line builds, sends and reports."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
from zoneinfo import ZoneInfo

import pytest
from anymail.exceptions import AnymailWebhookValidationFailure
from anymail.webhooks.postmark import PostmarkTrackingWebhookView
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

from masthead.news.tests.factories import ArticleFactory
from masthead.newsletter import schedule
from masthead.newsletter.models import (
    Delivery,
    NewsletterIssue,
    ScheduledRun,
    Subscriber,
)
from masthead.newsletter.services import build_issue

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def postmark_webhook(payload: dict) -> int:
    """POST a Postmark event through anymail's own webhook view, with its basic auth."""
    view = PostmarkTrackingWebhookView.as_view(basic_auth=["hook:secret-words"])
    request = RequestFactory().post(
        "/newsletter/webhooks/postmark/tracking/",
        data=json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(b"hook:secret-words").decode(),
    )
    return view(request).status_code


def test_hard_bounce_and_complaint_webhooks_suppress_the_address(site):
    bouncing = SubscriberFactory(email="gone@example.org")
    complaining = SubscriberFactory(email="angry@example.org")
    other = SubscriberFactory()
    ArticleFactory(selected_for_newsletter=True)
    issue = build_issue("daily")
    from masthead.newsletter.recipients import prepare_deliveries

    prepare_deliveries(issue)

    assert (
        postmark_webhook(
            {
                "RecordType": "Bounce",
                "Type": "HardBounce",
                "TypeCode": 1,
                "MessageID": "x-1",
                "Email": "Gone@example.org",
                "BouncedAt": "2026-11-25T06:00:00Z",
                "Description": "The mailbox does not exist.",
                "Details": "550 5.1.1",
            }
        )
        == 200
    )
    assert (
        postmark_webhook(
            {
                "RecordType": "SpamComplaint",
                "Type": "SpamComplaint",
                "TypeCode": 512,
                "MessageID": "x-2",
                "Email": "angry@example.org",
                "BouncedAt": "2026-11-25T06:00:00Z",
            }
        )
        == 200
    )

    bouncing.refresh_from_db()
    complaining.refresh_from_db()
    other.refresh_from_db()
    assert bouncing.status == Subscriber.Status.BOUNCED
    assert "Postmark bounced" in bouncing.suppressed_reason
    assert complaining.status == Subscriber.Status.COMPLAINED
    assert other.status == Subscriber.Status.CONFIRMED
    statuses = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert statuses["gone@example.org"] == Delivery.Status.SUPPRESSED
    assert statuses["angry@example.org"] == Delivery.Status.SUPPRESSED
    assert statuses[other.email] == Delivery.Status.PENDING


def test_webhook_with_wrong_secret_changes_nothing(site):
    reader = SubscriberFactory(email="gone@example.org")
    view = PostmarkTrackingWebhookView.as_view(basic_auth=["hook:secret-words"])
    request = RequestFactory().post(
        "/newsletter/webhooks/postmark/tracking/",
        data=json.dumps({"RecordType": "Bounce", "Type": "HardBounce", "Email": reader.email}),
        content_type="application/json",
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(b"hook:guess").decode(),
    )
    with pytest.raises(AnymailWebhookValidationFailure):  # Django answers it with a 400
        view(request)
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.CONFIRMED


def test_the_schedule_builds_and_sends_each_edition_once(
    settings, smtp, site, django_capture_on_commit_callbacks
):
    settings.MASTHEAD_NEWSLETTER_SEND_AT = "07:00"
    settings.MASTHEAD_NEWSLETTER_TIME_ZONE = "America/New_York"
    settings.MASTHEAD_NEWSLETTER_WEEKLY_DAY = "friday"
    daily, weekly = SubscriberFactory(), SubscriberFactory(frequency="weekly")
    ArticleFactory(selected_for_newsletter=True)
    zone = ZoneInfo("America/New_York")
    friday_early = dt.datetime(2026, 11, 27, 6, 59, tzinfo=zone)  # a Friday
    friday_on_time = dt.datetime(2026, 11, 27, 7, 0, tzinfo=zone)

    with django_capture_on_commit_callbacks(execute=True):
        assert schedule.tick(friday_early) == []
    with django_capture_on_commit_callbacks(execute=True):
        queued = schedule.tick(friday_on_time)
    assert queued == ["daily edition of 2026-11-27", "weekly edition of 2026-11-27"]
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule.tick(friday_on_time + dt.timedelta(hours=3)) == []  # once a day

    issues = {issue.frequency: issue for issue in NewsletterIssue.objects.all()}
    assert issues["daily"].status == issues["weekly"].status == NewsletterIssue.Status.SENT
    recipients = sorted((m.recipients[0], m.message["Subject"]) for m in smtp.received)
    assert [r for r, _ in recipients] == sorted([daily.email, weekly.email])
    assert ScheduledRun.objects.count() == 2
    assert "1 sent" in ScheduledRun.objects.get(frequency="daily").outcome


def test_schedule_with_nothing_selected_records_why_and_builds_nothing(settings, site):
    settings.MASTHEAD_NEWSLETTER_TIME_ZONE = "UTC"
    settings.MASTHEAD_NEWSLETTER_SEND_AT = "07:00"
    outcome = schedule.run_edition("daily", "2026-11-25")
    assert "No articles selected" in outcome
    assert not NewsletterIssue.objects.exists()


def test_an_editors_draft_for_the_day_is_what_the_schedule_sends(settings, smtp, site):
    SubscriberFactory()
    ArticleFactory(selected_for_newsletter=True)
    draft = build_issue("daily")
    draft.intro = "Written by the editor before the send time."
    draft.save()
    outcome = schedule.run_edition("daily", draft.edition_date.isoformat())
    assert f"issue {draft.pk}: 1 sent" in outcome
    assert NewsletterIssue.objects.count() == 1
    text = smtp.received[0].message.get_body(("plain",)).get_content()
    assert "Written by the editor before the send time." in text


def test_issue_scheduled_in_the_admin_is_sent_when_due(
    smtp, site, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    ArticleFactory(selected_for_newsletter=True)
    issue = build_issue("daily")
    issue.scheduled_for = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
    issue.save()
    with django_capture_on_commit_callbacks(execute=True):
        schedule.tick(dt.datetime(2026, 11, 25, 5, 0, tzinfo=dt.UTC))  # before send time
    assert smtp.received == []
    with django_capture_on_commit_callbacks(execute=True):
        schedule.tick(dt.datetime(2026, 11, 25, 9, 1, tzinfo=dt.UTC))
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT and len(smtp.received) == 1


def test_command_line_build_send_status(smtp, site):
    with pytest.raises(CommandError, match="No articles selected"):
        call_command("newsletter", "build")
    SubscriberFactory.create_batch(2)
    ArticleFactory(selected_for_newsletter=True, published_at=None)
    out = io.StringIO()
    call_command("newsletter", "build", stdout=out)
    assert "with 1 article(s)" in out.getvalue()
    with pytest.raises(CommandError, match="No articles selected"):
        call_command("newsletter", "build")  # nothing new since the last issue

    out = io.StringIO()
    call_command("newsletter", "send", "--no-progress", stdout=out)
    assert "2 sent, 0 pending, 0 failed" in out.getvalue()
    assert len(smtp.received) == 2
    out = io.StringIO()
    call_command("newsletter", "send", "--issue", str(NewsletterIssue.objects.get().pk), stdout=out)
    assert "was already sent: 2 sent" in out.getvalue()
    assert len(smtp.received) == 2
    with pytest.raises(CommandError, match="No built issue is waiting"):
        call_command("newsletter", "send")
    with pytest.raises(CommandError, match="There is no issue 999"):
        call_command("newsletter", "send", "--issue", "999")
    out = io.StringIO()
    call_command("newsletter", "status", stdout=out)
    assert "2 confirmed" in out.getvalue() and "[sent]" in out.getvalue()


def test_a_new_installation_started_after_send_time_waits_for_the_next_edition(
    settings, site, django_capture_on_commit_callbacks
):
    settings.MASTHEAD_NEWSLETTER_SEND_AT = "07:00"
    settings.MASTHEAD_NEWSLETTER_TIME_ZONE = "UTC"
    ArticleFactory(selected_for_newsletter=True)
    first_start = dt.datetime(2026, 11, 25, 7, 40, tzinfo=dt.UTC)

    assert schedule.skip_editions_missed_before_first_start(first_start) == [
        "daily edition of 2026-11-25"
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule.tick(first_start) == []
    assert not NewsletterIssue.objects.exists()  # the editors can still build today's by hand

    # With a history, a restart after the send time still catches the day up.
    next_day_late = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
    assert schedule.skip_editions_missed_before_first_start(next_day_late) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule.tick(next_day_late) == ["daily edition of 2026-11-26"]

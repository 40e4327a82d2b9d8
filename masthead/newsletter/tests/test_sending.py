"""Sending an issue through a real SMTP server and reading back what it received."""

from __future__ import annotations

import re
import smtplib
from urllib.parse import urlsplit

import pytest
from django.test import Client

from masthead.news.tests.factories import ArticleFactory, AuthorFactory, CreditedImageFactory
from masthead.newsletter.mail_errors import classify_error
from masthead.newsletter.models import Delivery, NewsletterIssue, Subscriber
from masthead.newsletter.rendering import render_issue
from masthead.newsletter.sending import IssueSender, Lane
from masthead.newsletter.services import build_issue

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(site: object) -> NewsletterIssue:
    author = AuthorFactory(title="Ana Ruiz")
    ArticleFactory(
        title="Floods reach the delta",
        standfirst="Three villages evacuated overnight.",
        authors=[author],
        featured_image=CreditedImageFactory(),
        selected_for_newsletter=True,
    )
    ArticleFactory(title="Council passes budget", selected_for_newsletter=True)
    ArticleFactory(title="Not selected", selected_for_newsletter=False)
    return build_issue("daily")


def link(text: str, path_part: str) -> str:
    match = re.search(r"https?://[^\s\"<>]*" + re.escape(path_part) + r"[^\s\"<>]*", text)
    assert match, f"no {path_part} link in the message"
    return match.group(0)


def test_issue_reaches_every_confirmed_subscriber_with_headers_parts_and_links(smtp, issue):
    readers = SubscriberFactory.create_batch(3)
    SubscriberFactory(status=Subscriber.Status.PENDING)
    SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)
    SubscriberFactory(frequency="weekly")

    progress = IssueSender(issue).run()

    assert (progress.sent, progress.pending, progress.failed) == (3, 0, 0)
    assert sorted(r for m in smtp.received for r in m.recipients) == sorted(
        r.email for r in readers
    )
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT and issue.sent_at

    message = next(m.message for m in smtp.received if m.recipients == [readers[0].email])
    assert message["Subject"] == issue.subject
    assert message["To"] == readers[0].email
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_header = str(message["List-Unsubscribe"]).strip()
    assert unsubscribe_header.startswith("<http://testserver/newsletter/unsubscribe/")
    delivery = Delivery.objects.get(issue=issue, subscriber=readers[0])
    assert message["Message-ID"] == delivery.message_id

    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for part in (text, html):
        assert "Floods reach the delta" in part
        assert "Council passes budget" in part
        assert "Not selected" not in part
    assert "Three villages evacuated overnight." in html
    assert "By Ana Ruiz" in html and "By Ana Ruiz" in text
    assert 'style="' in html and "<style" not in html  # CSS inlined
    assert re.search(r'<img [^>]*src="http://testserver/media/images/', html)
    assert "<table" in html

    client = Client()
    # The article link opens the article.
    article_url = link(html, "/articles/")
    assert client.get(urlsplit(article_url).path).status_code == 200

    # The preferences link opens a form that changes language and frequency.
    preferences = urlsplit(link(text, "/newsletter/preferences/")).path
    assert client.get(preferences).status_code == 200
    response = client.post(preferences, {"language": "fr", "frequency": "weekly"})
    assert response.status_code == 200
    readers[0].refresh_from_db()
    assert (readers[0].language, readers[0].frequency) == ("fr", "weekly")

    # The visible unsubscribe link asks first; one-click POST (RFC 8058) unsubscribes.
    visible = urlsplit(link(html, "/newsletter/unsubscribe/")).path
    assert client.get(visible).status_code == 200
    readers[0].refresh_from_db()
    assert readers[0].status == Subscriber.Status.CONFIRMED
    header_url = urlsplit(unsubscribe_header.strip("<>")).path
    one_click = Client(enforce_csrf_checks=True).post(
        header_url,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200
    readers[0].refresh_from_db()
    assert readers[0].status == Subscriber.Status.UNSUBSCRIBED
    assert readers[0].unsubscribed_at is not None


def test_each_reader_gets_their_own_links(smtp, issue):
    first, second = SubscriberFactory.create_batch(2)
    IssueSender(issue).run()
    by_reader = {m.recipients[0]: m.message for m in smtp.received}
    first_link = link(by_reader[first.email].get_body(("plain",)).get_content(), "unsubscribe/")
    second_link = link(by_reader[second.email].get_body(("plain",)).get_content(), "unsubscribe/")
    assert first_link != second_link
    Client().post(urlsplit(second_link).path, {"List-Unsubscribe": "One-Click"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Subscriber.Status.CONFIRMED
    assert second.status == Subscriber.Status.UNSUBSCRIBED


def test_forged_or_missing_one_click_body_unsubscribes_nobody(smtp, issue):
    reader = SubscriberFactory()
    IssueSender(issue).run()
    url = urlsplit(
        link(smtp.received[0].message.get_body(("plain",)).get_content(), "unsubscribe/")
    ).path
    client = Client()
    assert client.post(url[:-3] + "xx/", {"List-Unsubscribe": "One-Click"}).status_code == 400
    assert client.post(url, {"something": "else"}).status_code == 400
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.CONFIRMED


def test_temporary_refusal_is_retried_and_permanent_refusal_marks_the_address(smtp, issue):
    flaky, gone, fine = SubscriberFactory.create_batch(3)
    smtp.handler.refuse_temporarily[flaky.email] = 2
    smtp.handler.refuse_permanently.add(gone.email)

    progress = IssueSender(issue).run()

    assert (progress.sent, progress.failed, progress.pending) == (2, 1, 0)
    delivered = sorted(r for m in smtp.received for r in m.recipients)
    assert delivered == sorted([flaky.email, fine.email])
    assert Delivery.objects.get(subscriber=flaky).attempts == 2
    gone.refresh_from_db()
    assert gone.status == Subscriber.Status.BOUNCED
    failed = Delivery.objects.get(subscriber=gone)
    assert failed.status == Delivery.Status.FAILED and "550" in failed.last_error


def test_rejected_content_fails_that_message_without_retrying_or_blaming_the_address(smtp, issue):
    rejected, _fine = SubscriberFactory.create_batch(2)
    smtp.handler.reject_message_for.add(rejected.email)
    progress = IssueSender(issue).run()
    assert (progress.sent, progress.failed) == (1, 1)
    delivery = Delivery.objects.get(subscriber=rejected)
    assert delivery.status == Delivery.Status.FAILED and "554" in delivery.last_error
    rejected.refresh_from_db()
    assert rejected.status == Subscriber.Status.CONFIRMED


def test_unsubscribing_while_an_issue_is_sending_stops_that_copy(smtp, issue):
    from masthead.newsletter.recipients import prepare_deliveries
    from masthead.newsletter.services import unsubscribe

    leaving, staying = SubscriberFactory.create_batch(2)
    prepare_deliveries(issue)
    unsubscribe(leaving.pk)
    progress = IssueSender(issue).run()
    assert (progress.sent, progress.suppressed) == (1, 1)
    assert [m.recipients for m in smtp.received] == [[staying.email]]


def test_smtp_server_down_then_up_resumes(settings, smtp, issue, monkeypatch):
    readers = SubscriberFactory.create_batch(2)
    real_port = settings.EMAIL_PORT
    from .smtp_sink import free_port

    settings.EMAIL_PORT = free_port()  # nothing listens there
    calls = {"n": 0}

    def back_up(*args: object) -> None:
        calls["n"] += 1
        settings.EMAIL_PORT = real_port

    monkeypatch.setattr(Lane, "pause_after_connection_failure", back_up)
    progress = IssueSender(issue).run()
    assert calls["n"] == 1
    assert progress.sent == 2
    assert sorted(r for m in smtp.received for r in m.recipients) == sorted(
        r.email for r in readers
    )


def test_rate_limit_paces_sending(settings, smtp, issue):
    import time

    SubscriberFactory.create_batch(5)
    started = time.monotonic()
    IssueSender(issue, rate=20).run()
    assert time.monotonic() - started >= 4 / 20
    assert len(smtp.received) == 5


def test_rendering_costs_a_fixed_number_of_queries(django_assert_max_num_queries, site):
    for _ in range(8):
        ArticleFactory(
            authors=[AuthorFactory(), AuthorFactory()],
            featured_image=CreditedImageFactory(),
            selected_for_newsletter=True,
        )
    issue = build_issue("daily")
    render_issue(issue, "en")  # renditions are created on first use
    with django_assert_max_num_queries(12):
        rendered = render_issue(issue, "en")
    assert rendered.html.count("<h2") == 8


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"no such user")}), "permanent"),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (451, b"later")}), "temporary"),
        (smtplib.SMTPDataError(554, b"content rejected"), "permanent-message"),
        (smtplib.SMTPDataError(452, b"mailbox full"), "temporary"),
        (smtplib.SMTPDataError(421, b"closing"), "connection"),
        (smtplib.SMTPSenderRefused(550, b"not our sender", "news@x.example"), "connection"),
        (smtplib.SMTPServerDisconnected("gone"), "connection"),
        (ConnectionRefusedError(111, "refused"), "connection"),
        (TimeoutError("timed out"), "connection"),
    ],
)
def test_smtp_errors_are_classified(error, kind):
    # Every smtplib error is also an OSError: a server's answer must not be taken for a
    # broken connection (that once made a rejected message retry forever).
    assert classify_error(error) == kind


def test_delivery_records_are_one_per_confirmed_reader_of_the_frequency_in_their_language(issue):
    """The database writes the records (one INSERT ... SELECT): each confirmed subscriber of the
    issue's frequency gets one pending record in their language, and a second run after an
    interruption (the issue not yet marked ready) adds nothing twice."""
    from masthead.newsletter.recipients import prepare_deliveries

    french = SubscriberFactory(language="fr")
    english = SubscriberFactory(language="en")
    SubscriberFactory(status=Subscriber.Status.PENDING)
    SubscriberFactory(frequency="weekly")

    assert prepare_deliveries(issue) == 2
    NewsletterIssue.objects.filter(pk=issue.pk).update(recipients_ready=False)
    issue.refresh_from_db()
    assert prepare_deliveries(issue) == 0

    records = Delivery.objects.filter(issue=issue).order_by("subscriber_id")
    assert [(d.subscriber_id, d.language, d.status, d.attempts) for d in records] == [
        (reader.pk, reader.language, Delivery.Status.PENDING, 0)
        for reader in sorted((french, english), key=lambda r: r.pk)
    ]
    assert all(d.claimed_by == "" and d.sent_at is None for d in records)


def test_a_sent_message_is_recorded_only_by_the_worker_holding_its_claim(issue):
    """record_sent_marks writes with the driver's own cursor: the time it stores must read back as
    Django's own, and a worker whose claim was taken over (or a delivery no longer pending)
    records nothing."""
    from django.utils import timezone

    from masthead.newsletter.claims import claim_batch
    from masthead.newsletter.recipients import prepare_deliveries
    from masthead.newsletter.sent_marks import SentMark, record_sent_marks

    SubscriberFactory.create_batch(2)
    prepare_deliveries(issue)
    first, second = claim_batch(issue.pk, "host:1:a", 2)
    before = timezone.now()

    def record_sent(delivery_id: int, worker: str, message_id: str) -> bool:
        mark = SentMark(delivery_id, worker, message_id, timezone.now())
        return record_sent_marks([mark]) == {delivery_id}

    assert not record_sent(first.delivery_id, "host:2:b", "<other@x.example>")  # not its claim
    assert record_sent(first.delivery_id, "host:1:a", "<first@x.example>")
    assert not record_sent(first.delivery_id, "host:1:a", "<again@x.example>")  # already sent

    sent = Delivery.objects.get(pk=first.delivery_id)
    assert (sent.status, sent.message_id, sent.claimed_by, sent.claimed_at) == (
        Delivery.Status.SENT,
        "<first@x.example>",
        "",
        None,
    )
    assert before <= sent.sent_at <= timezone.now()
    untouched = Delivery.objects.get(pk=second.delivery_id)
    assert (untouched.status, untouched.claimed_by) == (Delivery.Status.PENDING, "host:1:a")


def test_a_messages_data_goes_only_after_the_previous_one_is_recorded(smtp, issue):
    """The prepared backend runs its hook after the envelope and before the data, so the server
    can accept a message only once the hook (the lane waiting for its last mark) has returned;
    a hook that refuses leaves nothing sent and the connection usable."""
    from django.core.mail import get_connection

    from masthead.newsletter.prepared_messages import MessageTemplate
    from masthead.newsletter.sent_marks import LeaseLost
    from masthead.newsletter.smtp_backend import PREPARED_SMTP_BACKEND

    template = MessageTemplate(issue, render_issue(issue, "en"))
    backend = get_connection(PREPARED_SMTP_BACKEND, fail_silently=False)
    backend.open()
    received_at_hook: list[int] = []
    refuse = {"reader2@example.org"}

    def send(address: str) -> None:
        def hook() -> None:
            received_at_hook.append(len(smtp.received))
            if address in refuse:
                raise LeaseLost(address)

        backend.before_data = hook
        message = template.message_for(1, address, f"<{address}>", backend)
        backend.send_messages([message])

    send("reader0@example.org")
    send("reader1@example.org")
    with pytest.raises(LeaseLost):
        send("reader2@example.org")
    send("reader3@example.org")
    backend.close()

    assert received_at_hook == [0, 1, 2, 2]  # each hook ran before its own message arrived
    assert [m.recipients for m in smtp.received] == [
        ["reader0@example.org"],
        ["reader1@example.org"],
        ["reader3@example.org"],
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_writer_records_every_lanes_marks_and_only_its_own_claims(issue, monkeypatch):
    """Marks submitted by several lanes at once are all written by the writer's thread; a
    delivery another worker holds is not marked, and its lane hears LeaseLost."""
    from masthead.newsletter import sent_marks
    from masthead.newsletter.claims import claim_batch
    from masthead.newsletter.recipients import prepare_deliveries

    SubscriberFactory.create_batch(4)
    prepare_deliveries(issue)
    mine = claim_batch(issue.pk, "host:1:a", 3)
    (theirs,) = claim_batch(issue.pk, "host:2:b", 1)
    groups: list[int] = []
    real_write = sent_marks.record_sent_marks

    def counting_write(marks):
        groups.append(len(marks))
        return real_write(marks)

    monkeypatch.setattr(sent_marks, "record_sent_marks", counting_write)
    writer = sent_marks.SentMarkWriter(lanes=4)
    tickets = [writer.submit(c.delivery_id, "host:1:a", f"<{c.delivery_id}@x>") for c in mine]
    stolen = writer.submit(theirs.delivery_id, "host:1:a", "<stolen@x>")
    writer.close()

    for ticket in tickets:
        ticket.wait()
    with pytest.raises(sent_marks.LeaseLost):
        stolen.wait()
    assert sum(groups) == 4  # every mark went through the writer's statement
    sent = Delivery.objects.filter(status=Delivery.Status.SENT).order_by("pk")
    assert [(d.pk, d.message_id) for d in sent] == [
        (c.delivery_id, f"<{c.delivery_id}@x>") for c in mine
    ]
    still = Delivery.objects.get(pk=theirs.delivery_id)
    assert (still.status, still.claimed_by) == (Delivery.Status.PENDING, "host:2:b")

"""The editors' screens: issues (preview, edit, test, send, progress) and CSV import/export."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from masthead.news.tests.factories import ArticleFactory
from masthead.newsletter.models import Delivery, NewsletterIssue, Subscriber

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(site) -> Client:
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-123456")
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def selected_articles(site):
    return [
        ArticleFactory(title="First selected story", selected_for_newsletter=True),
        ArticleFactory(title="Second selected story", selected_for_newsletter=True),
    ]


def test_build_preview_edit_test_and_send_from_the_admin(
    editor_client, selected_articles, smtp, django_capture_on_commit_callbacks
):
    readers = SubscriberFactory.create_batch(3)
    response = editor_client.post("/admin/newsletter/issues/build/", {"frequency": "daily"})
    issue = NewsletterIssue.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/issues/{issue.pk}/")

    page = editor_client.get(f"/admin/newsletter/issues/{issue.pk}/")
    assert page.status_code == 200
    assert b"First selected story" in page.content and b"0 sent, 0 pending" in page.content

    html = editor_client.get(f"/admin/newsletter/issues/{issue.pk}/preview.html")
    text = editor_client.get(f"/admin/newsletter/issues/{issue.pk}/preview.txt")
    assert b"<table" in html.content and b"Second selected story" in html.content
    assert text["Content-Type"].startswith("text/plain")
    assert b"Second selected story" in text.content

    saved = editor_client.post(
        f"/admin/newsletter/issues/{issue.pk}/",
        {"action": "save", "subject": "Tuesday's briefing", "intro": "Good morning, readers."},
    )
    assert saved.status_code == 302
    issue.refresh_from_db()
    assert (issue.subject, issue.intro) == ("Tuesday's briefing", "Good morning, readers.")

    editor_client.post(
        f"/admin/newsletter/issues/{issue.pk}/",
        {"action": "test", "addresses": "desk@example.org, chief@example.org"},
    )
    assert sorted(r for m in smtp.received for r in m.recipients) == [
        "chief@example.org",
        "desk@example.org",
    ]
    test_message = smtp.received[0].message
    assert test_message["Subject"] == "[Test] Tuesday's briefing"
    assert "Good morning, readers." in test_message.get_body(("plain",)).get_content()
    assert not Delivery.objects.exists()  # tests leave no delivery records

    bad_test = editor_client.post(
        f"/admin/newsletter/issues/{issue.pk}/",
        {"action": "test", "addresses": "desk@example.org\nnot an address"},
    )
    assert bad_test.status_code == 200 and b"not a valid email address" in bad_test.content

    smtp.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"/admin/newsletter/issues/{issue.pk}/", {"action": "send"})
    assert sorted(r for m in smtp.received for r in m.recipients) == sorted(
        r.email for r in readers
    )
    page = editor_client.get(f"/admin/newsletter/issues/{issue.pk}/")
    assert b"3 sent, 0 pending, 0 failed" in page.content
    listing = editor_client.get("/admin/newsletter/issues/")
    assert b"Tuesday&#x27;s briefing" in listing.content

    # A sent issue can't be edited any more.
    editor_client.post(
        f"/admin/newsletter/issues/{issue.pk}/",
        {"action": "save", "subject": "Changed", "intro": ""},
    )
    issue.refresh_from_db()
    assert issue.subject == "Tuesday's briefing"


def test_schedule_from_the_admin_in_the_newsletter_time_zone(
    editor_client, selected_articles, settings
):
    settings.MASTHEAD_NEWSLETTER_TIME_ZONE = "Europe/Lisbon"
    editor_client.post("/admin/newsletter/issues/build/", {"frequency": "daily"})
    issue = NewsletterIssue.objects.get()
    editor_client.post(
        f"/admin/newsletter/issues/{issue.pk}/",
        {"action": "schedule", "send_at": "2099-07-01T07:30"},
    )
    issue.refresh_from_db()
    assert issue.scheduled_for.isoformat() == "2099-07-01T06:30:00+00:00"  # Lisbon is UTC+1
    past = editor_client.post(
        f"/admin/newsletter/issues/{issue.pk}/",
        {"action": "schedule", "send_at": "2001-01-01T07:30"},
    )
    assert b"Choose a time in the future" in past.content


def test_build_with_nothing_selected_says_so(editor_client):
    response = editor_client.post(
        "/admin/newsletter/issues/build/", {"frequency": "daily"}, follow=True
    )
    assert b"No articles selected for the newsletter" in response.content
    assert not NewsletterIssue.objects.exists()


def upload(client: Client, content: str):
    return client.post(
        "/admin/newsletter/subscribers/import/",
        {"file": SimpleUploadedFile("list.csv", content.encode(), content_type="text/csv")},
    )


def test_csv_import_with_a_bad_row_imports_nothing_and_names_the_line(editor_client):
    SubscriberFactory(email="already@example.org")
    response = upload(
        editor_client,
        "email,language,frequency\n"
        "one@example.org,en,daily\n"
        "two@example.org,fr,weekly\n"
        "not-an-email,en,daily\n"
        "four@example.org,xx,daily\n"
        "five@example.org,en,hourly\n"
        "one@example.org,en,daily\n",
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Line 4: &#x27;not-an-email&#x27; is not a valid email address." in content
    assert "Line 5: unknown language" in content
    assert "Line 6: frequency must be" in content
    assert "Line 7: one@example.org appears twice" in content
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["already@example.org"]


def test_csv_import_refuses_files_it_cannot_read(editor_client):
    no_email = upload(editor_client, "name,language\nAna,en\n")
    assert no_email.status_code == 400 and b"must include an &#x27;email&#x27; column" in (
        no_email.content
    )
    latin1 = editor_client.post(
        "/admin/newsletter/subscribers/import/",
        {"file": SimpleUploadedFile("list.csv", "email\nzoë@exämple.org\n".encode("latin-1"))},
    )
    assert b"Save the file as UTF-8 CSV" in latin1.content
    assert not Subscriber.objects.exists()


def test_csv_import_and_export_round_trip(editor_client):
    SubscriberFactory(email="Already@Example.org")
    response = upload(
        editor_client,
        "Email,Language,Frequency\n"
        "one@example.org,en,daily\n"
        "two@EXAMPLE.org,fr,weekly\n"
        "already@example.org,en,daily\n"
        "=cmd@example.org,en,daily\n",
    )
    assert response.status_code == 302
    assert Subscriber.objects.count() == 4
    two = Subscriber.objects.get(email="two@example.org")
    assert (two.language, two.frequency, two.status) == ("fr", "weekly", "confirmed")
    assert two.consent_form == "csv-import"

    export = editor_client.get("/admin/newsletter/subscribers/export.csv")
    assert export["Content-Disposition"].startswith("attachment;")
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert lines[0].startswith("email,language,frequency,status")
    assert any(line.startswith("two@example.org,fr,weekly,confirmed") for line in lines)
    assert any(line.startswith("'=cmd@example.org") for line in lines)  # no formula
    assert len(lines) == 5


def test_subscriber_list_searches_and_filters(editor_client):
    SubscriberFactory(email="ana@example.org")
    SubscriberFactory(email="tom@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    listing = editor_client.get("/admin/snippets/newsletter/subscriber/", {"q": "ana"})
    assert listing.status_code == 200
    assert b"ana@example.org" in listing.content and b"tom@example.org" not in listing.content
    filtered = editor_client.get(
        "/admin/snippets/newsletter/subscriber/", {"status": "unsubscribed"}
    )
    assert b"tom@example.org" in filtered.content and b"ana@example.org" not in filtered.content


def test_reader_without_permission_is_refused(site):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw-123456")
    client = Client()
    client.force_login(user)
    assert client.get("/admin/newsletter/issues/").status_code in {302, 403}
    assert client.get("/admin/newsletter/subscribers/export.csv").status_code in {302, 403}


def test_csv_with_a_huge_field_says_what_was_wrong(editor_client):
    response = upload(editor_client, "email,language\n" + "x" * 140_000 + "@example.org,en\n")
    assert response.status_code == 400
    assert b"Line 2: a field is longer than" in response.content
    header = upload(editor_client, "email," + "y" * 140_000 + "\nana@example.org,x\n")
    assert header.status_code == 400 and b"Line 1: a field is longer than" in header.content
    assert not Subscriber.objects.exists()


def test_csv_import_sees_look_alike_spellings_as_one_address(editor_client):
    SubscriberFactory(email="known@example.org")
    response = upload(
        editor_client,
        "email\nnew@example.org\nNEW@\uff45xample.org\nknown@\uff45xample.org.\n",
    )
    assert response.status_code == 400
    assert b"Line 3: new@example.org appears twice" in response.content
    response = upload(editor_client, "email\nnew@example.org\nknown@\uff45xample.org.\n")
    assert response.status_code == 302
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "known@example.org",
        "new@example.org",
    ]


def test_the_subscriber_lists_own_export_has_the_rows(editor_client):
    SubscriberFactory(email="ana@example.org", language="fr")
    SubscriberFactory(email="=cmd@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    export = editor_client.get(
        "/admin/snippets/newsletter/subscriber/", {"export": "csv", "status": "confirmed"}
    )
    assert export.status_code == 200
    content = (b"".join(export.streaming_content) if export.streaming else export.content).decode()
    lines = [line for line in content.splitlines() if line.strip(", ")]
    assert len(lines) == 2, content  # the list's filter applies
    assert "ana@example.org" in lines[1] and "fr" in lines[1]
    everyone = editor_client.get("/admin/snippets/newsletter/subscriber/", {"export": "csv"})
    content = b"".join(everyone.streaming_content).decode()
    assert "'=cmd@example.org" in content  # no formula for spreadsheet programs

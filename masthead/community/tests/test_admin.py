"""Moderation in Wagtail's admin: the queue and its filter, CSV export, bulk actions through
the moderation service, closing an article's comments, and the editors' digest by real SMTP."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from masthead.community.models import ArticleDiscussion, Ban, Comment, Commenter

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def comment(article, body, status="pending", email="ana@example.org"):
    commenter, _ = Commenter.objects.get_or_create(
        email=email, defaults={"confirmed_at": timezone.now()}
    )
    made = Comment.objects.create(
        article=article, commenter=commenter, author_name="Ana", body=body, status=status
    )
    Comment.objects.filter(pk=made.pk).update(root=made)
    return made


def test_queue_filters_by_status_and_exports_csv(editor_client, article):
    comment(article, "Waiting here")
    comment(article, "Already out", status="approved", email="bo@example.org")
    queue = editor_client.get("/admin/snippets/community/comment/?status=pending").content.decode()
    assert "Waiting here" in queue and "Already out" not in queue
    export = editor_client.get("/admin/snippets/community/comment/?export=csv")
    rows = list(
        csv.reader(
            io.StringIO(
                b"".join(export.streaming_content).decode()
                if export.streaming
                else export.content.decode()
            )
        )
    )
    assert len(rows) == 3 and "ana@example.org" in {cell for row in rows for cell in row}


def test_the_csv_export_neutralises_formulas_readers_typed(editor_client, article):
    made = comment(article, '=HYPERLINK("http://evil.example","click")', email="x@example.org")
    Comment.objects.filter(pk=made.pk).update(author_name="@SUM(1+1)", status="approved")
    comment(article, "-2+3 is how I count", email="y@example.org")
    export = editor_client.get("/admin/snippets/community/comment/?export=csv")
    text = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    cells = {cell for row in csv.reader(io.StringIO(text)) for cell in row}
    assert '\'=HYPERLINK("http://evil.example","click")' in cells
    assert "'@SUM(1+1)" in cells and "'-2+3 is how I count" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_bulk_ban_marks_spam_and_bans_the_addresses(
    editor_client, article, django_capture_on_commit_callbacks
):
    first = comment(article, "Spam one")
    second = comment(article, "Spam two", email="bo@spam.example")
    url = f"/admin/bulk/community/comment/ban/?id={first.pk}&id={second.pk}"
    assert editor_client.get(url).status_code == 200  # the confirmation page
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url)
    assert response.status_code == 302
    assert set(Comment.objects.values_list("status", flat=True)) == {"spam"}
    assert set(Ban.objects.values_list("email", flat=True)) == {
        "ana@example.org",
        "bo@spam.example",
    }


def test_bulk_ip_range_ban_keeps_the_whole_line_out(
    editor_client, article, post_comment, django_capture_on_commit_callbacks
):
    first = comment(article, "Spam from a v4 line")
    second = comment(article, "Spam from a v6 line", email="bo@spam.example")
    Comment.objects.filter(pk=first.pk).update(ip_address="198.51.100.23")
    Comment.objects.filter(pk=second.pk).update(ip_address="2001:db8:5:6::99")
    url = f"/admin/bulk/community/comment/ban-ip/?id={first.pk}&id={second.pk}"
    assert editor_client.get(url).status_code == 200  # the confirmation page
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url).status_code == 302
    assert set(Comment.objects.values_list("status", flat=True)) == {"spam"}
    assert set(Ban.objects.values_list("ip_network", flat=True)) == {
        "198.51.100.0/24",
        "2001:db8:5:6::/64",
    }
    assert all(ban.reason for ban in Ban.objects.all())
    editor_client.logout()
    # Another address on the same line, and a new email, is refused; the next line is not.
    refused = post_comment(ip="198.51.100.200", email="new@example.org")
    assert refused.status_code == 403 and b"comment here" in refused.content
    assert post_comment(ip="2001:db8:5:6::1", email="new6@example.org").status_code == 403
    assert post_comment(ip="198.51.101.1", email="other@example.org").status_code == 302


def test_bulk_approve_publishes_through_the_service(
    editor_client, client, article, django_capture_on_commit_callbacks
):
    waiting = comment(article, "Approve me")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"/admin/bulk/community/comment/approve/?id={waiting.pk}")
    waiting.refresh_from_db()
    assert waiting.status == "approved" and waiting.approved_at is not None


def test_editors_close_an_article_in_the_admin(editor_client, article):
    response = editor_client.post(
        "/admin/snippets/community/articlediscussion/add/", {"article": article.pk, "closed": "on"}
    )
    assert response.status_code == 302
    assert ArticleDiscussion.objects.get(article=article).closed
    editor_client.logout()
    assert b"Comments are closed." in editor_client.get(article.url).content


def test_digest_mails_the_queue_to_editors_who_asked(article, rules, smtp):
    comment(article, "Waiting one")
    rules.digest_recipients = "desk@courier.example\nchief@courier.example"
    rules.save()
    call_command("comments_digest", stdout=io.StringIO())
    assert [sorted(r.recipients) for r in smtp.received] == [
        ["chief@courier.example", "desk@courier.example"]
    ]
    text = smtp.received[0].message.get_body(("plain",)).get_content()
    assert "1 comment waits for moderation" in text and "Waiting one" in text
    assert "/admin/snippets/community/comment/?status=pending" in text

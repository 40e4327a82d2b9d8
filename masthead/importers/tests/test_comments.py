"""WordPress comments into the comments app: approved ones only, threaded, safe, idempotent,
and never visible on an article readers can't read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from masthead.community.models import Comment
from masthead.community.queries import member_comments
from masthead.importers.models import ImportedItem
from masthead.news.models import ArticlePage

from .conftest import FIXTURES, run

WXR = FIXTURES / "wordpress.xml"
NEVER_SHOWN = [
    "alert(",
    "pwned",
    "javascript:",
    "onerror",
    "onclick",
    "steal()",
    "evil.example",
    "Buy now",
    "Trash-comment-gull",
    "Unapproved-comment-tern",
    "Pingback-puffin",
    "Reply-to-spam-cormorant",
]
RESTRICTED_WORDS = ["Comment-on-salaries-heron", "Comment-on-briefing-ibis", "Insider 10"]

pytestmark = pytest.mark.django_db


def budget() -> ArticlePage:
    return ArticlePage.objects.get(slug="harbour-budget-approved")


def by_body(start: str) -> Comment:
    return Comment.objects.get(body__startswith=start)


def test_approved_comments_arrive_threaded_named_dated_and_safe(client: Any, site: Any) -> None:
    summary = run("import-wordpress", str(WXR))

    assert "6 comments" in summary.splitlines()[0]  # "Created: …"
    assert (
        "Comments left out: 1 in the trash, 1 not approved, 1 pingbacks and trackbacks, "
        "1 replies to comments left out, 1 spam."
    ) in summary
    assert "not imported" not in summary

    article = budget()
    assert article.comments.count() == 4
    assert set(Comment.objects.values_list("status", flat=True)) == {Comment.Status.APPROVED}
    first = by_body("Good news for the pontoon.")
    assert first.author_name == "A reader" and first.depth == 0 and first.root_id == first.pk
    assert first.created_at == dt.datetime(2024, 5, 2, 10, 0, tzinfo=dt.UTC)
    assert first.commenter is not None and first.commenter.email == "reader@example.org"
    assert first.commenter.confirmed_at is None  # an export proves no one owns an address
    reply = by_body("Thanks!")
    assert (reply.parent_id, reply.root_id, reply.depth) == (first.pk, first.pk, 1)
    # A reply to a reply, deeper than the site nests (one level), joins the deepest level.
    deep = by_body("Replying to the reply")
    assert (deep.parent_id, deep.root_id, deep.depth) == (first.pk, first.pk, 1)
    assert len(deep.author_name) == 80 and deep.author_name.endswith("…")

    hostile = Comment.objects.get(author_name__startswith="Eve")
    assert hostile.author_name == "Eve Injected-Header: yes"  # one line, CR and LF gone
    assert hostile.commenter is None  # "not an address"
    assert "<" not in hostile.body.replace("\\<", "")  # stored as text, never as HTML
    assert "[the budget](https://safe.example/budget)" in hostile.body
    assert "here-link" in hostile.body and "javascript" not in hostile.body

    page = client.get(article.url).content.decode()
    assert "4 comments" in page
    for words in ("Good news for the pontoon.", "Thanks!", "Replying to the reply"):
        assert words in page
    link = '<a href="https://safe.example/budget" rel="nofollow ugc noopener">the budget</a>'
    assert link in page
    assert "It is <strong>good</strong> &amp; <em>fair</em>." in page
    assert "*stars* stay stars" in page  # the source's literal asterisks stay literal
    thread = client.get(f"/comments/{article.pk}/").content.decode()
    for text in (page, thread):
        for word in NEVER_SHOWN:
            assert word not in text, word
    listing = client.get("/articles/").content.decode()
    assert "4 comments" in listing


def test_comments_of_restricted_posts_show_nowhere(client: Any, site: Any) -> None:
    run("import-wordpress", str(WXR))
    private = ArticlePage.objects.get(slug="salary-review")
    members = ArticlePage.objects.get(slug="members-briefing")
    assert private.comments.count() == members.comments.count() == 1

    for article in (private, members):
        assert client.get(f"/comments/{article.pk}/").status_code == 404
        assert client.get(f"/comments/{article.pk}/feed/").status_code == 404
        response = client.get(article.url)
        assert all(word not in response.content.decode() for word in RESTRICTED_WORDS)
    for url in ("/", "/articles/", "/themes/harbour/", "/feed/rss/", "/sitemap.xml"):
        body = client.get(url, follow=True).content.decode()
        for word in RESTRICTED_WORDS:
            assert word not in body, (url, word)
    # The address that wrote them, signed in as a reader, doesn't find them in its history.
    assert member_comments(user_id=0, email="insider@example.org") == []


def test_reimport_updates_comments_keeps_moderation_and_duplicates_nothing(
    client: Any, site: Any, tmp_path: Path, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.MASTHEAD_PAGE_CACHE_SECONDS = 600
    run("import-wordpress", str(WXR))
    ids = set(Comment.objects.values_list("pk", flat=True))
    article = budget()
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    again = run("import-wordpress", str(WXR))
    assert "6 comments" in again.splitlines()[2]  # "Unchanged since the last import: …"
    assert set(Comment.objects.values_list("pk", flat=True)) == ids

    hostile = Comment.objects.get(author_name__startswith="Eve")
    hostile.status = Comment.Status.REMOVED  # a moderator's decision
    hostile.save()
    changed = tmp_path / "changed.xml"
    changed.write_text(
        WXR.read_text()
        .replace("Good news for the pontoon.", "Good news for the pontoon, finally.")
        .replace("It is <b>good</b>", "It is <b>very good</b>")
        .replace(
            "<wp:comment_approved><![CDATA[0]]></wp:comment_approved>",
            "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>",
        ),
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        third = run("import-wordpress", str(changed))
    assert "Created: 1 comments." in third  # the comment approved since
    assert "Updated: 2 comments." in third
    assert Comment.objects.count() == len(ids) + 1
    assert by_body("Good news for the pontoon, finally.").pk in ids
    hostile.refresh_from_db()
    assert hostile.status == Comment.Status.REMOVED and "very good" in hostile.body
    assert ImportedItem.objects.filter(kind=ImportedItem.Kind.COMMENT).count() == len(ids) + 1

    # The article's cached page was purged: readers see the thread as imported now.
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    html = response.content.decode()
    assert "Good news for the pontoon, finally." in html and "Unapproved-comment-tern" in html
    assert "4 comments" in html  # three earlier, one approved since, the removed one gone


def test_a_dry_run_writes_no_comments(site: Any) -> None:
    summary = run("import-wordpress", str(WXR), "--dry-run")
    assert "6 comments" in summary.splitlines()[0]  # "Would create: …"
    assert not Comment.objects.exists()
    assert not ImportedItem.objects.exists()


def test_without_the_comments_app_comments_are_counted_not_imported(
    site: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("masthead.importers.comments.comments_app_installed", lambda: False)
    summary = run("import-wordpress", str(WXR))
    assert (
        "Comments: 7 approved comment(s) not imported: the comments app (masthead.community) "
        "is not installed."
    ) in summary
    assert not Comment.objects.exists()

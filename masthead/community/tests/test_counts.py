"""Comment counts on article lists (front page, article index, author, region and report pages,
search): correct through the page cache, purged by exact path when a thread changes, and a fixed
number of queries per listing."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.community import services
from masthead.community.models import Comment, Commenter
from masthead.news.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def comment(article, body="A comment.", status=Comment.Status.APPROVED, email="ana@example.org"):
    commenter, _ = Commenter.objects.get_or_create(
        email=email, defaults={"confirmed_at": timezone.now()}
    )
    made = Comment.objects.create(
        article=article, commenter=commenter, author_name="Ana", body=body, status=status
    )
    Comment.objects.filter(pk=made.pk).update(root=made)
    return made


def teaser_notes(client, url):
    """``{headline: note}`` for every teaser on the page, and the page's cache status."""
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    notes = {}
    for teaser in soup.select("article.teaser"):
        headline = teaser.select_one(".teaser__headline a").get_text(strip=True)
        note = teaser.select_one(".teaser__comments")
        notes[headline] = (note.get_text(strip=True), note["href"]) if note else None
    return notes, response.get("X-Page-Cache")


def listing_urls(article):
    author = article.article_authors.first().author
    return ["/", "/articles/", author.url, f"/search/?q={article.slug.split('-')[0]}"]


def test_counts_show_on_every_listing_and_follow_moderation_through_the_cache(
    client, article, settings, django_capture_on_commit_callbacks
):
    settings.MASTHEAD_PAGE_CACHE_SECONDS = 600
    other = ArticleFactory(title="Ferry timetable changes", slug="ferry-timetable")
    comment(article, "First.")
    comment(article, "Second.", email="bo@example.org")
    comment(article, "Waiting.", status=Comment.Status.PENDING, email="cy@example.org")
    waiting = Comment.objects.get(body="Waiting.")
    headline = article.title
    for url in listing_urls(article):
        notes, _cache = teaser_notes(client, url)
        assert notes[headline] == ("2 comments", f"{article.url}#comments"), url
        assert notes.get(other.title) is None  # no comments: no note
        assert teaser_notes(client, url)[1] == "hit", url  # cached as it is

    with django_capture_on_commit_callbacks(execute=True):
        services.moderate([waiting.pk], Comment.Status.APPROVED)
    for url in listing_urls(article):
        notes, cache_status = teaser_notes(client, url)
        assert cache_status == "miss", url  # purged by path, not left stale
        assert notes[headline][0] == "3 comments", url

    with django_capture_on_commit_callbacks(execute=True):
        services.moderate([waiting.pk], Comment.Status.REMOVED)
    assert teaser_notes(client, "/")[0][headline][0] == "2 comments"


def test_a_comment_purges_its_articles_listings_not_the_whole_cache(
    client, article, settings, django_capture_on_commit_callbacks
):
    settings.MASTHEAD_PAGE_CACHE_SECONDS = 600
    elsewhere = ArticleFactory(title="Harbour news", slug="harbour-news")
    client.get(elsewhere.url)
    assert client.get(elsewhere.url)["X-Page-Cache"] == "hit"
    waiting = comment(article, "New.", status=Comment.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate([waiting.pk], Comment.Status.APPROVED)
    assert client.get(elsewhere.url)["X-Page-Cache"] == "hit"  # another article's page stays
    assert client.get(article.url)["X-Page-Cache"] == "miss"


def test_counts_leave_out_hidden_comments_and_replies_under_removed_ones(
    client, article, django_capture_on_commit_callbacks
):
    top = comment(article, "Top.")
    reply = Comment.objects.create(
        article=article,
        commenter=top.commenter,
        author_name="Ana",
        body="Reply.",
        status=Comment.Status.APPROVED,
        parent=top,
        root=top,
        depth=1,
    )
    comment(article, "Spam.", status=Comment.Status.SPAM)
    assert teaser_notes(client, "/articles/")[0][article.title][0] == "2 comments"
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate([top.pk], Comment.Status.REMOVED)
    assert teaser_notes(client, "/articles/")[0][article.title] is None
    assert Comment.objects.filter(pk=reply.pk, status=Comment.Status.APPROVED).exists()


def test_comments_turned_off_site_wide_show_no_counts(client, article, rules):
    comment(article)
    rules.comments_enabled = False
    rules.save()
    assert teaser_notes(client, "/")[0][article.title] is None


def test_counts_cost_one_query_per_listing_however_many_articles(client, article):
    comment(article)

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = {url: queries(url) for url in ("/", "/articles/")}
    for n in range(6):
        comment(ArticleFactory(title=f"More news {n}", slug=f"more-news-{n}"), email=f"{n}@x.org")
    for url, count in few.items():
        assert queries(url) <= count + 2, url  # news allows its own small growth

"""Scheduled publishing (``masthead clock``'s publishing job): an article goes live at its
go-live date and comes off at its expiry date, purging the pages that show it as an editor's
publish does, and two clocks at once do each of those once."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published, page_unpublished

from masthead.news import scheduled_publishing
from masthead.news.models import ArticlePage
from masthead.news.tests.factories import ArticleFactory, RegionFactory


def schedule(article: ArticlePage, at: dt.datetime) -> None:
    """What Wagtail stores when an editor publishes ``article`` with the go-live date ``at``.
    Wagtail publishes a past date at once, so for one the article is scheduled an hour ahead
    and its dates moved back, as they stand once that hour has passed."""
    ahead = timezone.now() + dt.timedelta(hours=1)
    draft = article.get_latest_revision_as_object()  # with its regions, as the editor sees it
    draft.go_live_at = ahead
    revision = draft.save_revision()
    revision.publish()
    assert not ArticlePage.objects.get(pk=article.pk).live  # scheduled, not published
    if at != ahead:
        Page.objects.filter(pk=article.pk).update(go_live_at=at)
        revision.content["go_live_at"] = at.isoformat()
        Revision.objects.filter(pk=revision.pk).update(
            approved_go_live_at=at, content=revision.content
        )


def cached(client: Any, *paths: str) -> None:
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit", path


@pytest.fixture
def signals() -> Iterator[list[tuple[str, int]]]:
    """Every page_published and page_unpublished, as (signal, page id)."""
    seen: list[tuple[str, int]] = []

    def published(instance: Page, **kwargs: Any) -> None:
        seen.append(("published", instance.pk))

    def unpublished(instance: Page, **kwargs: Any) -> None:
        seen.append(("unpublished", instance.pk))

    page_published.connect(published, dispatch_uid="test-scheduled-published")
    page_unpublished.connect(unpublished, dispatch_uid="test-scheduled-unpublished")
    yield seen
    page_published.disconnect(dispatch_uid="test-scheduled-published")
    page_unpublished.disconnect(dispatch_uid="test-scheduled-unpublished")


@pytest.mark.django_db
def test_a_due_article_goes_live_in_one_tick_and_purges_the_pages_that_show_it(client, site):
    coast, mountains = RegionFactory(), RegionFactory()
    article = ArticleFactory(
        live=False, published_at=None, title="The dawn embargo lifts", regions=[coast]
    )
    due = timezone.now() - dt.timedelta(seconds=20)
    schedule(article, due)
    cached(client, "/", coast.url, mountains.url)

    done = scheduled_publishing.publish_scheduled()

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.first_published_at is not None
    assert article.published_at == due  # dated at its go-live time, not the tick's
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    assert done == [
        f"Published “The dawn embargo lifts” (article {article.pk}, {article.url}), due at "
        f"{timezone.localtime(due):%Y-%m-%d %H:%M %Z}."
    ]
    assert PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled").exists()
    # Purged where it shows, as an editor's publish purges; other pages keep their copy.
    for path in ("/", coast.url):
        response = client.get(path)
        assert response["X-Page-Cache"] == "miss", path
        assert "The dawn embargo lifts" in response.content.decode(), path
    assert client.get(mountains.url)["X-Page-Cache"] == "hit"
    assert client.get(article.url).status_code == 200


@pytest.mark.django_db
def test_an_article_scheduled_for_later_stays_unpublished(client, site):
    article = ArticleFactory(live=False, published_at=None)
    schedule(article, timezone.now() + dt.timedelta(minutes=5))

    assert scheduled_publishing.publish_scheduled() == []

    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live and article.first_published_at is None
    assert article.get_latest_revision().approved_go_live_at is not None  # still scheduled
    assert client.get(f"/articles/{article.slug}/").status_code == 404


@pytest.mark.django_db
def test_an_expired_article_is_unpublished_and_its_pages_purged(client, site):
    coast = RegionFactory()
    article = ArticleFactory(title="Offer ends at midnight", regions=[coast])
    cached(client, "/", coast.url, article.url)
    expired_at = timezone.now() - dt.timedelta(seconds=5)
    Page.objects.filter(pk=article.pk).update(expire_at=expired_at)

    done = scheduled_publishing.publish_scheduled()

    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live and article.expired
    assert done == [
        f"Unpublished “Offer ends at midnight” (article {article.pk}, /articles/{article.slug}/): "
        f"it expired at {timezone.localtime(expired_at):%Y-%m-%d %H:%M %Z}."
    ]
    for path in ("/", coast.url):
        response = client.get(path)
        assert response["X-Page-Cache"] == "miss", path
        assert "Offer ends at midnight" not in response.content.decode(), path
    assert client.get(f"/articles/{article.slug}/").status_code == 404


@pytest.mark.django_db
def test_two_clocks_ticking_at_once_publish_and_unpublish_once(site, monkeypatch, signals):
    """Both clocks list the due work before either does it: the second one to get there must
    find it claimed."""
    due = ArticleFactory(live=False, published_at=None)
    schedule(due, timezone.now() - dt.timedelta(seconds=1))
    expired = ArticleFactory()
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - dt.timedelta(seconds=1))
    listed_revisions, listed_expired = (
        scheduled_publishing._due_revisions,
        scheduled_publishing._expired,
    )
    other: list[list[str]] = []

    def other_clock_runs_meanwhile(listing: Any) -> Any:
        def listed(*args: Any) -> list[int]:
            found = listing(*args)
            if not other:  # once, and not from within the other clock itself
                other.append([])
                other[0] = scheduled_publishing.publish_scheduled()
            return found

        return listed

    monkeypatch.setattr(
        scheduled_publishing, "_due_revisions", other_clock_runs_meanwhile(listed_revisions)
    )
    monkeypatch.setattr(
        scheduled_publishing, "_expired", other_clock_runs_meanwhile(listed_expired)
    )

    signals.clear()

    mine = scheduled_publishing.publish_scheduled()

    assert len(other[0]) == 2  # the other clock did both
    assert mine == []
    assert sorted(signals) == sorted([("published", due.pk), ("unpublished", expired.pk)])
    assert PageLogEntry.objects.filter(action="wagtail.publish.scheduled").count() == 1
    assert PageLogEntry.objects.filter(action="wagtail.unpublish.scheduled").count() == 1


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite runs one writer at a time; the race between connections needs PostgreSQL",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_clocks_on_their_own_connections_publish_once(site, monkeypatch, signals):
    due = ArticleFactory(live=False, published_at=None)
    schedule(due, timezone.now() - dt.timedelta(seconds=1))
    listing = scheduled_publishing._due_revisions
    both_listed = threading.Barrier(2, timeout=30)

    def listed_then_wait(now: dt.datetime) -> list[int]:
        found = listing(now)
        both_listed.wait()  # each clock has the revision in its list before either claims it
        return found

    monkeypatch.setattr(scheduled_publishing, "_due_revisions", listed_then_wait)
    results: list[list[str]] = []
    signals.clear()

    def clock() -> None:
        try:
            results.append(scheduled_publishing.publish_scheduled())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=clock) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(len(lines) for lines in results) == [0, 1]
    assert signals == [("published", due.pk)]
    assert ArticlePage.objects.get(pk=due.pk).live

"""Reads: whether an article takes comments, its count, and one page of its thread.

Every function here costs a fixed number of queries however many comments an article has: a
page of top-level comments, then all their replies through ``root`` in one more query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Site

from masthead.news.models import ArticlePage
from masthead.news.selectors import readable_articles
from masthead.server.page_cache import until_purged

from .models import ArticleDiscussion, Comment, CommunitySettings
from .text import render_comment


@dataclass
class ThreadComment:
    """A comment as the thread shows it: its rendered words and its visible replies."""

    id: int
    author_name: str
    html: str
    created_at: dt.datetime
    edited: bool
    depth: int
    replies: list[ThreadComment] = field(default_factory=list)


@dataclass(frozen=True)
class DiscussionState:
    enabled: bool  # the site shows comments at all
    open: bool  # the thread takes new comments (from members only, when members_only)
    members_only: bool  # only readers signed in to their account may comment
    closed_reason: str  # "" when open: "article", "age" or "site"


def community_settings() -> CommunitySettings:
    """The default site's settings, read once per process until the next purge (every page
    with comments or comment counts reads them; a change to them purges every page)."""
    return until_purged("community.settings", _read_community_settings)


def _read_community_settings() -> CommunitySettings:
    found = CommunitySettings.objects.filter(site__is_default_site=True).first()
    if found is not None:
        return found
    site = Site.objects.filter(is_default_site=True).first()
    return CommunitySettings.for_site(site) if site else CommunitySettings()


def readable_article(article_id: int) -> ArticlePage | None:
    """The article, if every reader may read it: comments never outlive an article's privacy."""
    return readable_articles().filter(pk=article_id).first()


def discussion_state(article: ArticlePage, rules: CommunitySettings) -> DiscussionState:
    members_only = rules.who_may_comment == CommunitySettings.Who.MEMBERS
    if not rules.comments_enabled:
        return DiscussionState(False, False, members_only, "site")
    if ArticleDiscussion.objects.filter(article=article, closed=True).exists():
        return DiscussionState(True, False, members_only, "article")
    published = article.published_at or article.first_published_at
    closes_at = published + dt.timedelta(days=rules.close_after_days) if published else None
    if rules.close_after_days and closes_at and timezone.now() > closes_at:
        return DiscussionState(True, False, members_only, "age")
    return DiscussionState(True, True, members_only, "")


def visible_comments(article_id: int):
    """Approved comments whose thread is approved: what readers see and count."""
    return Comment.objects.filter(
        article_id=article_id, status=Comment.Status.APPROVED, root__status=Comment.Status.APPROVED
    )


def comment_count(article_id: int) -> int:
    return visible_comments(article_id).count()


def comment_counts(article_ids: Iterable[int]) -> dict[int, int]:
    """Visible comments per article, for a whole listing in one query (articles without any
    are left out)."""
    rows = (
        Comment.objects.filter(
            article_id__in=list(article_ids),
            status=Comment.Status.APPROVED,
            root__status=Comment.Status.APPROVED,
        )
        .values("article_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["article_id"]: row["count"] for row in rows}


def thread_page(article_id: int, page_number: int | str = 1) -> tuple[Page, list[ThreadComment]]:
    """One page of top-level comments (oldest first) with all their visible replies."""
    roots = visible_comments(article_id).filter(depth=0).order_by("created_at", "pk")
    paginator = Paginator(
        roots.only("pk", "author_name", "body", "created_at", "edited_at", "depth"),
        settings.MASTHEAD_COMMENTS_PER_PAGE,
    )
    page = paginator.get_page(page_number)
    root_ids = [comment.pk for comment in page.object_list]
    replies = (
        visible_comments(article_id)
        .filter(root_id__in=root_ids, depth__gt=0)
        .order_by("created_at", "pk")
        .only("pk", "parent_id", "author_name", "body", "created_at", "edited_at", "depth")
    )
    by_id: dict[int, ThreadComment] = {}
    threads = []
    for comment in page.object_list:
        node = _thread_comment(comment)
        by_id[comment.pk] = node
        threads.append(node)
    for reply in replies:  # oldest first, so a parent is always placed before its replies
        parent = by_id.get(reply.parent_id)
        if parent is not None:  # a reply under a removed comment stays hidden with it
            node = _thread_comment(reply)
            by_id[reply.pk] = node
            parent.replies.append(node)
    return page, threads


def _thread_comment(comment: Comment) -> ThreadComment:
    return ThreadComment(
        id=comment.pk,
        author_name=comment.author_name,
        html=render_comment(comment.body),
        created_at=comment.created_at,
        edited=comment.edited_at is not None,
        depth=comment.depth,
    )


def latest_comments(article_id: int, limit: int) -> list[Comment]:
    """The newest visible comments, for the article's comment feed."""
    return list(visible_comments(article_id).order_by("-created_at", "-pk")[:limit])


def member_comments(user_id: int, email: str, limit: int = 100) -> list[Comment]:
    """A signed-in reader's comments, newest first: those written signed in, and those they
    wrote as a guest with the address their account has. Only on articles every reader may
    read: a restricted article's title and thread show nowhere, not even to its commenters."""
    return list(
        Comment.objects.filter(
            Q(commenter__user_id=user_id) | Q(commenter__email=email, commenter__user__isnull=True)
        )
        .filter(article_id__in=readable_articles().values("pk"))
        .exclude(status=Comment.Status.DELETED)
        .select_related("article")
        .order_by("-created_at", "-pk")[:limit]
    )

"""The community's part of the demo publication: a thread with replies, a comment in the
moderation queue and an article with comments closed, read from ``fixtures/demo_comments.yaml``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from masthead.news.models import ArticlePage

from .models import ArticleDiscussion, Comment, Commenter

DEMO_COMMENTS = Path(__file__).with_name("fixtures") / "demo_comments.yaml"


def load_demo_comments(demo_articles: Iterable[ArticlePage]) -> int:
    """Create the demo comments on the demo loader's articles once; running it again changes
    nothing. Returns how many were created."""
    data = yaml.safe_load(DEMO_COMMENTS.read_text(encoding="utf-8"))
    articles = {article.slug: article for article in demo_articles}
    # Only these articles' comments count: the old blog's arrive by import, before these.
    if Comment.objects.filter(article__in=articles.values()).exists():
        return 0
    created = 0
    with transaction.atomic():
        for thread in data["threads"]:
            article = articles.get(thread["article"])
            if article is None:
                continue
            start = timezone.now() - dt.timedelta(hours=6)
            for n, spec in enumerate(thread["comments"]):
                top = _comment(article, spec, None, start + dt.timedelta(minutes=30 * n))
                created += 1
                for m, reply in enumerate(spec.get("replies", [])):
                    _comment(
                        article, reply, top, top.created_at + dt.timedelta(minutes=5 * (m + 1))
                    )
                    created += 1
        for slug in data["closed"]:
            if slug in articles:
                ArticleDiscussion.objects.update_or_create(
                    article=articles[slug], defaults={"closed": True}
                )
    return created


def _comment(
    article: ArticlePage, spec: dict[str, Any], parent: Comment | None, at: dt.datetime
) -> Comment:
    commenter, _ = Commenter.objects.get_or_create(
        email=spec["email"], defaults={"confirmed_at": at}
    )
    status = spec.get("status", Comment.Status.APPROVED)
    comment = Comment.objects.create(
        article=article,
        parent=parent,
        root=parent,
        depth=1 if parent else 0,
        commenter=commenter,
        author_name=spec["name"],
        body=spec["body"].strip(),
        language="en",
        status=status,
        status_reason="First comment from this address" if status == "pending" else "",
        created_at=at,
        approved_at=at if status == Comment.Status.APPROVED else None,
    )
    if parent is None:
        Comment.objects.filter(pk=comment.pk).update(root=comment)
        comment.root_id = comment.pk
    return comment

"""Reads for the public archive."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from masthead.news.reader_articles import reader_articles

from .models import NewsletterIssue
from .rendering import issue_articles


def archive_issues() -> QuerySet[NewsletterIssue]:
    return NewsletterIssue.objects.filter(status=NewsletterIssue.Status.SENT).order_by(
        "-sent_at", "-pk"
    )


def web_issue(issue: NewsletterIssue, language: str) -> dict[str, Any] | None:
    """An issue as a web page: its articles in the reader's language where translated."""
    articles = reader_articles(issue_articles(issue), language)
    return {"issue": issue, "articles": articles}

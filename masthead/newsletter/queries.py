"""Reads for the public archive."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import NewsletterIssue
from .rendering import article_text_for, issue_articles


def archive_issues() -> QuerySet[NewsletterIssue]:
    return NewsletterIssue.objects.filter(status=NewsletterIssue.Status.SENT).order_by(
        "-sent_at", "-pk"
    )


def web_issue(issue: NewsletterIssue, language: str) -> dict[str, Any] | None:
    """An issue as a web page: its articles in the reader's language where translated."""
    articles = issue_articles(issue)
    entries = [
        {"article": article, "text": article_text_for(article, language)} for article in articles
    ]
    return {"issue": issue, "entries": entries}

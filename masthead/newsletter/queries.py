"""Reads for the public archive."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import NewsletterIssue
from .rendering import article_texts_for, issue_articles


def archive_issues() -> QuerySet[NewsletterIssue]:
    return NewsletterIssue.objects.filter(status=NewsletterIssue.Status.SENT).order_by(
        "-sent_at", "-pk"
    )


def web_issue(issue: NewsletterIssue, language: str) -> dict[str, Any] | None:
    """An issue as a web page: its articles in the reader's language where translated."""
    articles = issue_articles(issue)
    texts = article_texts_for(articles, language)
    entries = [
        {"article": article, "text": text} for article, text in zip(articles, texts, strict=True)
    ]
    return {"issue": issue, "entries": entries}

"""Writes: counting a view of a republished article (atomic under concurrent hits) and
recording the republishing page's title, looked up in the background."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import RepublishedView
from .page_titles import fetch_page_title
from .tasks import look_up_page_title

MAX_URL_LENGTH = 2000


def republishing_page(referer: str, own_host: str) -> str:
    """The republisher's page from a ``Referer`` header: scheme, host and path only; ``""``
    for anything else (no header, not http(s), our own site, absurdly long)."""
    try:
        parts = urlsplit(referer.strip())
        hostname = parts.hostname
    except ValueError:
        return ""
    if parts.scheme not in {"http", "https"} or not hostname or parts.username or parts.password:
        return ""
    if parts.netloc.lower() == own_host.lower():
        return ""
    page = urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", "", ""))
    return page if len(page) <= MAX_URL_LENGTH and "\x00" not in page else ""


def count_view(article_id: int, page_url: str) -> None:
    """One more view of the article on ``page_url``: a single UPDATE of the count, or the
    first row; two first hits at once both count (the loser of the insert updates)."""
    now = timezone.now()
    rows = RepublishedView.objects.filter(article_id=article_id, page_url=page_url)
    if rows.update(views=F("views") + 1, last_seen_at=now):
        return
    try:
        with transaction.atomic():
            view = RepublishedView.objects.create(
                article_id=article_id, page_url=page_url, views=1, first_seen_at=now
            )
    except IntegrityError:
        rows.update(views=F("views") + 1, last_seen_at=now)
        return
    transaction.on_commit(lambda: look_up_page_title.enqueue(view.pk))


def record_page_title(view_id: int, *, allow_private: bool = False) -> None:
    view = RepublishedView.objects.filter(pk=view_id).first()
    if view is None:
        return
    title = fetch_page_title(view.page_url, allow_private=allow_private)
    RepublishedView.objects.filter(pk=view_id).update(
        page_title=title, title_looked_up_at=timezone.now()
    )

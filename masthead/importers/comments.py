"""Imported posts' approved comments, into the comments app when it is installed.

Each comment is keyed by its post's and its own id at the source (``ImportedItem``, kind
``comment``), with a digest of what was imported: a re-run updates what changed, duplicates
nothing and leaves the rest alone. Replies keep their thread; a reply to a comment that was not
imported (spam, unapproved) is left out with it, and counted. Without the comments app the
approved comments are only counted, so the summary can say that a later run will bring them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import ValidationError

from masthead.news.models import ArticlePage

from .models import ImportedItem
from .records import SourceComment, SourcePost

COMMUNITY_APP = "masthead.community"
# Bump when what a comment becomes changes, so a re-run brings every comment up to date.
COMMENT_VERSION = "1"
ORPHANED = "replies to comments left out"


@dataclass
class CommentTally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    not_imported: int = 0  # approved, but there is no comments app to take them
    left_out: Counter[str] = field(default_factory=Counter)


def comments_app_installed() -> bool:
    return apps.is_installed(COMMUNITY_APP)


def import_comments(source: str, post: SourcePost, page: ArticlePage, tally: CommentTally) -> None:
    """Bring ``post``'s comments onto ``page``; the caller holds the post's transaction."""
    tally.left_out.update(dict(post.comments_left_out))
    if not post.comments:
        return
    if not comments_app_installed():
        tally.not_imported += len(post.comments)
        return
    from masthead.community.imported import ImportedComment, save_imported_comment
    from masthead.community.models import Comment

    prefix = f"{post.key}/"
    records = {
        record.source_id: record
        for record in ImportedItem.objects.filter(
            source=source, kind=ImportedItem.Kind.COMMENT, source_id__startswith=prefix
        )
    }
    alive = set(
        Comment.objects.filter(
            pk__in=[r.object_id for r in records.values() if r.object_id], article=page
        ).values_list("pk", flat=True)
    )
    saved: dict[str, int] = {}  # source comment key -> comment id here
    for comment in _parents_first(post.comments, tally):
        parent_id = saved.get(comment.parent_key) if comment.parent_key else None
        if comment.parent_key and parent_id is None:
            tally.left_out[ORPHANED] += 1
            continue
        source_id = prefix + comment.key
        record = records.get(source_id)
        existing_id = record.object_id if record and record.object_id in alive else None
        digest = hashlib.sha256(f"{COMMENT_VERSION}|{parent_id}|{comment!r}".encode()).hexdigest()
        if existing_id is not None and record is not None and record.digest == digest:
            saved[comment.key] = existing_id
            tally.unchanged += 1
            continue
        try:
            comment_id = save_imported_comment(
                page,
                ImportedComment(
                    name=comment.author_name,
                    email=comment.author_email,
                    html=comment.html,
                    written_at=comment.written_at,
                ),
                parent_id=parent_id,
                existing_id=existing_id,
            )
        except ValidationError:
            tally.left_out[ORPHANED] += 1
            continue
        ImportedItem.objects.update_or_create(
            source=source,
            kind=ImportedItem.Kind.COMMENT,
            source_id=source_id,
            defaults={"object_id": comment_id, "digest": digest, "page": None},
        )
        saved[comment.key] = comment_id
        if existing_id is None:
            tally.created += 1
        else:
            tally.updated += 1


def _parents_first(comments: tuple[SourceComment, ...], tally: CommentTally) -> list[SourceComment]:
    """Comments ordered so each comes after the one it replies to; replies to comments that
    aren't there (or that reply, in a loop, to themselves) are left out and counted."""
    by_key = {comment.key: comment for comment in comments}
    depth: dict[str, int | None] = {}  # None: can't be placed
    for comment in comments:
        chain: list[str] = []
        current: SourceComment | None = comment
        base: int | None = None
        while current is not None:
            if current.key in depth:
                base = depth[current.key]
                break
            if current.key in chain:
                break  # a loop
            chain.append(current.key)
            if not current.parent_key:
                base = -1
                break
            current = by_key.get(current.parent_key)
        for position, key in enumerate(chain):
            depth[key] = None if base is None else base + len(chain) - position
    ordered = sorted(
        (c for c in comments if depth.get(c.key) is not None), key=lambda c: depth[c.key] or 0
    )
    tally.left_out[ORPHANED] += len(comments) - len(ordered)
    return ordered

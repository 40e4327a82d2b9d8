"""Comments brought in from another platform: the importers' one way into the comments app.

An imported comment was approved where it was written, so it arrives approved: no spam check,
no moderation queue, no confirmation or reply mail. Its words are converted from the source's
HTML into the text comments are stored as (``text.text_from_html``), so the page renders it
like any other comment, through the same allow-list. A moderator's later decision (removed,
spam) stands when the import runs again; the words, name and date are brought up to date.
Who may see it is the article's business: an article readers can't read shows no comments
anywhere (``queries.readable_article``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from masthead.email_address import normalise_email
from masthead.news.models import ArticlePage
from masthead.server.purging import purge_article

from .models import Comment, Commenter
from .text import text_from_html

NAME_LENGTH = Comment._meta.get_field("author_name").max_length
_NOT_IN_A_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


@dataclass(frozen=True)
class ImportedComment:
    name: str
    email: str  # as the source had it; kept only when it is one valid address
    html: str
    written_at: dt.datetime | None = None


def save_imported_comment(
    article: ArticlePage,
    comment: ImportedComment,
    *,
    parent_id: int | None = None,
    existing_id: int | None = None,
) -> int:
    """Create the comment (or bring ``existing_id`` up to date) as a reply to ``parent_id``;
    returns its id. Replies deeper than the site nests join the deepest level, as readers'
    replies do."""
    with transaction.atomic():
        parent = _parent(article, parent_id)
        existing = (
            Comment.objects.filter(pk=existing_id, article=article).first() if existing_id else None
        )
        fields = {
            "author_name": _name(comment.name),
            "commenter": _commenter(comment.email),
            "body": text_from_html(comment.html),
            "created_at": comment.written_at or timezone.now(),
            "parent": parent,
            "depth": parent.depth + 1 if parent else 0,
        }
        if existing is None:
            saved = Comment.objects.create(
                article=article,
                status=Comment.Status.APPROVED,
                approved_at=fields["created_at"],
                **fields,
            )
        else:
            saved = existing
            for name, value in fields.items():
                setattr(saved, name, value)
            saved.save()
        root_id = parent.root_id if parent else saved.pk
        if saved.root_id != root_id:
            Comment.objects.filter(pk=saved.pk).update(root_id=root_id)
        article_id = article.pk
        # The article's pages show the thread and its count.
        transaction.on_commit(lambda: purge_article(article_id))
    return saved.pk


def _parent(article: ArticlePage, parent_id: int | None) -> Comment | None:
    if parent_id is None:
        return None
    parent = Comment.objects.filter(pk=parent_id, article=article).select_related("parent").first()
    if parent is None:
        raise ValidationError(_("The comment it replies to is not on this article."))
    from .queries import community_settings

    deepest = max(community_settings().reply_depth, 1)  # an imported reply stays a reply
    while parent.depth >= deepest and parent.parent is not None:
        parent = parent.parent
    return parent


def _name(raw: str) -> str:
    """One line, at most the field's length: exports carry line breaks and any length."""
    name = " ".join(_NOT_IN_A_NAME.sub(" ", raw or "").split())
    if len(name) > NAME_LENGTH:
        name = name[: NAME_LENGTH - 1].rstrip() + "…"
    if not name:
        with translation.override(settings.LANGUAGE_CODE):
            name = _("Anonymous")
    return name


def _commenter(raw_email: str) -> Commenter | None:
    """The commenter with this address (so a reader who commented there finds these comments
    among theirs here), unconfirmed: an export proves no one owns an address."""
    try:
        email = normalise_email(raw_email)
    except ValidationError:
        return None
    return Commenter.objects.get_or_create(email=email)[0]

"""The community's part of a reader's account, which the membership app owns: their comment
history on the account page, their comments in "download my data", and what happens to their
comments when the account is deleted (the site's setting: kept anonymised, or removed).

Neither app imports the other: the account page and the export ask news's extension point
(``account`` slot, ``ACCOUNT_DATA_HOOK``); deletion is the deletion of the Django user, which
this module hears through ``pre_delete``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from masthead.news import extensions
from masthead.server.purging import purge_article

from .models import Comment, Commenter, CommunitySettings
from .queries import community_settings, member_comments
from .tokens import author_token


def comment_history(context: extensions.FragmentContext) -> str:
    """The ``account`` slot: the signed-in reader's comments, each with its thread and the
    page where its author edits or deletes it."""
    user = getattr(context.request, "user", None)
    account = extensions.reader_account(user)
    if account is None:
        return ""
    comments = member_comments(account.user_id, account.email)
    with translation.override(context.language):
        items = [
            {
                "comment": comment,
                "thread_url": reverse("community:comments", args=[comment.article_id])
                + (f"#comment-{comment.pk}" if comment.status == Comment.Status.APPROVED else ""),
                "manage_url": reverse("community:yours", args=[author_token(comment.pk)]),
            }
            for comment in comments
        ]
        rules = community_settings()
        return render_to_string(
            "community/includes/account_comments.html",
            {
                "comments": items,
                "keeps_anonymised": rules.on_account_deletion
                == CommunitySettings.OnAccountDeletion.ANONYMISE,
            },
        )


def export(user: Any) -> dict[str, Any]:
    """The ``ACCOUNT_DATA_HOOK``: the reader's comments for "download my data"."""
    account = extensions.reader_account(user)
    if account is None:
        return {}
    return {
        "comments": [
            {
                "article": comment.article.title,
                "written": comment.created_at.isoformat(),
                "name": comment.author_name,
                "text": comment.body,
                "status": comment.status,
                "ip_address": comment.ip_address,
            }
            for comment in member_comments(account.user_id, account.email, limit=10_000)
        ]
    }


def forget_deleted_user(sender: type, instance: Any, **kwargs: Any) -> None:
    """``pre_delete`` of the user model: before a reader's account goes, their comments are
    anonymised (words kept; name, address and IP gone) or removed, as the site's setting says,
    in the same transaction. Staff users without a reader account have no commenter."""
    account = extensions.reader_account(instance)
    commenters = Commenter.objects.filter(user_id=instance.pk)
    if account is not None:
        commenters = commenters | Commenter.objects.filter(email=account.email, user__isnull=True)
    commenter_ids = list(commenters.values_list("pk", flat=True))
    if not commenter_ids:
        return
    comments = Comment.objects.filter(commenter_id__in=commenter_ids)
    article_ids = set(comments.values_list("article_id", flat=True))
    if community_settings().on_account_deletion == CommunitySettings.OnAccountDeletion.REMOVE:
        # As an author's own delete: the words go, and replies stay hidden with them.
        comments.update(status=Comment.Status.DELETED, body="", status_reason="")
    with translation.override(settings.LANGUAGE_CODE):
        former = _("Former reader")
    comments.update(
        author_name=former, ip_address=None, notify_replies=False, commenter=None, hold_reason=""
    )
    Commenter.objects.filter(pk__in=commenter_ids).delete()
    for article_id in article_ids:
        transaction.on_commit(lambda article_id=article_id: purge_article(article_id))

"""Every change to comments happens here: posting, confirming, moderating, flagging, editing.

Each function runs in one transaction, so nothing is half-written; mail and cache refreshes are
queued with ``on_commit``, after the change is saved. Anything a reader caused that we refuse
raises :class:`CommentRefused` with a message for them.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from masthead.news.extensions import ReaderAccount
from masthead.news.models import ArticlePage
from masthead.server.base_url import absolute_url
from masthead.server.purging import purge_article

from . import screening
from .models import Ban, Comment, Commenter, CommentFlag, CommunitySettings
from .queries import community_settings, discussion_state
from .text import count_links

EDIT_WINDOW = dt.timedelta(minutes=10)


class CommentRefused(Exception):
    """A reader's comment (or edit, or flag) that the outlet won't take, and why."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def post_comment(
    *,
    article: ArticlePage,
    name: str,
    email: str,
    body: str,
    parent_id: int | None = None,
    notify_replies: bool = False,
    ip: str | None = None,
    language: str = "",
    member: ReaderAccount | None = None,
) -> Comment:
    """Store a comment in the state the rules give it: a guest's (``email`` already
    normalised), or a signed-in ``member``'s, whose account gives name and address.

    Unconfirmed guests get a confirmation mail and their comment waits for it; a confirmed
    address (every member's) goes through moderation; spam is kept, out of sight, for the queue.
    """
    if member is not None:
        name, email = member.name, member.email
    rules = community_settings()
    state = discussion_state(article, rules)
    if not state.enabled or not state.open:
        raise CommentRefused(_("Comments on this article are closed."), status=403)
    if state.members_only and member is None:
        raise CommentRefused(_("Only members can comment here. Sign in first."), status=403)
    if is_banned(email, ip):
        raise CommentRefused(_("This address can't comment here."), status=403)
    parent = _parent(article, parent_id, rules)
    verdict = screening.screen(
        body=body,
        email=email,
        name=name,
        ip=ip,
        rules=rules,
        permalink=absolute_url(article.url or ""),
        language=language,
    )
    hold_reason = verdict.hold_reason
    with transaction.atomic():
        commenter = _commenter(email, member)
        if member is None and commenter.user_id is not None:
            # Someone typed a reader account's address without signing in: it may not be them,
            # so a moderator looks before it shows under the member's account.
            hold_reason = _("A reader account's address, not signed in")
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            root=parent.root if parent else None,
            depth=parent.depth + 1 if parent else 0,
            commenter=commenter,
            author_name=name,
            body=body,
            language=language[:16],
            notify_replies=notify_replies,
            ip_address=ip,
            hold_reason=hold_reason[:200],
        )
        if parent is None:
            Comment.objects.filter(pk=comment.pk).update(root=comment)
            comment.root_id = comment.pk
        if verdict.spam_reason:
            _set_status(comment, Comment.Status.SPAM, verdict.spam_reason)
        elif commenter.is_confirmed:
            _set_status(comment, *_moderated_status(comment, commenter, rules))
        else:
            commenter_id = commenter.pk
            transaction.on_commit(lambda: _queue_confirmation(commenter_id, comment.pk))
    return comment


def _commenter(email: str, member: ReaderAccount | None) -> Commenter:
    """The guest with this address, or the member's commenter: linked to their user, and
    confirmed (signing in by emailed link proved the address). A member who commented as a
    guest before keeps those comments."""
    if member is None:
        return Commenter.objects.get_or_create(email=email)[0]
    commenter = (
        Commenter.objects.select_for_update().filter(user_id=member.user_id).first()
        or Commenter.objects.select_for_update().filter(email=email, user__isnull=True).first()
    )
    if commenter is None:
        return Commenter.objects.create(
            email=email, user_id=member.user_id, confirmed_at=timezone.now()
        )
    commenter.user_id = member.user_id
    commenter.confirmed_at = commenter.confirmed_at or timezone.now()
    if commenter.email != email and not Commenter.objects.filter(email=email).exists():
        commenter.email = email  # the account's address changed
    commenter.save(update_fields=["user", "confirmed_at", "email"])
    return commenter


def confirm_commenter(commenter_id: int) -> Commenter | None:
    """Confirm a guest's address (idempotent) and moderate the comments that waited for it."""
    with transaction.atomic():
        commenter = Commenter.objects.select_for_update().filter(pk=commenter_id).first()
        if commenter is None:
            return None
        if commenter.confirmed_at is None:
            commenter.confirmed_at = timezone.now()
            commenter.save(update_fields=["confirmed_at"])
        rules = community_settings()
        waiting = commenter.comments.filter(status=Comment.Status.UNCONFIRMED).order_by("pk")
        for comment in waiting:
            _set_status(comment, *_moderated_status(comment, commenter, rules))
    return commenter


def moderate(comment_ids: Iterable[int], status: str, reason: str = "") -> int:
    """An editor's decision on comments (approve, back to pending, spam, remove)."""
    if status not in {
        Comment.Status.APPROVED,
        Comment.Status.PENDING,
        Comment.Status.SPAM,
        Comment.Status.REMOVED,
    }:
        raise ValueError(f"Editors can't set a comment to {status!r}.")
    changed = 0
    with transaction.atomic():
        for comment in Comment.objects.select_for_update().filter(pk__in=list(comment_ids)):
            if comment.status != status:
                _set_status(comment, status, reason)
                changed += 1
    return changed


def flag_comment(comment_id: int, reader_key: str) -> bool:
    """A reader's flag; enough of them send an approved comment back to the queue."""
    rules = community_settings()
    with transaction.atomic():
        comment = (
            Comment.objects.select_for_update()
            .filter(pk=comment_id, status=Comment.Status.APPROVED)
            .first()
        )
        if comment is None:
            return False
        try:
            with transaction.atomic():
                CommentFlag.objects.create(comment=comment, reader_key=reader_key)
        except IntegrityError:
            return True  # this reader flagged it already
        Comment.objects.filter(pk=comment.pk).update(flag_count=F("flag_count") + 1)
        comment.refresh_from_db(fields=["flag_count"])
        if comment.flag_count >= rules.flags_to_requeue:
            _set_status(comment, Comment.Status.PENDING, _("Flagged by readers"))
    return True


def edit_comment(comment_id: int, body: str) -> Comment:
    """The author's edit within the edit window; it goes through every check a new comment does."""
    rules = community_settings()
    with transaction.atomic():
        comment = (
            # Lock the comment's row only: PostgreSQL can't lock the nullable side of the join
            # (an anonymised comment has no commenter).
            Comment.objects.select_for_update(of=("self",))
            .select_related("commenter", "article")
            .get(pk=comment_id)
        )
        if comment.commenter is None or comment.status in {
            Comment.Status.DELETED,
            Comment.Status.REMOVED,
        }:
            raise CommentRefused(_("This comment can no longer be changed."), status=403)
        if timezone.now() > comment.created_at + EDIT_WINDOW:
            raise CommentRefused(
                _("Comments can be edited for %(minutes)d minutes after posting.")
                % {"minutes": EDIT_WINDOW.seconds // 60},
                status=403,
            )
        verdict = screening.screen(
            body=body,
            email=comment.commenter.email,
            name=comment.author_name,
            ip=comment.ip_address,
            rules=rules,
            permalink=absolute_url(comment.article.url or ""),
            language=comment.language,
        )
        comment.body = body
        comment.edited_at = timezone.now()
        comment.hold_reason = verdict.hold_reason[:200]
        comment.save(update_fields=["body", "edited_at", "hold_reason"])
        if verdict.spam_reason:
            _set_status(comment, Comment.Status.SPAM, verdict.spam_reason)
        elif comment.status != Comment.Status.UNCONFIRMED:
            # Not "stays approved": an approved empty comment edited into spam goes back to the
            # queue like any new comment would.
            _set_status(comment, *_moderated_status(comment, comment.commenter, rules, edit=True))
    return comment


def delete_comment(comment_id: int) -> None:
    """The author's delete: the words go; replies stay hidden with it."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment_id)
        comment.body = ""
        comment.save(update_fields=["body"])
        _set_status(comment, Comment.Status.DELETED, "")


def ban_writers(comment_ids: Iterable[int], reason: str, until: dt.datetime | None = None) -> int:
    """Ban the addresses that wrote these comments (an editor's bulk action)."""
    emails = set(
        Comment.objects.filter(pk__in=list(comment_ids), commenter__isnull=False).values_list(
            "commenter__email", flat=True
        )
    )
    with transaction.atomic():
        for email in emails:
            Ban.objects.get_or_create(email=email, until=until, defaults={"reason": reason[:200]})
    return len(emails)


def writers_network(ip: str) -> str:
    """The range an IP-range ban covers: a /24 for IPv4, a /64 for IPv6 (one home or office
    line, whose address changes within it)."""
    prefix = 24 if ipaddress.ip_address(ip).version == 4 else 64
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def ban_networks(comment_ids: Iterable[int], reason: str, until: dt.datetime | None = None) -> int:
    """Ban the IP ranges these comments were sent from (an editor's bulk action)."""
    networks = {
        writers_network(ip)
        for ip in Comment.objects.filter(pk__in=list(comment_ids), ip_address__isnull=False)
        .values_list("ip_address", flat=True)
        .distinct()
    }
    with transaction.atomic():
        for network in networks:
            Ban.objects.get_or_create(
                ip_network=network, email="", until=until, defaults={"reason": reason[:200]}
            )
    return len(networks)


def unsubscribe_notifications(commenter_id: int) -> bool:
    return bool(Commenter.objects.filter(pk=commenter_id).update(reply_notifications_off=True))


def is_banned(email: str, ip: str | None) -> bool:
    now = timezone.now()
    bans = Ban.objects.filter(Q(until__isnull=True) | Q(until__gt=now))
    domain = "@" + email.rpartition("@")[2]
    if bans.filter(email__in=[email, domain]).exists():
        return True
    if not ip:
        return False
    address = ipaddress.ip_address(ip)
    for network in bans.exclude(ip_network="").values_list("ip_network", flat=True):
        try:
            if address in ipaddress.ip_network(network, strict=False):
                return True
        except ValueError:
            continue
    return False


def _parent(
    article: ArticlePage, parent_id: int | None, rules: CommunitySettings
) -> Comment | None:
    if parent_id is None:
        return None
    if rules.reply_depth == 0:
        raise CommentRefused(_("Replies are turned off; write a new comment instead."))
    parent = (
        Comment.objects.filter(pk=parent_id, article=article, status=Comment.Status.APPROVED)
        .select_related("parent")
        .first()
    )
    if parent is None:
        raise CommentRefused(_("The comment you replied to isn't there any more."))
    # Deeper than the site allows: the reply joins the conversation at the deepest level.
    while parent.depth >= rules.reply_depth and parent.parent is not None:
        parent = parent.parent
    return parent


def _moderated_status(
    comment: Comment, commenter: Commenter, rules: CommunitySettings, edit: bool = False
) -> tuple[str, str]:
    if comment.hold_reason:
        return Comment.Status.PENDING, comment.hold_reason
    mode = rules.moderation
    if mode == CommunitySettings.Moderation.ALL:
        return Comment.Status.PENDING, _("Every comment is moderated")
    if mode == CommunitySettings.Moderation.LINKS and count_links(comment.body):
        return Comment.Status.PENDING, _("Has links")
    if mode == CommunitySettings.Moderation.FIRST:
        approved_before = (
            commenter.comments.filter(status=Comment.Status.APPROVED)
            .exclude(pk=comment.pk)
            .exists()
        )
        if not approved_before:
            return Comment.Status.PENDING, _("First comment from this address")
    if edit and comment.status == Comment.Status.PENDING:
        return Comment.Status.PENDING, comment.status_reason
    return Comment.Status.APPROVED, ""


def _set_status(comment: Comment, status: str, reason: str) -> None:
    """Save a new status and queue what follows it once the transaction commits."""
    was_visible = comment.status == Comment.Status.APPROVED
    comment.status = status
    comment.status_reason = reason[:200]
    fields = ["status", "status_reason"]
    if status == Comment.Status.APPROVED and comment.approved_at is None:
        comment.approved_at = timezone.now()
        fields.append("approved_at")
    comment.save(update_fields=fields)
    if status == Comment.Status.APPROVED or was_visible:
        # The article's cached pages show the thread: make them fresh.
        transaction.on_commit(lambda: purge_article(comment.article_id))
    if (
        status == Comment.Status.APPROVED
        and comment.parent_id
        and comment.reply_notified_at is None
    ):
        comment_id = comment.pk
        transaction.on_commit(lambda: _queue_reply_notification(comment_id))


def _queue_confirmation(commenter_id: int, comment_id: int) -> None:
    from .tasks import send_confirmation

    # One confirmation mail per address per window, however many comments wait for it.
    if cache.add(
        f"masthead:community:confirm-sent:{commenter_id}",
        1,
        settings.MASTHEAD_COMMENT_CONFIRM_RESEND_SECONDS,
    ):
        send_confirmation.enqueue(commenter_id, comment_id)


def _queue_reply_notification(comment_id: int) -> None:
    from .tasks import send_reply_notification

    send_reply_notification.enqueue(comment_id)

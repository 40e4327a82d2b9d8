"""Background work: each task takes ids and calls one function."""

from __future__ import annotations

from django_tasks import task

from . import mail


@task()
def send_confirmation(commenter_id: int, comment_id: int) -> bool:
    return mail.send_confirmation(commenter_id, comment_id)


@task()
def send_reply_notification(reply_id: int) -> bool:
    return mail.send_reply_notification(reply_id)


@task()
def send_moderation_digest() -> int:
    return mail.send_moderation_digest()

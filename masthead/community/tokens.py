"""Signed tokens in the links and forms readers get: each purpose has its own salt, so a token
made for one purpose (or one comment, or one commenter) is useless for another."""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "masthead.community.confirm"
AUTHOR_SALT = "masthead.community.author"
NOTIFICATIONS_SALT = "masthead.community.notifications"
FORM_SALT = "masthead.community.form-time"


def confirm_token(commenter_id: int) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(commenter_id))


def commenter_for_confirm_token(token: str) -> int | None:
    """The commenter in a confirmation link, or None if forged, malformed or expired."""
    max_age = dt.timedelta(days=settings.MASTHEAD_COMMENT_CONFIRM_DAYS)
    return _int(signing.TimestampSigner(salt=CONFIRM_SALT), token, max_age)


def author_token(comment_id: int) -> str:
    """Lets a comment's author edit (for a while) and delete it; shown to them after posting."""
    return signing.Signer(salt=AUTHOR_SALT).sign(str(comment_id))


def comment_for_author_token(token: str) -> int | None:
    return _int(signing.Signer(salt=AUTHOR_SALT), token)


def notifications_token(commenter_id: int) -> str:
    """For one-click unsubscribe from reply notifications; never expires (RFC 8058)."""
    return signing.Signer(salt=NOTIFICATIONS_SALT).sign(str(commenter_id))


def commenter_for_notifications_token(token: str) -> int | None:
    return _int(signing.Signer(salt=NOTIFICATIONS_SALT), token)


def form_timestamp() -> str:
    """A signed 'form shown at' stamp, so a submission faster than a person types is refused."""
    return signing.TimestampSigner(salt=FORM_SALT).sign("comment")


def form_age_seconds(stamp: str) -> float | None:
    """Seconds since the form was shown, or None when the stamp is missing, forged or stale."""
    signer = signing.TimestampSigner(salt=FORM_SALT)
    try:
        signer.unsign(stamp, max_age=dt.timedelta(days=1))
        shown_at = signing.b62_decode(stamp.rsplit(signer.sep, 2)[1])
    except (signing.BadSignature, ValueError, IndexError):
        return None
    return max(0.0, time.time() - shown_at)


def _int(signer: signing.Signer, token: str, max_age: dt.timedelta | None = None) -> int | None:
    try:
        if isinstance(signer, signing.TimestampSigner):
            value = signer.unsign(token, max_age=max_age)
        else:
            value = signer.unsign(token)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None

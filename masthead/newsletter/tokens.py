"""Signed tokens in the links we mail: confirm (expires) and manage/unsubscribe (does not).

Tokens carry only the subscriber's id, signed with SECRET_KEY and a purpose-specific salt, so
a token for one purpose or one reader is useless for another.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import time
from functools import lru_cache

from django.conf import settings
from django.core import signing
from django.utils.encoding import force_bytes

CONFIRM_SALT = "masthead.newsletter.confirm"
MANAGE_SALT = "masthead.newsletter.manage"
FORM_SALT = "masthead.newsletter.form-time"

_manage_signer = signing.Signer(salt=MANAGE_SALT)


def confirm_token(subscriber_id: int) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(subscriber_id))


def subscriber_for_confirm_token(token: str) -> int | None:
    """The subscriber id in a confirmation token, or None if forged, malformed or expired."""
    max_age = dt.timedelta(days=settings.MASTHEAD_NEWSLETTER_CONFIRM_DAYS)
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=max_age)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None


def manage_token(subscriber_id: int) -> str:
    """The token in every issue's unsubscribe and preferences links; it never expires (RFC 8058
    expects an unsubscribe link to keep working).

    The same token as ``_manage_signer.sign``, made from an HMAC keyed once: the signer derives
    its key again for every token, and an issue makes one token per reader."""
    value = str(subscriber_id)
    mac = _keyed_manage_hmac(_manage_signer.key, _manage_signer.algorithm).copy()
    mac.update(value.encode())
    return f"{value}{_manage_signer.sep}{signing.b64_encode(mac.digest()).decode()}"


@lru_cache(maxsize=2)
def _keyed_manage_hmac(secret_key: str, algorithm: str) -> hmac.HMAC:
    """``Signer.signature``'s HMAC before any value: ``salted_hmac`` with the signer's salt."""
    hasher = getattr(hashlib, algorithm)
    key = hasher(force_bytes(MANAGE_SALT + "signer") + force_bytes(secret_key)).digest()
    return hmac.new(key, digestmod=hasher)


def subscriber_for_manage_token(token: str) -> int | None:
    try:
        value = _manage_signer.unsign(token)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None


# A stamp is handed out when a reader starts using the form, so an hour is plenty; an older one
# (scraped from a page, say) proves nothing about a person typing.
FORM_STAMP_MAX_AGE = dt.timedelta(hours=1)


def form_timestamp() -> str:
    """A signed 'form used at' stamp, so a submission faster than a human is refused."""
    return signing.TimestampSigner(salt=FORM_SALT).sign("signup")


def form_age_seconds(stamp: str) -> float | None:
    """Seconds since the stamp was made, or None when it is missing, forged or too old."""
    signer = signing.TimestampSigner(salt=FORM_SALT)
    try:
        signer.unsign(stamp, max_age=FORM_STAMP_MAX_AGE)
        shown_at = signing.b62_decode(stamp.rsplit(signer.sep, 2)[1])
    except (signing.BadSignature, ValueError, IndexError):
        return None
    return max(0.0, time.time() - shown_at)

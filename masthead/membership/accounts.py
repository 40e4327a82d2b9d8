"""Readers' accounts: sign-in by emailed link or code, email change, data export, deletion.

A sign-in mail carries a random link token and a 6-digit code; only their SHA-256 hashes are
stored. Following the link shows a button; only its POST signs in, so mail scanners that
fetch every link neither sign anyone in nor use the link up nor create an account. The code
works only in the browser session that asked for it, for a few tries. Both work once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from masthead.email_address import normalise_email
from masthead.news import extensions
from masthead.news.models import PublicationSettings
from masthead.newsletter.models import Subscriber
from masthead.newsletter.rendering import absolute_url

from .models import BlockedEmailDomain, Gift, Reader, SignInRequest

MAX_CODE_ATTEMPTS = 5


class AccountError(Exception):
    """Something a reader asked for can't be done; the message says why."""


@dataclass(frozen=True)
class IssuedSignIn:
    request_id: int
    token: str
    code: str


def _hash(secret: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}|{secret}".encode()).hexdigest()


def is_blocked(email: str) -> bool:
    """Whether ``email``'s domain, or a domain it is under, is on the blocklist."""
    parts = email.rpartition("@")[2].split(".")
    candidates = {".".join(parts[i:]) for i in range(len(parts))}
    return BlockedEmailDomain.objects.filter(domain__in=candidates).exists()


def request_sign_in(raw_email: str, *, reader: Reader | None = None) -> IssuedSignIn | None:
    """Record a sign-in (or, with ``reader``, an email change) for ``raw_email`` and queue the
    mail. None when the address's domain is blocked: the caller answers the same either way."""
    email = normalise_email(raw_email)
    if is_blocked(email):
        return None
    token, code = secrets.token_urlsafe(32), f"{secrets.randbelow(10**6):06d}"
    minutes = settings.MASTHEAD_SIGN_IN_MINUTES
    issued = SignInRequest.objects.create(
        email=email,
        token_hash=_hash(token),
        code_hash=_hash(code),
        reader=reader,
        expires_at=timezone.now() + dt.timedelta(minutes=minutes),
    )
    language = translation.get_language() or settings.LANGUAGE_CODE
    # Sent in the request, not through the task queue: the queue would keep the token and code
    # in plain text, and the reader is waiting for this mail.
    transaction.on_commit(lambda: send_sign_in_mail(issued.pk, token, code, language))
    return IssuedSignIn(issued.pk, token, code)


def send_sign_in_mail(request_id: int, token: str, code: str, language: str) -> bool:
    issued = SignInRequest.objects.filter(pk=request_id, used_at__isnull=True).first()
    if issued is None or not hmac.compare_digest(issued.token_hash, _hash(token)):
        return False
    publication = publication_settings()
    change = issued.reader_id is not None
    url_name = "membership:confirm_email" if change else "membership:sign_in_link"
    with translation.override(language):
        context = {
            "publication": publication,
            "url": absolute_url(reverse(url_name, args=[token])),
            "code": code,
            "minutes": settings.MASTHEAD_SIGN_IN_MINUTES,
            "change": change,
        }
        subject = (
            _("Confirm your new address at %(name)s")
            if change
            else _("Your sign-in code for %(name)s: %(code)s")
        ) % {"name": publication.publication_name, "code": code}
        text = render_to_string("membership/email/sign_in.txt", context)
        html = render_to_string("membership/email/sign_in.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[issued.email]
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return True


def publication_settings() -> PublicationSettings:
    site = Site.objects.filter(is_default_site=True).first()
    return PublicationSettings.for_site(site) if site else PublicationSettings()


def open_request_for_token(token: str) -> SignInRequest | None:
    """The unused, unexpired request a link's token belongs to (reading uses nothing up)."""
    found = SignInRequest.objects.filter(token_hash=_hash(token)).first()
    return found if found is not None and found.is_open() else None


def redeem_token(token: str) -> Reader | None:
    """Use a link's token up and return its reader (created on first sign-in)."""
    with transaction.atomic():
        found = SignInRequest.objects.select_for_update().filter(token_hash=_hash(token)).first()
        return _redeem(found)


def redeem_code(request_id: int, code: str) -> Reader | None:
    """Use up the request ``request_id`` (from the reader's session) if ``code`` is its code.
    Each wrong code counts; after a few the request is spent."""
    code = "".join(c for c in (code or "") if c.isdigit())[:6]
    with transaction.atomic():
        found = SignInRequest.objects.select_for_update().filter(pk=request_id).first()
        if found is None or not found.is_open() or found.code_attempts >= MAX_CODE_ATTEMPTS:
            return None
        if not hmac.compare_digest(found.code_hash, _hash(code)):
            found.code_attempts += 1
            found.save(update_fields=["code_attempts"])
            return None
        return _redeem(found)


def _redeem(found: SignInRequest | None) -> Reader | None:
    if found is None or not found.is_open() or found.reader_id is not None:
        return None
    found.used_at = timezone.now()
    found.save(update_fields=["used_at"])
    return reader_for_email(found.email)


def reader_for_email(email: str) -> Reader:
    """The reader with ``email`` (normalised), created with a password-less, non-staff user."""
    reader = Reader.objects.filter(email=email).first()
    if reader is not None:
        return reader
    try:
        with transaction.atomic():
            user = get_user_model()(username=f"reader-{uuid.uuid4().hex}", is_staff=False)
            user.set_unusable_password()
            user.save()
            subscriber = Subscriber.objects.filter(email__iexact=email, reader__isnull=True).first()
            return Reader.objects.create(user=user, email=email, subscriber=subscriber)
    except IntegrityError:
        # Two sign-ins for one new address at once: the other one created it.
        return Reader.objects.get(email=email)


# --- The account page ---------------------------------------------------------------------------
def update_name(reader: Reader, name: str) -> Reader:
    reader.name = " ".join((name or "").split())[:120]
    reader.save(update_fields=["name"])
    return reader


def request_email_change(reader: Reader, raw_email: str) -> IssuedSignIn | None:
    email = normalise_email(raw_email)
    if email == reader.email:
        raise AccountError(_("That is already your address."))
    return request_sign_in(email, reader=reader)


def confirm_email_change(token: str) -> Reader | None:
    """Move the reader to the new address confirmed by ``token`` (None if unusable or taken)."""
    with transaction.atomic():
        found = SignInRequest.objects.select_for_update().filter(token_hash=_hash(token)).first()
        if found is None or not found.is_open() or found.reader_id is None:
            return None
        if Reader.objects.filter(email=found.email).exclude(pk=found.reader_id).exists():
            return None
        found.used_at = timezone.now()
        found.save(update_fields=["used_at"])
        reader = Reader.objects.select_for_update().get(pk=found.reader_id)
        reader.email = found.email
        reader.save(update_fields=["email"])
        return reader


def export_data(reader: Reader) -> dict[str, Any]:
    """Everything Masthead holds about ``reader``, for "download my data"."""
    membership = getattr(reader, "membership", None)
    subscriber = reader.subscriber
    return {
        "account": {
            "email": reader.email,
            "name": reader.name,
            "joined": reader.created_at.isoformat(),
        },
        "newsletter": (
            {
                "email": subscriber.email,
                "status": subscriber.status,
                "language": subscriber.language,
                "frequency": subscriber.frequency,
                "consent_at": subscriber.consent_at.isoformat() if subscriber.consent_at else None,
            }
            if subscriber
            else None
        ),
        "membership": (
            {
                "tier": membership.tier.name,
                "status": membership.status,
                "since": membership.since.isoformat(),
                "renews_or_ends": (
                    membership.current_period_end.isoformat()
                    if membership.current_period_end
                    else None
                ),
            }
            if membership
            else None
        ),
        "gifts": [
            {
                "amount": gift.amount,
                "refunded": gift.amount_refunded,
                "currency": gift.currency,
                "campaign": gift.campaign.title if gift.campaign else None,
                "received": gift.received_at.isoformat(),
                "status": gift.status,
                "receipt_number": gift.receipt_number,
            }
            for gift in reader.gifts.select_related("campaign")
        ],
        # What the other apps hold about the reader (their comments, ...).
        **extensions.account_data(reader.user),
    }


def delete_account(reader: Reader) -> None:
    """Remove the reader's personal data. Their Stripe customer is deleted through the API
    first (an error there stops the deletion, so nothing is left half-done); gifts stay in
    the ledger, which the campaign totals need, without name or address."""
    from . import stripe_api

    if reader.stripe_customer_id:
        stripe_api.delete_customer(reader.stripe_customer_id)
    with transaction.atomic():
        Gift.objects.filter(reader=reader).update(reader=None, donor_name="", donor_email="")
        SignInRequest.objects.filter(email=reader.email).delete()
        reader.user.delete()  # cascades to the reader and their membership

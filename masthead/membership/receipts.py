"""The thank-you mail with a receipt, once for each gift the outlet has received.

A gift is thanked when it first counts in the ledger: recorded as received, or moved there
from pending. The mail goes through the task queue (``mail``); the task locks the gift's row,
sends, and stamps ``thanked_at`` in the same transaction, so a retried webhook, a second event
for the same payment, or two workers running the same task send one mail. If sending fails,
nothing is stamped and ``membership-stripe-reconcile`` queues it again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from masthead.server.base_url import absolute_url

from .accounts import publication_settings
from .models import Gift, GivingSettings
from .money import format_money


@dataclass(frozen=True)
class Receipt:
    """What a receipt says, built in one place for the mail's two parts."""

    number: str
    date: dt.date
    amount: str
    campaign: str
    monthly: bool
    source: str
    donor_name: str
    donor_email: str
    organisation: str
    postal_address: str
    note: str


def queue_thanks(gift: Gift) -> None:
    """Queue the thank-you mail for ``gift`` once the transaction that recorded it commits."""
    from .tasks import send_gift_thanks

    if gift.status == Gift.Status.SUCCEEDED and gift.donor_email and gift.thanked_at is None:
        gift_id = gift.pk
        transaction.on_commit(lambda: send_gift_thanks.enqueue(gift_id))


def receipt_number(gift: Gift) -> str:
    return f"{gift.received_at:%Y}-{gift.pk:06d}"


def unthanked_gifts(older_than: dt.timedelta = dt.timedelta(0)) -> list[int]:
    """Received gifts whose thank-you has not gone out (sending failed, or the worker died)."""
    return list(
        Gift.objects.filter(
            status=Gift.Status.SUCCEEDED,
            thanked_at__isnull=True,
            received_at__lte=timezone.now() - older_than,
        )
        .exclude(donor_email="")
        .values_list("pk", flat=True)
    )


def send_thanks(gift_id: int) -> bool:
    """Mail the thank-you and receipt for ``gift_id``; False when there is nothing to send (not
    received, no address, or thanked already)."""
    with transaction.atomic():
        gift = (
            Gift.objects.select_for_update(of=("self",))
            .select_related("campaign")
            .filter(pk=gift_id)
            .first()
        )
        if (
            gift is None
            or gift.status != Gift.Status.SUCCEEDED
            or not gift.donor_email
            or gift.thanked_at is not None
        ):
            return False
        gift.receipt_number = gift.receipt_number or receipt_number(gift)
        _send(gift)
        gift.thanked_at = timezone.now()
        gift.save(update_fields=["receipt_number", "thanked_at"])
    return True


def _send(gift: Gift) -> None:
    publication = publication_settings()
    site = Site.objects.filter(is_default_site=True).first()
    giving = GivingSettings.for_site(site) if site else GivingSettings()
    with translation.override(settings.LANGUAGE_CODE):
        receipt = Receipt(
            number=gift.receipt_number or "",
            date=timezone.localdate(gift.received_at),
            amount=format_money(gift.amount, gift.currency),
            campaign=gift.campaign.title if gift.campaign else _("General support"),
            monthly=gift.monthly,
            source=gift.get_source_display(),
            donor_name=gift.donor_name,
            donor_email=gift.donor_email,
            organisation=giving.organisation_name or publication.publication_name,
            postal_address=giving.postal_address.strip(),
            note=giving.receipt_note.strip(),
        )
        context = {
            "receipt": receipt,
            "publication": publication,
            "account_url": absolute_url(reverse("membership:account")) if gift.reader_id else "",
        }
        subject = _("Thank you for your gift to %(name)s (receipt %(number)s)") % {
            "name": publication.publication_name,
            "number": receipt.number,
        }
        text = render_to_string("membership/email/gift_thanks.txt", context)
        html = render_to_string("membership/email/gift_thanks.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[gift.donor_email]
    )
    message.attach_alternative(html, "text/html")
    message.send()

"""Membership's part of the demo publication: a free and two paid tiers, two members-only
articles, a running campaign with gifts recorded by hand (so its banner shows progress), a
demo member whose sign-in link ``make demo`` prints and whose account lists a gift with its
receipt, and the giving settings receipts print. Loading again changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from masthead.news.models import ArticlePage
from masthead.newsletter.rendering import absolute_url

from . import accounts
from .models import Campaign, Gift, GivingSettings, Membership, MembersOnlyArticle, Tier
from .receipts import receipt_number

DEMO_MEMBER = "member@example.org"
TIERS = [
    {"slug": "free", "name": "Free", "rank": 0, "benefits": "The newsletter\nShare articles"},
    {
        "slug": "supporter",
        "name": "Supporter",
        "rank": 1,
        "monthly_amount": 500,
        "yearly_amount": 5000,
        "benefits": "Every members-only investigation\nThe newsletter\nOur thanks",
    },
    {
        "slug": "patron",
        "name": "Patron",
        "rank": 2,
        "monthly_amount": 1500,
        "yearly_amount": 15000,
        "benefits": "All a supporter gets\nAn invitation to the yearly editorial meeting",
    },
]
# Gifts recorded by hand in the admin (bank transfers and cheques), in cents.
GIFTS = [(25_000, "transfer"), (5_000, "cheque"), (120_000, "transfer"), (2_500, "cheque")]


def load_demo_membership(members_only: Sequence[ArticlePage]) -> dict[str, int]:
    """Create what is missing, with ``members_only`` (the demo's flagged articles) for members;
    returns how many of each thing were created."""
    created: dict[str, int] = {}

    def count(kind: str, made: bool) -> None:
        if made:
            created[kind] = created.get(kind, 0) + 1

    with transaction.atomic():
        for spec in TIERS:
            _tier, made = Tier.objects.get_or_create(slug=spec["slug"], defaults=spec)
            count("membership tiers", made)
        for article in sorted(members_only, key=lambda a: a.published_at):
            _flag, made = MembersOnlyArticle.objects.get_or_create(article=article)
            count("members-only articles", made)
        now = timezone.now()
        campaign, made = Campaign.objects.get_or_create(
            slug="keep-the-presses-running",
            defaults={
                "title": "Keep the presses running",
                "text": (
                    "Our reporting is free to read and paid for by readers. Help us fund a "
                    "second investigative reporter this year."
                ),
                "goal_amount": 1_000_000,
                "currency": "eur",
                "starts_at": now - dt.timedelta(days=3),
                "ends_at": now + dt.timedelta(days=27),
                "suggested_amounts": "1000,2500,5000",
            },
        )
        count("campaigns", made)
        if made:
            for amount, source in GIFTS:
                Gift.objects.create(
                    campaign=campaign, amount=amount, source=source, status=Gift.Status.SUCCEEDED
                )
                count("gifts", True)
        member = accounts.reader_for_email(DEMO_MEMBER)
        if member.name == "":
            accounts.update_name(member, "Demo Member")
        _membership, made = Membership.objects.get_or_create(
            reader=member,
            defaults={
                "tier": Tier.objects.get(slug="supporter"),
                "status": Membership.Status.ACTIVE,
                "interval": "month",
            },
        )
        count("members", made)
        # The demo member gave once by card: their account page lists it with its receipt.
        gift, made = Gift.objects.get_or_create(
            stripe_payment_id="pi_demo_member_gift",
            defaults={
                "campaign": campaign,
                "reader": member,
                "donor_name": member.name,
                "donor_email": member.email,
                "amount": 5_000,
                "status": Gift.Status.SUCCEEDED,
                "thanked_at": now,
            },
        )
        if made:
            gift.receipt_number = receipt_number(gift)
            gift.save(update_fields=["receipt_number"])
        count("gifts", made)
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            giving = GivingSettings.for_site(site)
            if not giving.postal_address:
                giving.organisation_name = "The Meridian Review Trust"
                giving.postal_address = "4 Ropewalk Lane\nPortsmouth PO1 3AX\nUnited Kingdom"
                giving.receipt_note = "A demo publication: this receipt is a sample."
                giving.save()
    return created


def demo_member_sign_in_link() -> str:
    """A fresh sign-in link for the demo member (works once, for MASTHEAD_SIGN_IN_MINUTES)."""
    issued = accounts.request_sign_in(DEMO_MEMBER)
    if issued is None:
        return "(none: example.org is on the blocked domains list)"
    return absolute_url(reverse("membership:sign_in_link", args=[issued.token]))

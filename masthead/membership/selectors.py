"""Reads for membership's pages."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from masthead.news.models import ArticlePage
from masthead.news.selectors import public

from .models import Campaign, Gift, Tier
from .money import decimals


def members_only_articles() -> QuerySet[ArticlePage]:
    """Published, unrestricted members-only articles, newest first, for teaser lists only.

    readable_articles() hides them from everyone, so this is the one other query for
    articles readers see; it applies the same view-restriction rule (``news.selectors.public``,
    which also follows aliases of restricted pages, where Wagtail's ``.public()`` does not).
    """
    return (
        public(ArticlePage.objects.live())
        .filter(members_only__isnull=False)
        .order_by("-published_at", "-pk")
    )


def offered_tiers() -> QuerySet[Tier]:
    return Tier.objects.filter(active=True)


def running_campaign() -> Campaign | None:
    """The campaign running now (the one ending first), with its totals for
    :func:`campaign_progress` read in the same query: every page shows its banner."""
    now = timezone.now()
    return (
        Campaign.objects.filter(starts_at__lte=now, ends_at__gt=now)
        .annotate(**_totals("gifts__"))
        .order_by("ends_at")
        .first()
    )


def _totals(prefix: str = "") -> dict[str, Any]:
    """The ledger's sums over succeeded gifts (``prefix`` reaches them from a campaign)."""
    succeeded = Q(**{f"{prefix}status": Gift.Status.SUCCEEDED})
    return {
        "total_amount": Coalesce(Sum(f"{prefix}amount", filter=succeeded), 0),
        "total_refunded": Coalesce(Sum(f"{prefix}amount_refunded", filter=succeeded), 0),
        "named_donors": Count(
            f"{prefix}donor_email",
            distinct=True,
            filter=succeeded & ~Q(**{f"{prefix}donor_email": ""}),
        ),
        "anonymous_gifts": Count(
            f"{prefix}pk", filter=succeeded & Q(**{f"{prefix}donor_email": ""})
        ),
    }


def campaign_progress(campaign: Campaign) -> dict[str, int | float | str | None]:
    """Raised and donors from the ledger (succeeded gifts, minus refunds), as the banner and
    the JSON endpoint show them; ``raised`` in the minor unit, which has ``decimals`` digits."""
    if hasattr(campaign, "total_amount"):  # read with the campaign (running_campaign)
        totals = {name: getattr(campaign, name) for name in _totals()}
    else:
        totals = Gift.objects.filter(campaign=campaign).aggregate(**_totals())
    raised = totals["total_amount"] - totals["total_refunded"]
    donors = totals["named_donors"] + totals["anonymous_gifts"]
    if campaign.goal_amount:
        percent = min(100.0, 100.0 * raised / campaign.goal_amount)
    else:
        percent = min(100.0, 100.0 * donors / (campaign.goal_donors or 1))
    days_left = max(0, (campaign.ends_at - timezone.now()).days)
    return {
        "raised": raised,
        "goal_amount": campaign.goal_amount,
        "donors": donors,
        "goal_donors": campaign.goal_donors,
        "currency": campaign.currency,
        "decimals": decimals(campaign.currency),
        "percent": round(percent, 1),
        "days_left": days_left,
    }

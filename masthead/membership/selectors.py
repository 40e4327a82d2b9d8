"""Reads for membership's pages."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from masthead.news.models import ArticlePage

from .models import Campaign, Gift, Tier
from .money import decimals


def members_only_articles() -> QuerySet[ArticlePage]:
    """Published, unrestricted members-only articles, newest first, for teaser lists only.

    readable_articles() hides them from everyone, so this is the one other query for
    articles readers see; it applies the same view-restriction rule (``.public()``).
    """
    return (
        ArticlePage.objects.live()
        .public()
        .filter(members_only__isnull=False)
        .order_by("-published_at", "-pk")
    )


def offered_tiers() -> QuerySet[Tier]:
    return Tier.objects.filter(active=True)


def running_campaign() -> Campaign | None:
    now = timezone.now()
    return Campaign.objects.filter(starts_at__lte=now, ends_at__gt=now).order_by("ends_at").first()


def campaign_progress(campaign: Campaign) -> dict[str, int | float | str | None]:
    """Raised and donors from the ledger (succeeded gifts, minus refunds), as the banner and
    the JSON endpoint show them; ``raised`` in the minor unit, which has ``decimals`` digits."""
    # One query: every article page shows the banner while a campaign runs.
    totals = Gift.objects.filter(campaign=campaign, status=Gift.Status.SUCCEEDED).aggregate(
        amount=Coalesce(Sum("amount"), 0),
        refunded=Coalesce(Sum("amount_refunded"), 0),
        named_donors=Count("donor_email", distinct=True, filter=~Q(donor_email="")),
        anonymous_gifts=Count("pk", filter=Q(donor_email="")),
    )
    raised = totals["amount"] - totals["refunded"]
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

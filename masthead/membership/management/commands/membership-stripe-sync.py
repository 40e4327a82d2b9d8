"""Create each paid tier's product and prices in Stripe, where missing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from masthead.membership import payments, stripe_api
from masthead.membership.models import Tier


class Command(BaseCommand):
    help = "Create each paid tier's product and monthly/yearly prices in Stripe, where missing."

    def handle(self, *args: Any, **options: Any) -> None:
        if not stripe_api.is_configured():
            raise CommandError("Set STRIPE_SECRET_KEY first (see docs/deploy.md).")
        created = 0
        for tier in Tier.objects.filter(active=True):
            before = (tier.stripe_monthly_price_id, tier.stripe_yearly_price_id)
            try:
                tier = payments.sync_tier_prices(tier)
            except stripe_api.PaymentsError as error:
                raise CommandError(f"{tier.name}: {error}") from error
            created += sum(
                1
                for old, new in zip(
                    before, (tier.stripe_monthly_price_id, tier.stripe_yearly_price_id), strict=True
                )
                if new and new != old
            )
        self.stdout.write(f"Stripe prices created: {created}.")

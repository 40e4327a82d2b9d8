"""Starting payments: membership checkout, gifts, the billing portal, Stripe prices."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from . import stripe_api
from .access import current_membership
from .models import Campaign, Reader, Tier
from .money import format_money

MIN_GIFT = 100  # in the minor unit: card fees eat smaller gifts
MAX_GIFT = 1_000_000


def ensure_customer(reader: Reader) -> str:
    """The reader's Stripe customer, created the first time they pay."""
    if not reader.stripe_customer_id:
        customer = stripe_api.create_customer(
            email=reader.email, name=reader.name, reader_id=reader.pk
        )
        Reader.objects.filter(pk=reader.pk, stripe_customer_id="").update(
            stripe_customer_id=customer
        )
        reader.refresh_from_db(fields=["stripe_customer_id"])
    return reader.stripe_customer_id


def start_membership_checkout(
    reader: Reader, tier: Tier, interval: str, *, success_url: str, cancel_url: str
) -> str:
    """The Checkout address for ``tier`` billed every ``interval`` (month or year)."""
    price = {"month": tier.stripe_monthly_price_id, "year": tier.stripe_yearly_price_id}.get(
        interval
    )
    if not price or tier.is_free or not tier.active:
        raise stripe_api.PaymentsError(_("That membership can't be bought online yet."))
    if current_membership(reader) is not None and not reader.membership.tier.is_free:
        # One active subscription per reader: a change of tier goes through the portal.
        raise stripe_api.PaymentsError(
            _("You are already a member; change your plan from your account page.")
        )
    metadata = {"masthead_kind": "membership", "masthead_reader": str(reader.pk)}
    _session, url = stripe_api.create_checkout_session(
        {
            "mode": "subscription",
            "customer": ensure_customer(reader),
            "client_reference_id": str(reader.pk),
            "line_items": [{"price": price, "quantity": 1}],
            "success_url": success_url,
            "cancel_url": cancel_url,
            "metadata": metadata,
            "subscription_data": {"metadata": {**metadata, "masthead_tier": str(tier.pk)}},
        },
        idempotency_key=f"masthead-join-{reader.pk}-{tier.pk}-{interval}-{uuid.uuid4().hex}",
    )
    return url


def start_gift_checkout(
    campaign: Campaign | None,
    amount: int,
    *,
    monthly: bool,
    reader: Reader | None,
    success_url: str,
    cancel_url: str,
) -> str:
    """The Checkout address for a one-off or monthly gift of ``amount`` (minor unit)."""
    currency = campaign.currency if campaign else "eur"
    if not MIN_GIFT <= amount <= MAX_GIFT:
        raise stripe_api.PaymentsError(
            _("Give between %(low)s and %(high)s.")
            % {"low": format_money(MIN_GIFT, currency), "high": format_money(MAX_GIFT, currency)}
        )
    metadata = {"masthead_kind": "gift", "masthead_campaign": str(campaign.pk if campaign else "")}
    if reader is not None:
        metadata["masthead_reader"] = str(reader.pk)
    price_data = {
        "currency": currency,
        "unit_amount": amount,
        "product_data": {"name": campaign.title if campaign else _("Gift")},
    }
    params: dict[str, object] = {
        "success_url": success_url,
        "cancel_url": cancel_url,
        "metadata": metadata,
        "line_items": [{"quantity": 1, "price_data": price_data}],
    }
    if reader is not None:
        params["customer"] = ensure_customer(reader)
        params["client_reference_id"] = str(reader.pk)
    if monthly:
        price_data["recurring"] = {"interval": "month"}
        params["mode"] = "subscription"
        params["subscription_data"] = {"metadata": metadata}
    else:
        params["mode"] = "payment"
        params["payment_intent_data"] = {"metadata": metadata}
        if reader is None:
            params["customer_creation"] = "if_required"
    _session, url = stripe_api.create_checkout_session(
        params, idempotency_key=f"masthead-gift-{uuid.uuid4().hex}"
    )
    return url


def billing_portal(reader: Reader, return_url: str) -> str:
    if not reader.stripe_customer_id:
        raise stripe_api.PaymentsError(_("You have no payment details with us yet."))
    return stripe_api.create_portal_session(reader.stripe_customer_id, return_url)


def sync_tier_prices(tier: Tier) -> Tier:
    """Create the tier's product and prices in Stripe where missing."""
    if tier.is_free:
        return tier
    with transaction.atomic():
        tier = Tier.objects.select_for_update().get(pk=tier.pk)
        if not tier.stripe_product_id:
            tier.stripe_product_id = stripe_api.create_product(name=tier.name, tier_id=tier.pk)
        for interval, amount, field in (
            ("month", tier.monthly_amount, "stripe_monthly_price_id"),
            ("year", tier.yearly_amount, "stripe_yearly_price_id"),
        ):
            if amount and not getattr(tier, field):
                setattr(
                    tier,
                    field,
                    stripe_api.create_price(
                        product=tier.stripe_product_id,
                        amount=amount,
                        currency=tier.currency,
                        interval=interval,
                        tier_id=tier.pk,
                    ),
                )
        tier.save()
    return tier

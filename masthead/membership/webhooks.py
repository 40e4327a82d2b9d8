"""Stripe's webhook: verify, record, and reconcile from Stripe's current state.

The endpoint only verifies the signature and stores the event under its id (a second delivery
of the same id stores nothing); a task then processes it and sets ``processed_at`` in the same
transaction as its effect. Events are not trusted to arrive in order: a subscription event
fetches the subscription as Stripe has it now, and a gift is keyed by its PaymentIntent, so an
invoice that arrives before its checkout, or a checkout that arrives twice, ends the same.
Only objects Masthead created (``masthead_kind`` metadata, prices of our tiers) are acted on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from masthead.email_address import normalise_email

from . import receipts, stripe_api
from .models import Campaign, Gift, Membership, Reader, StripeEvent, Tier

SUBSCRIPTION_EVENTS = {
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
    "customer.subscription.paused",
    "customer.subscription.resumed",
}
INVOICE_EVENTS = {"invoice.paid", "invoice.payment_failed", "invoice.payment_succeeded"}
# Money that leaves a gift after it was received: refunds, and disputes (won back when
# reinstated).
REFUND_EVENTS = {
    "charge.refunded",
    "charge.dispute.funds_withdrawn",
    "charge.dispute.funds_reinstated",
}


def receive(payload: bytes, signature: str) -> StripeEvent | None:
    """Store a verified event and queue it; None if it was already processed. Raises on a bad
    signature."""
    from .tasks import process_stripe_event

    event = stripe_api.verified_event(payload, signature)
    try:
        with transaction.atomic():
            stored = StripeEvent.objects.create(
                event_id=event.id, type=event.type, payload=event.to_dict()
            )
    except IntegrityError:
        # Delivered again: queue it once more only if its processing failed (Stripe was
        # unreachable, say); a processed event is never applied twice.
        stored = StripeEvent.objects.get(event_id=event.id)
        if stored.processed_at is not None:
            return None
    transaction.on_commit(lambda: process_stripe_event.enqueue(stored.pk))
    return stored


def process(stored_id: int) -> bool:
    """Apply one stored event once; False if it was already processed. When Stripe can't be
    asked (its API down, a timeout), nothing of the event is applied, the failure is noted on
    the event and the error raised: ``membership-stripe-reconcile`` tries it again later."""
    try:
        return _process(stored_id)
    except stripe_api.PaymentsError as error:
        StripeEvent.objects.filter(pk=stored_id).update(
            error=str(error.__cause__ or error)[:2000], attempts=F("attempts") + 1
        )
        raise


def _process(stored_id: int) -> bool:
    with transaction.atomic():
        stored = StripeEvent.objects.select_for_update().get(pk=stored_id)
        if stored.processed_at is not None:
            return False
        obj = stored.payload["data"]["object"]
        kind = stored.type
        if kind == "checkout.session.completed" or kind.startswith("checkout.session.async"):
            _checkout_completed(obj)
        elif kind in SUBSCRIPTION_EVENTS:
            reconcile_subscription(obj["id"])
        elif kind in INVOICE_EVENTS:
            _invoice(obj, paid=kind != "invoice.payment_failed")
        elif kind in REFUND_EVENTS:
            gift = (
                Gift.objects.select_for_update()
                .filter(stripe_payment_id=_refunded_payment(obj))
                .first()
            )
            # No gift yet: the payment's own event comes later and applies this one then.
            if gift is not None:
                _refund(gift, kind, obj)
        stored.processed_at = timezone.now()
        stored.error = ""
        stored.attempts += 1
        stored.save(update_fields=["processed_at", "error", "attempts"])
    return True


def _metadata(obj: dict[str, Any]) -> dict[str, str]:
    return obj.get("metadata") or {}


def _reader(metadata: dict[str, str], fallback: str | None = None) -> Reader | None:
    reader_id = metadata.get("masthead_reader") or fallback or ""
    return Reader.objects.filter(pk=int(reader_id)).first() if reader_id.isdigit() else None


def _checkout_completed(session: dict[str, Any]) -> None:
    metadata = _metadata(session)
    kind = metadata.get("masthead_kind")
    reader = _reader(metadata, session.get("client_reference_id"))
    if reader is not None and session.get("customer") and not reader.stripe_customer_id:
        reader.stripe_customer_id = session["customer"]
        reader.save(update_fields=["stripe_customer_id"])
    if kind == "membership" and session.get("subscription"):
        reconcile_subscription(session["subscription"])
    elif kind == "gift" and session.get("mode") == "payment" and session.get("payment_intent"):
        details = session.get("customer_details") or {}
        record_gift(
            payment_id=session["payment_intent"],
            amount=session.get("amount_total") or 0,
            currency=session.get("currency") or "eur",
            succeeded=session.get("payment_status") == "paid",
            campaign_id=metadata.get("masthead_campaign", ""),
            reader=reader,
            donor_email=details.get("email") or "",
            donor_name=details.get("name") or "",
            monthly=False,
        )


def _invoice(invoice: dict[str, Any], *, paid: bool) -> None:
    subscription_id = _invoice_subscription(invoice)
    if not subscription_id:
        return
    subscription = stripe_api.retrieve_subscription(subscription_id)
    metadata = _metadata(subscription)
    if metadata.get("masthead_kind") == "membership":
        apply_subscription(subscription)
    elif metadata.get("masthead_kind") == "gift" and paid and invoice.get("amount_paid"):
        payment_id = _invoice_payment(invoice)
        if payment_id:
            record_gift(
                payment_id=payment_id,
                amount=invoice["amount_paid"],
                currency=invoice.get("currency") or "eur",
                succeeded=True,
                campaign_id=metadata.get("masthead_campaign", ""),
                reader=_reader(metadata),
                donor_email=invoice.get("customer_email") or "",
                donor_name=invoice.get("customer_name") or "",
                monthly=True,
            )


def _invoice_subscription(invoice: dict[str, Any]) -> str:
    # Older API versions put it on the invoice, newer ones under parent.subscription_details.
    found = invoice.get("subscription")
    if not found:
        details = (invoice.get("parent") or {}).get("subscription_details") or {}
        found = details.get("subscription")
    return found if isinstance(found, str) else (found or {}).get("id", "")


def _invoice_payment(invoice: dict[str, Any]) -> str:
    found = invoice.get("payment_intent") or invoice.get("charge")
    if not found:
        for payment in (invoice.get("payments") or {}).get("data", []):
            found = (payment.get("payment") or {}).get("payment_intent")
            if found:
                break
    return found or f"invoice:{invoice['id']}"


def _refunded_payment(obj: dict[str, Any]) -> str:
    # A charge or a dispute: both name the PaymentIntent the gift is keyed by.
    own_id = obj.get("id", "") if obj.get("object") == "charge" else ""
    return obj.get("payment_intent") or obj.get("charge") or own_id


def _refund(gift: Gift, kind: str, obj: dict[str, Any]) -> None:
    """Subtract what left the gift. A charge's ``amount_refunded`` is its running total, so
    refund events apply in any order; a dispute moves its amount out, or back when won."""
    if kind == "charge.refunded":
        refunded = max(gift.amount_refunded, obj.get("amount_refunded", 0))
    elif kind == "charge.dispute.funds_withdrawn":
        refunded = gift.amount_refunded + obj.get("amount", 0)
    else:
        refunded = gift.amount_refunded - obj.get("amount", 0)
    gift.amount_refunded = min(gift.amount, max(0, refunded))
    gift.save(update_fields=["amount_refunded"])


def _apply_earlier_refunds(gift: Gift) -> None:
    """Refunds and disputes whose events were processed before the payment's own event
    (Stripe does not promise order): applied to the gift now, oldest first."""
    earlier = StripeEvent.objects.filter(
        type__in=REFUND_EVENTS,
        processed_at__isnull=False,
        payload__data__object__payment_intent=gift.stripe_payment_id,
    ).order_by("received_at", "pk")
    for stored in earlier:
        _refund(gift, stored.type, stored.payload["data"]["object"])


def record_gift(
    *,
    payment_id: str,
    amount: int,
    currency: str,
    succeeded: bool,
    campaign_id: str,
    reader: Reader | None,
    donor_email: str,
    donor_name: str,
    monthly: bool,
) -> Gift | None:
    """Add a Stripe payment to the ledger once (keyed by its PaymentIntent); a later event for
    the same payment may only move it from pending to received."""
    if amount <= 0:
        return None
    campaign = (
        Campaign.objects.filter(pk=int(campaign_id)).first() if campaign_id.isdigit() else None
    )
    try:
        email = normalise_email(donor_email) if donor_email else ""
    except ValidationError:  # a malformed address from a card form is simply not kept
        email = ""
    if reader is None and email:
        # Given without signing in, from a reader's address: it still shows on their account.
        reader = Reader.objects.filter(email=email).first()
    status = Gift.Status.SUCCEEDED if succeeded else Gift.Status.PENDING
    gift, created = Gift.objects.select_for_update().get_or_create(
        stripe_payment_id=payment_id,
        defaults={
            "campaign": campaign,
            "reader": reader,
            "amount": amount,
            "currency": currency.lower()[:3],
            "status": status,
            "monthly": monthly,
            "donor_email": email or (reader.email if reader else ""),
            "donor_name": (donor_name or (reader.name if reader else ""))[:120],
        },
    )
    if created:
        _apply_earlier_refunds(gift)
    elif succeeded and gift.status == Gift.Status.PENDING:
        gift.status = Gift.Status.SUCCEEDED
        gift.save(update_fields=["status"])
    # Queued with the gift's commit; the task sends at most once, whatever else arrives.
    receipts.queue_thanks(gift)
    return gift


def reconcile_subscription(subscription_id: str) -> Membership | None:
    """Bring the member's record in line with the subscription as Stripe reports it now."""
    return apply_subscription(stripe_api.retrieve_subscription(subscription_id))


def apply_subscription(subscription: dict[str, Any]) -> Membership | None:
    metadata = _metadata(subscription)
    if metadata.get("masthead_kind") != "membership":
        return None
    items = (subscription.get("items") or {}).get("data") or []
    price_ids = [(item.get("price") or {}).get("id", "") for item in items]
    tier = Tier.objects.filter(
        Q(stripe_monthly_price_id__in=price_ids) | Q(stripe_yearly_price_id__in=price_ids)
    ).first()
    reader = _reader(metadata)
    if tier is None or reader is None:
        return None  # not a price we sell, or the reader deleted their account
    status = {
        "active": Membership.Status.ACTIVE,
        "trialing": Membership.Status.TRIALING,
        "past_due": Membership.Status.PAST_DUE,
        "unpaid": Membership.Status.PAST_DUE,
        "canceled": Membership.Status.CANCELED,
        "incomplete_expired": Membership.Status.CANCELED,
        "paused": Membership.Status.CANCELED,
    }.get(subscription.get("status", ""), Membership.Status.INCOMPLETE)
    period_end = subscription.get("current_period_end") or (
        items[0].get("current_period_end") if items else None
    )
    interval = (
        ((items[0].get("price") or {}).get("recurring") or {}).get("interval", "") if items else ""
    )
    membership = Membership.objects.select_for_update().filter(reader=reader).first()
    if (
        membership is not None
        and membership.stripe_subscription_id
        and membership.stripe_subscription_id != subscription["id"]
        and membership.is_current()
    ):
        if status in {Membership.Status.ACTIVE, Membership.Status.TRIALING}:
            # A second subscription (two checkouts in two tabs): one reader holds one.
            duplicate = subscription["id"]
            transaction.on_commit(lambda: stripe_api.cancel_subscription(duplicate))
        return membership  # another subscription's events never change the current one
    if membership is None:
        membership = Membership(reader=reader, since=timezone.now())
    if status == Membership.Status.PAST_DUE and membership.status != Membership.Status.PAST_DUE:
        membership.past_due_since = timezone.now()
    elif status != Membership.Status.PAST_DUE:
        membership.past_due_since = None
    membership.tier = tier
    membership.status = status
    membership.interval = interval
    membership.stripe_subscription_id = subscription["id"]
    membership.cancel_at_period_end = bool(subscription.get("cancel_at_period_end"))
    membership.current_period_end = (
        dt.datetime.fromtimestamp(period_end, tz=dt.UTC) if period_end else None
    )
    membership.save()
    if not reader.stripe_customer_id and isinstance(subscription.get("customer"), str):
        Reader.objects.filter(pk=reader.pk).update(stripe_customer_id=subscription["customer"])
    return membership

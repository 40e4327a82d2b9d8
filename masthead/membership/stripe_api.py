"""Every call Masthead makes to Stripe's API, in one place.

The official ``stripe`` library talks to ``STRIPE_API_BASE`` (Stripe's own address unless
set), with a timeout and Stripe's retries; each create carries an idempotency key derived
from what it creates, so a retried request never makes a second customer or session.
Failures become :class:`PaymentsError` with a message a reader can be shown.
"""

from __future__ import annotations

from typing import Any

import stripe
from django.conf import settings
from django.utils.translation import gettext as _

TIMEOUT_SECONDS = 20


class PaymentsError(Exception):
    """Stripe could not be reached or refused the request."""


class PaymentsNotConfigured(PaymentsError):
    pass


def is_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def _client() -> stripe.StripeClient:
    if not is_configured():
        raise PaymentsNotConfigured(_("Payments are not configured on this site yet."))
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=2,
        http_client=stripe.RequestsClient(timeout=TIMEOUT_SECONDS),
    )


def _call(function: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return function(*args, **kwargs)
    except stripe.StripeError as error:
        raise PaymentsError(
            _("The payment service did not answer as expected; please try again later.")
        ) from error


def create_customer(*, email: str, name: str, reader_id: int) -> str:
    client = _client()
    customer = _call(
        client.v1.customers.create,
        params={"email": email, "name": name, "metadata": {"masthead_reader": str(reader_id)}},
        options={"idempotency_key": f"masthead-customer-{reader_id}-{email}"},
    )
    return customer.id


def delete_customer(customer_id: str) -> None:
    client = _client()
    try:
        client.v1.customers.delete(customer_id)
    except stripe.InvalidRequestError as error:
        if error.http_status != 404:  # already gone is what we wanted
            raise PaymentsError(_("Stripe refused to delete your payment details.")) from error
    except stripe.StripeError as error:
        raise PaymentsError(
            _("The payment service did not answer; your account was not deleted. Try again.")
        ) from error


def create_checkout_session(params: dict[str, Any], *, idempotency_key: str) -> tuple[str, str]:
    """(session id, the address to send the reader to)."""
    session = _call(
        _client().v1.checkout.sessions.create,
        params=params,
        options={"idempotency_key": idempotency_key},
    )
    return session.id, session.url


def create_portal_session(customer_id: str, return_url: str) -> str:
    session = _call(
        _client().v1.billing_portal.sessions.create,
        params={"customer": customer_id, "return_url": return_url},
    )
    return session.url


def retrieve_subscription(subscription_id: str) -> dict[str, Any]:
    return _call(_client().v1.subscriptions.retrieve, subscription_id).to_dict()


def customer_subscriptions(customer_id: str) -> list[dict[str, Any]]:
    """Every subscription of ``customer_id``, ended ones included, as Stripe has them now."""
    found = _call(
        _client().v1.subscriptions.list,
        params={"customer": customer_id, "status": "all", "limit": 100},
    )
    return [subscription.to_dict() for subscription in found.data]


def cancel_subscription(subscription_id: str) -> None:
    _call(_client().v1.subscriptions.cancel, subscription_id)


def create_product(*, name: str, tier_id: int) -> str:
    product = _call(
        _client().v1.products.create,
        params={"name": name, "metadata": {"masthead_tier": str(tier_id)}},
        options={"idempotency_key": f"masthead-product-{tier_id}"},
    )
    return product.id


def create_price(*, product: str, amount: int, currency: str, interval: str, tier_id: int) -> str:
    price = _call(
        _client().v1.prices.create,
        params={
            "product": product,
            "unit_amount": amount,
            "currency": currency,
            "recurring": {"interval": interval},
            "metadata": {"masthead_tier": str(tier_id)},
        },
        options={"idempotency_key": f"masthead-price-{tier_id}-{interval}-{amount}-{currency}"},
    )
    return price.id


def verified_event(payload: bytes, signature: str) -> stripe.Event:
    """The event in ``payload`` if Stripe's signature over it is valid and recent; raises
    ValueError or stripe.SignatureVerificationError otherwise."""
    if not settings.STRIPE_WEBHOOK_SECRET:
        raise PaymentsNotConfigured("STRIPE_WEBHOOK_SECRET is not set.")
    return stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)

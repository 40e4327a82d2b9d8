"""A local stand-in for the few Stripe API endpoints Masthead calls, and webhook signing.

Tests can't reach Stripe. This server answers like Stripe's API reference shows (objects with
``id``, ``object`` and the fields Masthead reads), records every request (method, path, form
parameters, idempotency key) so tests can check what Masthead sent, and keeps subscriptions
that tests change to play Stripe's side.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Recorded:
    method: str
    path: str
    params: dict[str, str]
    idempotency_key: str | None
    authorization: str


@dataclass
class StripeState:
    requests: list[Recorded] = field(default_factory=list)
    subscriptions: dict[str, dict[str, Any]] = field(default_factory=dict)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    deleted_customers: list[str] = field(default_factory=list)
    fail_next: int = 0  # answer this many requests with a 500
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def new_id(self, prefix: str) -> str:
        return f"{prefix}_test_{next(self.counter):06d}"

    def calls(self, method: str, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path == path]


class Handler(BaseHTTPRequestHandler):
    state: StripeState
    base_url: str

    def log_message(self, *args: Any) -> None:
        pass

    def _reply(self, status: int, body: dict[str, Any]) -> None:
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Request-Id", "req_test")
        self.end_headers()
        self.wfile.write(payload)

    def _record(self) -> tuple[str, dict[str, str]]:
        path = urlsplit(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else urlsplit(self.path).query
        params = dict(parse_qsl(raw, keep_blank_values=True))
        with self.state.lock:
            self.state.requests.append(
                Recorded(
                    self.command,
                    path,
                    params,
                    self.headers.get("Idempotency-Key"),
                    self.headers.get("Authorization", ""),
                )
            )
        return path, params

    def _error(self, status: int, message: str) -> None:
        self._reply(status, {"error": {"type": "invalid_request_error", "message": message}})

    def do_GET(self) -> None:
        path, params = self._record()
        parts = path.strip("/").split("/")
        if path == "/v1/subscriptions":
            found = [
                sub
                for sub in self.state.subscriptions.values()
                if sub["customer"] == params.get("customer")
                and (params.get("status") == "all" or sub["status"] != "canceled")
            ]
            return self._reply(
                200,
                {"object": "list", "url": "/v1/subscriptions", "has_more": False, "data": found},
            )
        if parts[0] == "pay" and len(parts) == 2 and parts[1] in self.state.sessions:
            # Stripe's hosted checkout page, in miniature: a link back to the success page.
            session = self.state.sessions[parts[1]]["session"]
            page = (
                "<!doctype html><title>Test checkout</title><h1>Test checkout</h1>"
                f'<a href="{session["success_url"]}">Pay</a>'
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)
            return None
        if parts[:2] == ["v1", "subscriptions"] and len(parts) == 3:
            found = self.state.subscriptions.get(parts[2])
            if found is None:
                return self._error(404, f"No such subscription: '{parts[2]}'")
            return self._reply(200, found)
        self._error(404, f"Unrecognized request URL (GET: {path})")

    def do_DELETE(self) -> None:
        path, _params = self._record()
        parts = path.strip("/").split("/")
        if parts[:2] == ["v1", "customers"] and len(parts) == 3:
            self.state.deleted_customers.append(parts[2])
            return self._reply(200, {"id": parts[2], "object": "customer", "deleted": True})
        if parts[:2] == ["v1", "subscriptions"] and len(parts) == 3:
            found = self.state.subscriptions.get(parts[2])
            if found is None:
                return self._error(404, f"No such subscription: '{parts[2]}'")
            found["status"] = "canceled"
            return self._reply(200, found)
        self._error(404, f"Unrecognized request URL (DELETE: {path})")

    def do_POST(self) -> None:
        path, params = self._record()
        if self.state.fail_next:
            self.state.fail_next -= 1
            return self._reply(500, {"error": {"type": "api_error", "message": "Try again."}})
        now = int(time.time())
        if path == "/v1/customers":
            return self._reply(
                200,
                {
                    "id": self.state.new_id("cus"),
                    "object": "customer",
                    "email": params.get("email"),
                    "name": params.get("name"),
                    "created": now,
                    "metadata": _nested(params, "metadata"),
                },
            )
        if path == "/v1/checkout/sessions":
            session_id = self.state.new_id("cs")
            session = {
                "id": session_id,
                "object": "checkout.session",
                "mode": params.get("mode"),
                "customer": params.get("customer"),
                "client_reference_id": params.get("client_reference_id"),
                "metadata": _nested(params, "metadata"),
                "success_url": params.get("success_url"),
                "cancel_url": params.get("cancel_url"),
                "status": "open",
                "payment_status": "unpaid",
                "url": f"{self.base_url}/pay/{session_id}",
                "created": now,
            }
            self.state.sessions[session_id] = {"session": session, "params": params}
            return self._reply(200, session)
        if path == "/v1/billing_portal/sessions":
            return self._reply(
                200,
                {
                    "id": self.state.new_id("bps"),
                    "object": "billing_portal.session",
                    "customer": params.get("customer"),
                    "return_url": params.get("return_url"),
                    "url": f"{self.base_url}/portal/{params.get('customer')}",
                },
            )
        if path == "/v1/products":
            return self._reply(
                200,
                {"id": self.state.new_id("prod"), "object": "product", "name": params.get("name")},
            )
        if path == "/v1/prices":
            return self._reply(
                200,
                {
                    "id": self.state.new_id("price"),
                    "object": "price",
                    "product": params.get("product"),
                    "unit_amount": int(params.get("unit_amount", 0)),
                    "currency": params.get("currency"),
                    "recurring": {"interval": params.get("recurring[interval]")},
                },
            )
        self._error(404, f"Unrecognized request URL (POST: {path})")


def _nested(params: dict[str, str], name: str) -> dict[str, str]:
    prefix = f"{name}["
    return {k[len(prefix) : -1]: v for k, v in params.items() if k.startswith(prefix)}


class StripeStandIn:
    def __init__(self) -> None:
        self.state = StripeState()
        handler = type("BoundHandler", (Handler,), {"state": self.state})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        handler.base_url = self.url
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StripeStandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def subscription(
        self,
        *,
        price: str,
        reader_id: int,
        status: str = "active",
        customer: str = "cus_test_member",
        kind: str = "membership",
        campaign: str = "",
        cancel_at_period_end: bool = False,
        interval: str = "month",
    ) -> dict[str, Any]:
        """Make a subscription exist on "Stripe's side" (as Checkout would)."""
        period_end = int(time.time()) + 30 * 86400
        sub_id = self.state.new_id("sub")
        metadata = {"masthead_kind": kind, "masthead_reader": str(reader_id)}
        if campaign:
            metadata["masthead_campaign"] = campaign
        self.state.subscriptions[sub_id] = {
            "id": sub_id,
            "object": "subscription",
            "customer": customer,
            "status": status,
            "cancel_at_period_end": cancel_at_period_end,
            "metadata": metadata,
            "items": {
                "object": "list",
                "data": [
                    {
                        "id": self.state.new_id("si"),
                        "object": "subscription_item",
                        "current_period_end": period_end,
                        "price": {
                            "id": price,
                            "object": "price",
                            "recurring": {"interval": interval},
                        },
                    }
                ],
            },
        }
        return self.state.subscriptions[sub_id]


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The ``Stripe-Signature`` header Stripe sends with ``payload``."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


_event_ids = itertools.count(1)


def event(kind: str, obj: dict[str, Any], event_id: str | None = None) -> bytes:
    """A webhook event body as Stripe sends it."""
    return json.dumps(
        {
            "id": event_id or f"evt_test_{next(_event_ids):06d}",
            "object": "event",
            "api_version": "2026-10-28.endive",
            "created": int(time.time()),
            "livemode": False,
            "pending_webhooks": 1,
            "type": kind,
            "data": {"object": obj},
        }
    ).encode()

"""Who is asking: the reader's address, also behind the reverse proxy."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The reader's address: the peer, or behind the reverse proxy the address it appended to
    X-Forwarded-For (earlier entries come from the client and can be forged)."""
    if settings.MASTHEAD_CLIENT_IP_FROM_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "")

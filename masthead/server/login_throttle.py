"""Staff login throttling on top of django-axes.

Axes counts failures per (username, address), with the address taken from the reverse proxy's
header when MASTHEAD_BEHIND_PROXY is on (settings.AXES_CLIENT_IP_CALLABLE), so guesses from one
place lock out that place only. This handler adds a limit per address across usernames: guesses
spread over many names from one address are stopped too. Locked out, a person gets the site's
429 page with the wait and ``Retry-After``.
"""

from __future__ import annotations

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from .limits import too_many_requests


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler, also locking an address with too many failures over all names."""

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        address_failures = (
            AccessAttempt.objects.filter(
                ip_address=request.axes_ip_address,
                attempt_time__gte=get_cool_off_threshold(request),
            ).aggregate(total=Sum("failures_since_start"))["total"]
            or 0
        )
        if address_failures >= settings.MASTHEAD_LOGIN_FAILURES_PER_ADDRESS:
            return max(failures, get_failure_limit(request, credentials))
        return failures


def locked_out(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """Axes' lock-out answer (AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 3600
    return too_many_requests(
        request, seconds, _("Too many failed sign-in attempts from your connection.")
    )

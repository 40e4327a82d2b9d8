"""The one way translation engines talk to HTTP services: timeouts, status checks, typed errors.

Every failure becomes an :class:`HttpError` (an :class:`EngineError`) whose message says what
happened, so one language's failure is recorded and the others go on.
"""

from __future__ import annotations

from typing import Any

import requests
from django.conf import settings

from . import EngineError


class HttpError(EngineError):
    pass


class HttpTimeout(HttpError):
    pass


class HttpUnreachable(HttpError):
    pass


class HttpStatusError(HttpError):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class HttpBadResponse(HttpError):
    pass


def request_json(
    method: str,
    url: str,
    *,
    service: str,
    json: Any = None,
    data: Any = None,
    params: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    timeout: float | None = None,
) -> Any:
    """Send one request and return its decoded JSON body, or raise a typed :class:`HttpError`."""
    timeout = timeout if timeout is not None else settings.MASTHEAD_TRANSLATION_HTTP_TIMEOUT
    try:
        response = requests.request(
            method,
            url,
            json=json,
            data=data,
            params=params,
            headers=headers,
            timeout=(min(10.0, timeout), timeout),
        )
        response.raise_for_status()
    except requests.Timeout:
        raise HttpTimeout(f"{service} did not answer within {timeout:g} s.") from None
    except requests.ConnectionError:
        raise HttpUnreachable(f"{service} could not be reached; check its address.") from None
    except requests.HTTPError as error:
        status = error.response.status_code
        detail = error.response.text[:200].strip()
        raise HttpStatusError(
            f"{service} refused the request (HTTP {status}): {detail}", status
        ) from None
    except requests.RequestException as error:
        raise HttpError(f"{service} request failed: {error.__class__.__name__}.") from None
    try:
        return response.json()
    except ValueError:
        raise HttpBadResponse(f"{service} answered with something that is not JSON.") from None

"""The one place Masthead talks to Akismet (comment-check), through the ``akismet`` library.

Imported only when ``MASTHEAD_AKISMET_API_KEY`` is set (the library is optional). The library
has no setting for its endpoint, so the HTTP client made here sends every request to
``MASTHEAD_AKISMET_API_URL`` (Akismet's own address by default; tests point it at a local
stand-in), with our own time-out. Any failure (unreachable, slow, an error status, a refused
key, an answer that isn't Akismet's) raises :class:`AkismetUnavailable`, and the caller holds
the comment for a moderator.
"""

from __future__ import annotations

import logging

import akismet
import httpx
from django.conf import settings

logger = logging.getLogger(__name__)


class AkismetUnavailable(Exception):
    """Akismet gave no verdict; the comment must wait for a person."""


class _EndpointTransport(httpx.HTTPTransport):
    """Sends the library's requests to the configured base URL instead of its built-in one."""

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.base = httpx.URL(base_url)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host != self.base.host or request.url.port != self.base.port:
            request.url = request.url.copy_with(
                scheme=self.base.scheme, host=self.base.host, port=self.base.port
            )
            request.headers["Host"] = request.url.netloc.decode("ascii")
        return super().handle_request(request)


def says_spam(
    *, body: str, email: str, name: str, ip: str | None, permalink: str = "", language: str = ""
) -> bool:
    """Akismet's verdict on one comment. Blatant spam (Akismet's "discard") counts as spam and
    is kept for the queue like any other."""
    config = akismet.Config(key=settings.MASTHEAD_AKISMET_API_KEY, url=settings.MASTHEAD_BASE_URL)
    arguments: akismet.AkismetArguments = {
        "comment_type": "comment",
        "comment_author": name,
        "comment_author_email": email,
        "comment_content": body,
        "blog_charset": "UTF-8",
    }
    if permalink:
        arguments["permalink"] = permalink
    if language:
        arguments["blog_lang"] = language
    http_client = httpx.Client(
        headers={"User-Agent": akismet.USER_AGENT},
        timeout=settings.MASTHEAD_AKISMET_TIMEOUT,
        transport=_EndpointTransport(settings.MASTHEAD_AKISMET_API_URL),
    )
    try:
        with http_client:
            # No key check first: a refused key answers "invalid", which raises here too.
            client = akismet.SyncClient(config=config, http_client=http_client)
            verdict = client.comment_check(user_ip=ip or "", **arguments)
    except akismet.AkismetError as error:
        raise AkismetUnavailable(str(error)) from error
    return verdict != akismet.CheckResponse.HAM

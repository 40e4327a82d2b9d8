"""Whether a comment is spam, by the outlet's rules: blocked words and domains, too many links,
and Akismet when an API key is set. Returns the reason, or "" for a comment that passes."""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils.translation import gettext as _

from .models import CommunitySettings
from .text import count_links, linked_domains

logger = logging.getLogger(__name__)


def spam_reason(
    *, body: str, email: str, name: str, ip: str | None, rules: CommunitySettings
) -> str:
    words = f"{name}\n{body}".casefold()
    for word in rules.blocked_word_list():
        if word in words:
            return _("Blocked word: %(word)s") % {"word": word}
    blocked = rules.blocked_domain_list()
    domains = linked_domains(body) | {email.rpartition("@")[2]}
    for domain in domains:
        for entry in blocked:
            if domain == entry or domain.endswith("." + entry):
                return _("Blocked domain: %(domain)s") % {"domain": entry}
    if count_links(body) > rules.max_links:
        return _("More than %(count)d links") % {"count": rules.max_links}
    if settings.MASTHEAD_AKISMET_API_KEY and _akismet_says_spam(body, email, name, ip):
        return _("Akismet")
    return ""


def _akismet_says_spam(body: str, email: str, name: str, ip: str | None) -> bool:
    """Akismet's verdict; an unreachable Akismet lets the comment through to moderation."""
    import akismet

    config = akismet.Config(
        key=settings.MASTHEAD_AKISMET_API_KEY, url=settings.WAGTAILADMIN_BASE_URL
    )
    try:
        # Entering the client validates the key with Akismet.
        with akismet.SyncClient(config=config) as client:
            return bool(
                client.comment_check(
                    user_ip=ip or "",
                    comment_type="comment",
                    comment_author=name,
                    comment_author_email=email,
                    comment_content=body,
                )
            )
    except Exception:
        logger.warning("Akismet check failed; the comment goes to normal moderation", exc_info=True)
        return False

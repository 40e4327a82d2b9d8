"""Whether a comment is spam, by the outlet's rules: blocked words and domains, too many links,
and Akismet when an API key is set. A check that can't give its verdict (Akismet down) never
lets a comment through on its own: it holds the comment for a moderator."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from .models import CommunitySettings
from .text import count_links, linked_domains

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Verdict:
    spam_reason: str = ""  # not "": the comment is spam, kept out of sight for the queue
    hold_reason: str = ""  # not "": a moderator must look, whatever the moderation mode


def screen(
    *,
    body: str,
    email: str,
    name: str,
    ip: str | None,
    rules: CommunitySettings,
    permalink: str = "",
    language: str = "",
) -> Verdict:
    words = f"{name}\n{body}".casefold()
    for word in rules.blocked_word_list():
        if word in words:
            return Verdict(spam_reason=_("Blocked word: %(word)s") % {"word": word})
    blocked = rules.blocked_domain_list()
    domains = linked_domains(body) | {email.rpartition("@")[2]}
    for domain in domains:
        for entry in blocked:
            if domain == entry or domain.endswith("." + entry):
                return Verdict(spam_reason=_("Blocked domain: %(domain)s") % {"domain": entry})
    if count_links(body) > rules.max_links:
        return Verdict(spam_reason=_("More than %(count)d links") % {"count": rules.max_links})
    if settings.MASTHEAD_AKISMET_API_KEY:
        return _akismet_verdict(body, email, name, ip, permalink, language)
    return Verdict()


def _akismet_verdict(
    body: str, email: str, name: str, ip: str | None, permalink: str, language: str
) -> Verdict:
    try:
        from . import akismet_check
    except ImportError:
        logger.error("MASTHEAD_AKISMET_API_KEY is set but the akismet library isn't installed")
        return Verdict(hold_reason=_("Spam check unavailable"))
    try:
        spam = akismet_check.says_spam(
            body=body, email=email, name=name, ip=ip, permalink=permalink, language=language
        )
    except akismet_check.AkismetUnavailable as error:
        logger.warning("Akismet gave no verdict (%s); the comment waits for a moderator", error)
        return Verdict(hold_reason=_("Spam check unavailable"))
    return Verdict(spam_reason=_("Akismet")) if spam else Verdict()

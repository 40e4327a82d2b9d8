"""One spelling per mailbox, for every place a reader types an email address.

Sign-up, subscriber import (and later comments and reader accounts) store the address this
module returns and compare addresses only in this form, so look-alike spellings of one mailbox
(``bomb@example.org``, the same with a fullwidth e, ``BOMB@Example.org.``) are one subscriber
and get one confirmation mail. Addresses that can't be a public mailbox (IP literals,
``localhost`` and other local-only names) are refused: mail to them would reach the server
itself or its network.
"""

from __future__ import annotations

import ipaddress
import unicodedata

import idna
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

MAX_LENGTH = 254
# Names that only ever resolve inside one machine or one network (RFC 6761, 6762, 8375).
LOCAL_ONLY_SUFFIXES = (
    "localhost",
    "local",
    "localdomain",
    "internal",
    "lan",
    "home.arpa",
    "invalid",
)
_NOT_IN_ONE_ADDRESS = frozenset("\r\n\t\0,;<>\"' ")


def normalise_email(raw: str) -> str:
    """``raw`` as one canonical address: Unicode NFKC, the domain in its ASCII (IDNA) form,
    everything case-folded. Raises ValidationError for anything that isn't one address of a
    public mailbox (several addresses, display names, IP literals, local-only hosts)."""
    email = unicodedata.normalize("NFKC", (raw or "").strip())
    if not email or len(email) > MAX_LENGTH or _NOT_IN_ONE_ADDRESS & set(email):
        raise _invalid()
    local, at, domain = email.rpartition("@")
    if not at or not local:
        raise _invalid()
    domain = _public_domain(domain)
    email = f"{local.casefold()}@{domain}"
    try:
        validate_email(email)
    except ValidationError:
        raise _invalid() from None
    if len(email) > MAX_LENGTH:
        raise _invalid()
    return email


def _public_domain(domain: str) -> str:
    if domain.startswith("["):
        raise ValidationError(_("Use an address with a domain name, not an IP address."))
    try:
        ascii_domain = idna.encode(domain.rstrip("."), uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        raise _invalid() from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or labels[-1].isdigit() or _is_ip_address(ascii_domain):
        raise ValidationError(_("Use an address with a public domain name, like example.org."))
    if any(
        ascii_domain == suffix or ascii_domain.endswith("." + suffix)
        for suffix in LOCAL_ONLY_SUFFIXES
    ):
        raise ValidationError(_("Use an address with a public domain name, like example.org."))
    return ascii_domain


def _is_ip_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def _invalid() -> ValidationError:
    return ValidationError(_("Enter one email address, like name@example.org."))

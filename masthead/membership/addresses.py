"""One spelling per email address, so ``Ana@Exämple.org`` and ``ana@xn--exmple-cua.org`` are
the same reader and a blocklisted domain can't be dodged with Unicode look-alikes.

A shared normaliser is on its way (hardening); this small one should merge into it.
"""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

MAX_LENGTH = 254


def normalise_email(raw: str) -> str:
    """NFKC, trimmed, the domain in IDNA (punycode) and the whole address case-folded.

    Raises ValidationError for anything that isn't one plain address: display names, several
    addresses, control characters, oversize input.
    """
    email = unicodedata.normalize("NFKC", (raw or "").strip())
    if not email or len(email) > MAX_LENGTH or any(c in email for c in "\r\n\t\0,;<> \"'"):
        raise ValidationError(_("Enter one email address, like name@example.org."))
    local, at, domain = email.rpartition("@")
    if not at or not local or not domain:
        raise ValidationError(_("Enter one email address, like name@example.org."))
    try:
        domain = domain.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        raise ValidationError(_("That email address's domain is not valid.")) from None
    email = f"{local}@{domain}".casefold()
    if any(unicodedata.category(c).startswith("C") for c in email):
        raise ValidationError(_("Enter one email address, like name@example.org."))
    validate_email(email)
    return email


def domain_of(email: str) -> str:
    return email.rpartition("@")[2]

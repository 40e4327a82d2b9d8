"""One spelling per email address, so rate limits, bans and "first comment" see one person.

A small local normaliser; the hardening branch is adding a shared one, and this should become
a call to it when both land.
"""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _


def normalize_email(raw: str) -> str:
    """``raw`` as one canonical address: NFKC, trimmed, case-folded, its domain in IDNA (ASCII).

    Raises ValidationError for anything that is not one plain address (line breaks, control
    characters, a missing or unencodable domain), so header injection never gets as far as mail.
    """
    value = unicodedata.normalize("NFKC", raw or "").strip()
    if not value or len(value) > 254 or any(unicodedata.category(c)[0] in "CZ" for c in value):
        # Any control, format, separator (space, line break) character: not an address.
        raise ValidationError(_("Enter one email address, like name@example.org."))
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        raise ValidationError(_("Enter one email address, like name@example.org."))
    try:
        ascii_domain = domain.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError as error:
        raise ValidationError(_("That email address's domain isn't valid.")) from error
    address = f"{local.casefold()}@{ascii_domain.casefold()}"
    validate_email(address)
    return address

"""Digits as each language writes them: Persian "۲۵ نوامبر ۲۰۲۶", Bengali "২৫", and Arabic
"٢٥" where the outlet asks for it.

Which digits a language uses is CLDR's answer, read through Babel: its default numbering
system (``arabext`` for Persian, ``beng`` for Bengali, ``deva`` for Marathi and Nepali, ``latn``
for Arabic as written in most countries), or its *native* system for the languages the outlet
lists in ``MASTHEAD_NATIVE_DIGITS`` (Arabic-Indic for ``ar``, Devanagari for ``hi``). The digits
of a system come from the Unicode database, not from a table here: a CLDR numbering system is
named after its script (``beng`` is the Bengali script, ``arabext`` its Arabic script's
*extended* digits), and its digits are that script's ten decimal digits.

Only text a reader reads goes through :func:`localize_digits`; ``datetime`` attributes, URLs
and feeds keep ASCII digits.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import regex
from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils.translation import to_locale

WESTERN = "latn"
NONE = "none"


@cache
def _systems(language: str) -> tuple[str, str]:
    """CLDR's default and native numbering systems of ``language``."""
    try:
        locale = Locale.parse(to_locale(language))
    except (UnknownLocaleError, ValueError):
        return WESTERN, WESTERN
    default = locale.default_numbering_system
    return default, locale.other_numbering_systems.get("native", default)


def numbering_system(language: str) -> str:
    """The numbering system readers of ``language`` get on this site."""
    chosen = settings.MASTHEAD_NATIVE_DIGITS
    if NONE in chosen:
        return WESTERN
    default, native = _systems(language)
    return native if language in chosen else default


@cache
def _decimal_zeros() -> list[str]:
    """Every character Unicode gives the decimal value 0 (one per set of digits)."""
    return [chr(cp) for cp in range(0x20000) if unicodedata.decimal(chr(cp), None) == 0]


@cache
def system_digits(system: str) -> str:
    """The ten digits of a CLDR numeric numbering system, or "" when it has none in Unicode
    (``latn``, and algorithmic systems such as Hebrew or Armenian numerals)."""
    if system == WESTERN or len(system) < 4:
        return ""
    script, variant = system[:4], system[4:].upper()
    try:
        in_script = regex.compile(rf"\p{{Script={script.title()}}}")
    except regex.error:
        return ""
    zeros = [zero for zero in _decimal_zeros() if in_script.match(zero)]
    if variant and len(zeros) > 1:
        # Of a script's several sets, the variant's is the one its name speaks of most:
        # "arabext" is EXTENDED ARABIC-INDIC, "lanatham" TAI THAM THAM (not TAI THAM HORA).
        score = {
            zero: sum(word.startswith(variant) for word in unicodedata.name(zero).split())
            for zero in zeros
        }
        best = max(score.values())
        zeros = [z for z in zeros if score[z] == best] if best > min(score.values()) else []
    if not zeros:
        return ""
    digits = "".join(chr(ord(zeros[0]) + value) for value in range(10))
    if [unicodedata.decimal(digit, None) for digit in digits] != list(range(10)):
        return ""
    return digits


def localize_digits(text: str, language: str) -> str:
    """``text`` with its ASCII digits written in ``language``'s digits."""
    digits = system_digits(numbering_system(language))
    if not digits:
        return text
    return text.translate(str.maketrans("0123456789", digits))

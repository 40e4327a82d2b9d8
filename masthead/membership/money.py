"""Amounts of money: integers in the currency's minor unit everywhere, shown in the major one.

Not every currency has cents. Stripe (like ISO 4217) counts yen and won in whole units and
dinars in thousandths, so ``1250`` is 12.50 euros but 1,250 yen; dividing by 100 everywhere
would put a hundredfold error on a receipt. The exponents are Stripe's lists of zero-decimal
and three-decimal currencies; every other currency has two decimals.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format

ZERO_DECIMAL = frozenset(
    [
        "bif",
        "clp",
        "djf",
        "gnf",
        "jpy",
        "kmf",
        "krw",
        "mga",
        "pyg",
        "rwf",
        "ugx",
        "vnd",
        "vuv",
        "xaf",
        "xof",
        "xpf",
    ]
)
THREE_DECIMAL = frozenset(["bhd", "jod", "kwd", "omr", "tnd"])


def decimals(currency: str) -> int:
    """How many digits the minor unit of ``currency`` (``"eur"``, ``"JPY"``) adds."""
    code = currency.lower()
    if code in ZERO_DECIMAL:
        return 0
    if code in THREE_DECIMAL:
        return 3
    return 2


def major(amount: int, currency: str) -> Decimal:
    """``amount`` minor units as an exact decimal in the major unit (1250 eur is 12.50)."""
    places = decimals(currency)
    return Decimal(amount).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def minor(value: Decimal, currency: str) -> int:
    """A major-unit amount a reader typed, in minor units (12.5 eur is 1250)."""
    return int(value.scaleb(decimals(currency)).to_integral_value())


def format_money(amount: int | None, currency: str) -> str:
    """``1250, "eur"`` as ``12.50 EUR``, in the active language's number format."""
    if amount is None:
        return ""
    shown = number_format(
        major(amount, currency),
        decimal_pos=decimals(currency),
        use_l10n=True,
        force_grouping=True,
    )
    return f"{shown} {currency.upper()}".strip()

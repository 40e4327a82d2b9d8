from __future__ import annotations

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def money(amount: int | None, currency: str = "") -> str:
    """An amount in the minor unit, shown in the major one: ``money(1250, "eur")`` is
    ``12.50 EUR`` (in the active language's number format)."""
    if amount is None:
        return ""
    shown = number_format(amount / 100, decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{shown} {currency.upper()}".strip()


@register.filter
def major_units(amount: int) -> str:
    """``1250`` as ``12.50``, unlocalised, for form values."""
    return f"{amount / 100:.2f}"

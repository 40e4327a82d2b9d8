from __future__ import annotations

from django import template

from .. import money as amounts

register = template.Library()


@register.filter
def money(amount: int | None, currency: str = "") -> str:
    """An amount in the minor unit, shown in the major one: ``money(1250, "eur")`` is
    ``12.50 EUR`` (in the active language's number format; yen have no cents)."""
    return amounts.format_money(amount, currency or "eur")


@register.filter
def major_units(amount: int, currency: str = "eur") -> str:
    """``1250`` as ``12.50``, unlocalised, for form values."""
    return str(amounts.major(amount, currency))

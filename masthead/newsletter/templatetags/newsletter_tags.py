from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from ..forms import SignupForm

register = template.Library()


@register.inclusion_tag("newsletter/includes/signup_form.html", takes_context=True)
def newsletter_signup(context: dict[str, Any], source: str = "footer") -> dict[str, Any]:
    """The sign-up form, defaulting to the language the reader is reading in."""
    return {
        "form": SignupForm(language=get_language()),
        "source": source,
        "stamp": "",  # the page may be cached: the form's script fetches a fresh stamp
        "request": context.get("request"),
    }

from __future__ import annotations

from typing import Any

from django import template
from django.forms import Form
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
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


SELECTED = mark_safe(" selected")


@register.simple_tag
def language_options(form: Form) -> SafeString:
    """The language field's ``<option>`` elements, the form's choice selected: one join here,
    where the template's loop over every offered language cost more than the rest of the
    footer the form sits in (it is on every page)."""
    chosen = form["language"].value()
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (code, SELECTED if code == chosen else "", name)
            for code, name in form.fields["language"].choices
        ),
    )

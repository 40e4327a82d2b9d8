"""Reader-facing forms: sign-up (with its bot traps) and preferences."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from masthead.email_address import normalise_email

from .models import Frequency
from .tokens import form_age_seconds

LANGUAGE_ERRORS = {"invalid_choice": _("Choose one of the languages offered.")}
FREQUENCY_ERRORS = {"invalid_choice": _("Choose daily or weekly.")}


def language_field(initial: str | None = None) -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, initial=initial)


class SignupForm(forms.Form):
    email = forms.CharField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": "name@example.org"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=(), error_messages=LANGUAGE_ERRORS)
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.DAILY,
        error_messages=FREQUENCY_ERRORS,
    )
    # Bot traps: a field people never see (bots fill every field) and the signed time the
    # form was first used (bots submit at once). The template writes the stamp itself: a
    # fresh one on the uncached sign-up page, none in cached pages, whose script fetches one.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: Any, language: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        codes = {code for code, _name in settings.LANGUAGES}
        self.fields["language"].initial = language if language in codes else settings.LANGUAGE_CODE

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])

    def filled_the_trap(self) -> bool:
        """True when the hidden field people never see was filled in."""
        return bool(self.data.get("website"))

    def came_back_too_soon(self) -> bool:
        """True when the stamp is missing, forged, stale, or younger than a person types."""
        age = form_age_seconds(self.data.get("shown", ""))
        return age is None or age < settings.MASTHEAD_NEWSLETTER_MIN_FILL_SECONDS


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=(), error_messages=LANGUAGE_ERRORS)
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Frequency.choices, error_messages=FREQUENCY_ERRORS
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES

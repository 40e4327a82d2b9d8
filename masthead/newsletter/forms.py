"""Reader-facing forms: sign-up (with its bot traps) and preferences."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Frequency
from .services import normalise_email
from .tokens import form_age_seconds, form_timestamp


def language_field(initial: str | None = None) -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, initial=initial)


class SignupForm(forms.Form):
    email = forms.CharField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": "name@example.org"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=())
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Frequency.choices, initial=Frequency.DAILY
    )
    # Bot traps: a field people never see (bots fill every field) and the signed time the
    # form was shown (bots submit at once).
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, language: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        codes = {code for code, _name in settings.LANGUAGES}
        self.fields["language"].initial = language if language in codes else settings.LANGUAGE_CODE
        if not self.is_bound:
            self.initial["shown"] = form_timestamp()

    def clean_email(self) -> str:
        try:
            return normalise_email(self.cleaned_data["email"])
        except ValidationError:
            raise ValidationError(
                _(
                    "That doesn't look like an email address. Enter one address, like "
                    "name@example.org."
                )
            ) from None

    def looks_like_a_bot(self) -> bool:
        """True when the honeypot is filled or the form came back faster than a person types."""
        if self.data.get("website"):
            return True
        age = form_age_seconds(self.data.get("shown", ""))
        return age is None or age < settings.MASTHEAD_NEWSLETTER_MIN_FILL_SECONDS


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=())
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES

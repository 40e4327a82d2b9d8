from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from masthead.email_address import MAX_LENGTH, normalise_email

from .money import minor
from .sharing import parse_recipients


class EmailForm(forms.Form):
    email = forms.CharField(
        label=_("Your email address"),
        max_length=MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("The 6-digit code from the email"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*"}
        ),
    )


class NameForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120, required=False)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if any(ord(c) < 32 for c in name):
            raise ValidationError(_("Use letters, spaces and punctuation only."))
        return name


class GiftForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount"),
        min_value=1,
        max_value=10_000,
        decimal_places=2,
        max_digits=7,
        required=False,
    )
    other_amount = forms.DecimalField(
        label=_("Or another amount"),
        min_value=1,
        max_value=10_000,
        decimal_places=2,
        max_digits=7,
        required=False,
    )
    monthly = forms.BooleanField(label=_("Give this every month"), required=False)

    def clean(self) -> dict[str, object]:
        cleaned = super().clean()
        chosen = cleaned.get("other_amount") or cleaned.get("amount")
        if not chosen and not self.errors:
            raise ValidationError(_("Choose or enter an amount."))
        cleaned["chosen"] = chosen
        return cleaned

    def minor_units(self, currency: str) -> int:
        return minor(self.cleaned_data["chosen"], currency)


class ShareForm(forms.Form):
    recipients = forms.CharField(
        label=_("Send to (up to 3 email addresses, one per line)"),
        max_length=3 * MAX_LENGTH + 10,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_recipients(self) -> list[str]:
        return parse_recipients(self.cleaned_data["recipients"])

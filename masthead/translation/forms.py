from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .languages import NATIVE_NAMES
from .routes import offered_languages
from .services import MAX_CORRECTION_LENGTH


class CorrectionForm(forms.Form):
    segment = forms.CharField(max_length=64, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Correction"),
        required=False,
        max_length=MAX_CORRECTION_LENGTH * 2,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Plain text; links and emphasis are put back from the original."),
    )


class PolicyForm(forms.Form):
    excluded = forms.BooleanField(label=_("Do not translate this article"), required=False)
    excluded_languages = forms.MultipleChoiceField(
        label=_("Do not translate into"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["excluded_languages"].choices = [
            (code, NATIVE_NAMES[code]) for code in NATIVE_NAMES if code in offered_languages()
        ]

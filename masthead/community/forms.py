"""The reader's comment form: every field hostile until proven otherwise."""

from __future__ import annotations

import unicodedata
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from masthead.email_address import normalise_email

from .tokens import form_age_seconds, form_timestamp


def _refuse_unsafe_characters(value: str, *, multiline: bool) -> None:
    allowed = {"\n", "\t"} if multiline else set()
    if "\ufffd" in value:
        # What Django makes of bytes that aren't UTF-8.
        raise ValidationError(_("Some characters couldn't be read; send the text as UTF-8."))
    for char in value:
        if char not in allowed and unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"}:
            raise ValidationError(_("Remove line breaks and control characters from this field."))


def _limit_body(field: forms.Field) -> None:
    # The limit is a setting, read when the form is made rather than when the module loads.
    field.validators.append(MaxLengthValidator(settings.MASTHEAD_COMMENT_MAX_LENGTH))
    field.widget.attrs["maxlength"] = str(settings.MASTHEAD_COMMENT_MAX_LENGTH)


class CommentForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=80, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.CharField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Never shown. We send one link to confirm it the first time."),
    )
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea)
    notify_replies = forms.BooleanField(label=_("Email me when someone replies"), required=False)
    parent = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    # Bot traps: a field people never see (bots fill every field) and the signed time the form
    # was shown (bots submit at once).
    website = forms.CharField(required=False)
    shown = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "comment-%s")  # the site footer has forms with ids too
        super().__init__(*args, **kwargs)
        _limit_body(self.fields["body"])
        if not self.is_bound:
            self.initial["shown"] = form_timestamp()

    def clean_name(self) -> str:
        name = unicodedata.normalize("NFKC", self.cleaned_data["name"]).strip()
        _refuse_unsafe_characters(name, multiline=False)
        if not name:
            raise ValidationError(_("Enter the name to show with your comment."))
        return name

    def clean_email(self) -> str:
        raw = self.cleaned_data["email"]
        _refuse_unsafe_characters(raw, multiline=False)
        try:
            return normalise_email(raw)
        except ValidationError:
            raise ValidationError(
                _("That doesn't look like an email address. Enter one, like name@example.org.")
            ) from None

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n").strip()
        _refuse_unsafe_characters(body, multiline=True)
        if not body:
            raise ValidationError(_("Write something before you send it."))
        return body

    def looks_like_a_bot(self) -> bool:
        """True when the honeypot is filled or the form came back faster than a person types."""
        if self.data.get("website"):
            return True
        age = form_age_seconds(str(self.data.get("shown", "")))
        return age is None or age < settings.MASTHEAD_COMMENT_MIN_FILL_SECONDS


class MemberCommentForm(CommentForm):
    """A signed-in reader's form: name and address come from their account."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["name"]
        del self.fields["email"]


class EditForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit_body(self.fields["body"])

    clean_body = CommentForm.clean_body


class MastodonForm(forms.Form):
    instance = forms.CharField(
        label=_("Your Mastodon server"),
        max_length=300,
        help_text=_("For example mastodon.social, or your handle @you@mastodon.social"),
    )

"""An editor's review of the interface entries a machine filled: accept them as they are, or
correct them; either way the machine mark goes, so ``masthead translate interface`` leaves the
entry alone from then on, and the catalogue is recompiled for every server process at once."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import polib
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .interface import (
    MACHINE_MARK,
    PLACEHOLDER,
    catalogue_path,
    compile_catalogues,
    plural_rule,
    save_catalogue,
)

MAX_ENTRY_LENGTH = 2000


@dataclass(frozen=True)
class MachineEntry:
    """One machine-made entry as the review screen shows it."""

    key: str
    msgid: str
    msgid_plural: str
    context: str
    # The translation, one text per plural form (one for an ordinary entry).
    forms: list[str]
    # The engine or route that made it, from the mark's comment.
    route: str


def entry_key(entry: polib.POEntry) -> str:
    return hashlib.sha256(f"{entry.msgctxt or ''}\x04{entry.msgid}".encode()).hexdigest()[:16]


def _route(comment: str) -> str:
    found = re.search(re.escape(MACHINE_MARK) + r"\s*\((.*)\)", comment)
    return found.group(1) if found else ""


def _is_machine(entry: polib.POEntry) -> bool:
    return MACHINE_MARK in (entry.tcomment or "") and not entry.obsolete


def machine_entries(language: str) -> list[MachineEntry]:
    """The entries of ``language``'s catalogue still marked machine-made, in catalogue order."""
    path = catalogue_path(language)
    if not path.exists():
        return []
    catalogue = polib.pofile(str(path))
    forms, _rule = plural_rule(catalogue)
    return [
        MachineEntry(
            key=entry_key(entry),
            msgid=entry.msgid,
            msgid_plural=entry.msgid_plural or "",
            context=entry.msgctxt or "",
            forms=[entry.msgstr_plural.get(n, "") for n in range(forms)]
            if entry.msgid_plural
            else [entry.msgstr],
            route=_route(entry.tcomment),
        )
        for entry in catalogue
        if _is_machine(entry)
    ]


def awaiting_review(language: str) -> int:
    path = catalogue_path(language)
    if not path.exists():
        return 0
    return sum(1 for entry in polib.pofile(str(path)) if _is_machine(entry))


def _check(source: str, text: str) -> None:
    """What gettext's ``--check-format`` and the page need: the same placeholders, no markup
    the original did not have."""
    if not text.strip():
        raise ValidationError(_("The translation is empty."))
    if len(text) > MAX_ENTRY_LENGTH:
        raise ValidationError(_("The translation is too long."))
    if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
        raise ValidationError(
            _("Keep the placeholders of the original exactly: %(placeholders)s")
            % {"placeholders": " ".join(PLACEHOLDER.findall(source)) or "—"}
        )
    if "<" in text and "<" not in source:
        raise ValidationError(_("The original has no markup; the translation may not add any."))


def review_entry(language: str, key: str, forms: list[str] | None = None) -> None:
    """Accept the machine's entry (``forms`` None) or replace it with ``forms``; the machine
    mark goes, the catalogue is saved and recompiled. Raises :class:`ValidationError`."""
    path = catalogue_path(language)
    if not path.exists():
        raise ValidationError(_("That entry is no longer waiting for review."))
    catalogue = polib.pofile(str(path))
    entry = next((e for e in catalogue if _is_machine(e) and entry_key(e) == key), None)
    if entry is None:
        raise ValidationError(_("That entry is no longer waiting for review."))
    if forms is not None:
        forms = [form.strip() for form in forms]
        if entry.msgid_plural:
            count, _rule = plural_rule(catalogue)
            if len(forms) != count:
                raise ValidationError(_("Give every plural form."))
            for form in forms:
                _check(entry.msgid_plural, form)
            entry.msgstr_plural = dict(enumerate(forms))
        else:
            _check(entry.msgid, forms[0] if forms else "")
            entry.msgstr = forms[0]
    entry.tcomment = "\n".join(
        line for line in (entry.tcomment or "").splitlines() if MACHINE_MARK not in line
    )
    save_catalogue(language, catalogue)
    compile_catalogues([language])

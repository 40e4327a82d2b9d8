"""The interface in every offered language: gettext entries nobody has translated are filled by
the installed engines, marked machine-made, and compiled.

Django leaves *fuzzy* entries out of compiled catalogues, so marking machine entries fuzzy
would show readers English again. A machine entry is therefore an ordinary translated entry
with the translator comment :data:`MACHINE_MARK`; ``masthead translate interface`` counts
those still waiting for a person, who reviews the entry and deletes the comment (in the
``.po`` file or any PO editor). Entries Django, Wagtail or a person already translate are left
alone. Placeholders (``%(name)s``) travel as opaque words and must come back intact, or the
entry stays empty for a person; entries with markup are left to a person too.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

from .engines import EngineError
from .models import source_hash
from .segment_memory import corrections_for, translate_segments

MACHINE_MARK = "machine-translated: review, then delete this line"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
# Plural rules for languages Django has no catalogue of (the rest come from Django's own).
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"


@dataclass
class InterfaceOutcome:
    language: str
    filled: int = 0
    left: int = 0
    awaiting_review: int = 0
    error: str = ""


def catalogue_path(language: str) -> Path:
    locale = translation.to_locale(language)
    return Path(settings.LOCALE_PATHS[0]) / locale / "LC_MESSAGES" / "django.po"


def _template() -> list[polib.POEntry]:
    """Every message of the interface: the union of the existing catalogues' entries."""
    entries: dict[tuple[str | None, str], polib.POEntry] = {}
    for path in sorted(Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                entries.setdefault((entry.msgctxt, entry.msgid), entry)
    return [
        polib.POEntry(
            msgid=entry.msgid,
            msgid_plural=entry.msgid_plural,
            msgctxt=entry.msgctxt,
            occurrences=entry.occurrences,
            flags=[flag for flag in entry.flags if flag != "fuzzy"],
            msgstr="",
            msgstr_plural={0: "", 1: ""} if entry.msgid_plural else {},
        )
        for entry in entries.values()
    ]


def _catalogue(language: str) -> polib.POFile:
    path = catalogue_path(language)
    if path.exists():
        catalogue = polib.pofile(str(path))
        known = {(entry.msgctxt, entry.msgid) for entry in catalogue}
        for entry in _template():
            if (entry.msgctxt, entry.msgid) not in known:
                catalogue.append(entry)
        return catalogue
    catalogue = polib.POFile()
    catalogue.metadata = {
        "Project-Id-Version": "Masthead",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
    }
    for entry in _template():
        catalogue.append(entry)
    return catalogue


def _translated_elsewhere(entry: polib.POEntry, language: str) -> bool:
    """Whether Django's or an app's catalogue already has this message in ``language``."""
    with translation.override(language):
        if entry.msgctxt:
            found = translation.pgettext(entry.msgctxt, entry.msgid)
        else:
            found = translation.gettext(entry.msgid)
    return found != entry.msgid


def _missing(entry: polib.POEntry) -> bool:
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return not any(entry.msgstr_plural.values())
    return not entry.msgstr


def _protect(text: str) -> tuple[str, list[str]]:
    found = PLACEHOLDER.findall(text)
    for number, placeholder in enumerate(found):
        text = text.replace(placeholder, f"ZXQ{number}", 1)
    return text, found


def _restore(text: str, placeholders: list[str]) -> str | None:
    for number, placeholder in enumerate(placeholders):
        token = f"ZXQ{number}"
        if text.count(token) != 1:
            return None
        text = text.replace(token, placeholder)
    return None if re.search(r"ZXQ\d", text) else text


def fill_catalogue(language: str) -> InterfaceOutcome:
    """Fill, mark and save ``language``'s catalogue; compile it with :func:`compile_catalogues`."""
    outcome = InterfaceOutcome(language)
    catalogue = _catalogue(language)
    todo = [
        entry
        for entry in catalogue
        if _missing(entry) and not _translated_elsewhere(entry, language)
    ]
    texts: dict[str, str] = {}
    protected: dict[str, tuple[str, list[str]]] = {}
    for entry in todo:
        for message in filter(None, (entry.msgid, entry.msgid_plural)):
            if "<" in message:
                continue
            text, placeholders = _protect(message)
            protected[message] = (text, placeholders)
            texts[source_hash(text)] = text
    source = settings.LANGUAGE_CODE
    machine: dict[str, str] = {}
    label = ""
    if texts:
        corrections = corrections_for(list(texts), source, language)
        try:
            result = translate_segments(texts, source, language, skip=set(corrections))
        except EngineError as error:
            outcome.error = str(error)
            return outcome
        machine = {**result.machine, **corrections}
        label = result.route.label

    def translated(message: str) -> str | None:
        if message not in protected:
            return None
        text, placeholders = protected[message]
        return _restore(machine.get(source_hash(text), ""), placeholders) or None

    for entry in todo:
        singular = translated(entry.msgid)
        if entry.msgid_plural:
            plural = translated(entry.msgid_plural)
            if singular is None or plural is None:
                outcome.left += 1
                continue
            forms = _plural_count(catalogue)
            entry.msgstr_plural = {i: singular if i == 0 else plural for i in range(forms)}
        elif singular is None:
            outcome.left += 1
            continue
        else:
            entry.msgstr = singular
        entry.tcomment = f"{MACHINE_MARK} ({label})"
        outcome.filled += 1
    outcome.awaiting_review = sum(1 for entry in catalogue if MACHINE_MARK in entry.tcomment)
    path = catalogue_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    return outcome


def _plural_count(catalogue: polib.POFile) -> int:
    found = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    return int(found.group(1)) if found else 2


def compile_catalogues(languages: list[str]) -> None:
    """Compile with GNU msgfmt, as Django's ``compilemessages`` does (it checks that the
    placeholders match), or with polib where gettext is not installed; then make this process
    read the new catalogues."""
    msgfmt = shutil.which("msgfmt")
    for code in languages:
        path = catalogue_path(code)
        if not path.exists():
            continue
        mo = path.with_suffix(".mo")
        if msgfmt:
            subprocess.run(  # noqa: S603 - fixed program, our own file names
                [msgfmt, "--check-format", "-o", str(mo), str(path)], check=True
            )
        else:
            polib.pofile(str(path)).save_as_mofile(str(mo))
        translation_file_changed(None, file_path=mo)

"""The interface in every offered language: gettext entries nobody has translated are filled by
the installed engines, marked machine-made, and compiled.

Django leaves *fuzzy* entries out of compiled catalogues, so marking machine entries fuzzy
would show readers English again. A machine entry is therefore an ordinary translated entry
with the translator comment :data:`MACHINE_MARK`; ``masthead translate interface`` counts
those still waiting for a person, who reviews the entry and deletes the comment (in the
``.po`` file or any PO editor). Entries Django, Wagtail or a person already translate are left
alone. Placeholders (``%(name)s``) travel as opaque words and must come back intact, or the
entry stays empty for a person. Entries with inline markup (a link in a sentence) go through
the articles' segmenter: plain sentences and spans to the engine, tags put back where their
words are; a tag it cannot place leaves the entry to a person.

On a pivot route (English → Spanish → Italian) the second hop starts from the pivot language's
catalogue where it has the message, so a person's Spanish ("Republicar este artículo") reaches
Italian instead of the engine's first hop, which may not know the word.

Plural entries get every form the catalogue's ``Plural-Forms`` asks for (three in Russian or
Polish, six in Arabic): for each form the engine translates the English sentence with a number
that selects that form ("5 comments" for Russian's third), so the noun comes back inflected the
way that form needs; the number then becomes the placeholder again.
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polib
from babel.core import UnknownLocaleError
from babel.messages.plurals import get_plural
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

from .engines import EngineError
from .models import source_hash
from .segment_memory import corrections_for, translate_segments
from .segmenting import translate_rich_text

MACHINE_MARK = "machine-translated: review, then delete this line"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
# The placeholder names that carry the count of a plural message (Django's blocktranslate
# calls it ``counter`` by default; ngettext callers ``count``).
COUNT_NAMES = ("counter", "count", "n", "num", "number")
# Numbers tried, in this order, to find one that selects each plural form.
SAMPLE_NUMBERS = (*range(1, 201), 0, 1000, 10**5, 10**6, 10**7)


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
            msgstr_plural={},
        )
        for entry in entries.values()
    ]


def plural_forms(language: str) -> str:
    """The gettext ``Plural-Forms`` of a language with no catalogue yet, from CLDR's plural
    rules as Babel states them (two forms where Babel does not know the language)."""
    try:
        return get_plural(translation.to_locale(language)).plural_forms
    except (UnknownLocaleError, ValueError):
        return "nplurals=2; plural=(n != 1);"


def plural_rule(catalogue: polib.POFile) -> tuple[int, Callable[[int], int]]:
    """The number of plural forms of ``catalogue`` and the function from a count to a form."""
    header = catalogue.metadata.get("Plural-Forms", "")
    count = re.search(r"nplurals\s*=\s*(\d+)", header)
    expression = re.search(r"plural\s*=\s*(.+?);?\s*$", header)
    if not count or not expression:
        return 2, lambda n: int(n != 1)
    return int(count.group(1)), gettext.c2py(expression.group(1))


def _catalogue(language: str) -> polib.POFile:
    path = catalogue_path(language)
    if path.exists():
        catalogue = polib.pofile(str(path))
    else:
        catalogue = polib.POFile()
        catalogue.metadata = {
            "Project-Id-Version": "Masthead",
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": plural_forms(language),
        }
    known = {(entry.msgctxt, entry.msgid) for entry in catalogue}
    for entry in _template():
        if (entry.msgctxt, entry.msgid) not in known:
            catalogue.append(entry)
    # Every plural entry has one msgstr[n] per form the language has.
    forms, _rule = plural_rule(catalogue)
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {i: entry.msgstr_plural.get(i, "") for i in range(forms)}
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
    """Untranslated, or a plural entry with a form left empty (gettext would show nothing)."""
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return not all(entry.msgstr_plural.values())
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


@dataclass(frozen=True)
class _Request:
    """One text sent to the engine for a message: placeholders as opaque words, and for a
    plural form the number that selects it in place of the count."""

    text: str
    placeholders: list[str]
    number: str = ""
    count_token: str = ""

    @property
    def texts(self) -> list[str]:
        return [self.text]

    def restore_from(self, machine: dict[str, str]) -> str | None:
        return self.restore(machine.get(source_hash(self.text), ""))

    def restore(self, translated: str) -> str | None:
        if self.number:
            found = re.findall(rf"(?<!\w){re.escape(self.number)}(?!\w)", translated)
            if len(found) != 1:
                return None
            translated = re.sub(
                rf"(?<!\w){re.escape(self.number)}(?!\w)", self.count_token, translated
            )
        return _restore(translated, self.placeholders)


@dataclass(frozen=True)
class _MarkupRequest:
    """A message with inline markup: the engine gets its sentences and tagged spans as plain
    text (the texts the segmenter asks for), and the segmenter puts the tags back."""

    html: str
    placeholders: list[str]

    @property
    def texts(self) -> list[str]:
        asked: list[str] = []
        translate_rich_text(self.html, lambda text: asked.append(text) or text)
        return asked

    def restore_from(self, machine: dict[str, str]) -> str | None:
        dropped: list[str] = []

        def known(text: str) -> str:
            return machine.get(source_hash(text)) or ""

        if not all(known(text) for text in self.texts):
            return None
        html = translate_rich_text(self.html, known, on_dropped_tag=dropped.append)
        return None if dropped else _restore(html, self.placeholders)


def _request(message: str) -> _Request | _MarkupRequest | None:
    text, placeholders = _protect(message)
    if "<" in message:
        return _MarkupRequest(text, placeholders)
    return _Request(text, placeholders)


def _count_token(placeholders: list[str]) -> str | None:
    """The opaque word standing for the count of a plural message, if it has one."""
    if len(placeholders) == 1:
        return "ZXQ0"
    for number, placeholder in enumerate(placeholders):
        name = re.match(r"%\((\w+)\)", placeholder)
        if (name and name.group(1) in COUNT_NAMES) or placeholder in ("%d", "%s"):
            return f"ZXQ{number}"
    return None


def _form_requests(
    entry: polib.POEntry, forms: int, rule: Callable[[int], int]
) -> dict[int, list[_Request | _MarkupRequest]]:
    """For each plural form, what to ask the engine, best first: the English sentence with a
    number that selects that form, then the bare singular or plural as a fallback."""
    requests: dict[int, list[_Request | _MarkupRequest]] = {}
    for form in range(forms):
        sample = next((n for n in SAMPLE_NUMBERS if rule(n) == form), None)
        english = entry.msgid if sample == 1 else entry.msgid_plural
        bare = _request(english)
        if bare is None:
            continue
        token = _count_token(bare.placeholders)
        options: list[_Request | _MarkupRequest] = [bare]
        # A sentence with markup is sent as it is: its count stays a placeholder.
        if sample is not None and token is not None and isinstance(bare, _Request):
            number = str(sample)
            options.insert(
                0,
                _Request(bare.text.replace(token, number), bare.placeholders, number, token),
            )
        requests[form] = options
    return requests


def _protect_as(text: str, placeholders: list[str]) -> str | None:
    """``text`` with the English message's placeholders as its opaque words, or ``None`` when
    they do not appear exactly once each."""
    for number, placeholder in enumerate(placeholders):
        if text.count(placeholder) != 1:
            return None
        text = text.replace(placeholder, f"ZXQ{number}")
    return None if PLACEHOLDER.search(text) else text


def _catalogue_texts(
    entries: list[tuple[polib.POEntry, _Request]],
) -> Callable[[str], dict[str, str]]:
    """For a pivot language, its catalogue's text of each singular message, ready for the
    second hop (by the hash of what the first hop would have been sent)."""

    def known(via: str) -> dict[str, str]:
        found: dict[str, str] = {}
        with translation.override(via):
            for entry, request in entries:
                if entry.msgctxt:
                    text = translation.pgettext(entry.msgctxt, entry.msgid)
                else:
                    text = translation.gettext(entry.msgid)
                protected = _protect_as(text, request.placeholders)
                if text != entry.msgid and protected:
                    found[source_hash(request.text)] = protected
        return found

    return known


def forget_machine_entries(language: str) -> int:
    """Empty the machine-made entries no person has reviewed yet, so the next fill makes them
    again (after a better engine is installed or the pivot language's catalogue improved)."""
    path = catalogue_path(language)
    if not path.exists():
        return 0
    catalogue = polib.pofile(str(path))
    forgotten = 0
    for entry in catalogue:
        if MACHINE_MARK in entry.tcomment:
            entry.tcomment = ""
            entry.msgstr = ""
            entry.msgstr_plural = {form: "" for form in entry.msgstr_plural}
            forgotten += 1
    save_catalogue(language, catalogue)
    # gettext must forget them too, or the fill takes them for Django's own words.
    compile_catalogues([language])
    return forgotten


def fill_catalogue(language: str) -> InterfaceOutcome:
    """Fill, mark and save ``language``'s catalogue; compile it with :func:`compile_catalogues`."""
    outcome = InterfaceOutcome(language)
    catalogue = _catalogue(language)
    forms, rule = plural_rule(catalogue)
    todo = [
        entry
        for entry in catalogue
        if _missing(entry) and not _translated_elsewhere(entry, language)
    ]
    # What each entry asks: one list of options per form (a singular entry has form 0 only).
    asked: dict[int, dict[int, list[_Request | _MarkupRequest]]] = {}
    for index, entry in enumerate(todo):
        if entry.msgid_plural:
            asked[index] = _form_requests(entry, forms, rule)
        else:
            single = _request(entry.msgid)
            asked[index] = {0: [single]} if single else {}
    texts = {
        source_hash(text): text
        for options in asked.values()
        for requests in options.values()
        for request in requests
        for text in request.texts
    }
    source = settings.LANGUAGE_CODE
    machine: dict[str, str] = {}
    label = ""
    if texts:
        corrections = corrections_for(list(texts), source, language)
        singular = [
            (entry, options[0][0])
            for entry, options in zip(todo, asked.values(), strict=True)
            if not entry.msgid_plural and options and isinstance(options[0][0], _Request)
        ]
        try:
            result = translate_segments(
                texts,
                source,
                language,
                skip=set(corrections),
                known_intermediate=_catalogue_texts(singular),
            )
        except EngineError as error:
            outcome.error = str(error)
            return outcome
        machine = {**result.machine, **corrections}
        label = result.route.label

    def translated(requests: list[_Request | _MarkupRequest]) -> str | None:
        for request in requests:
            found = request.restore_from(machine)
            if found:
                return found
        return None

    for index, entry in enumerate(todo):
        made = {form: translated(requests) for form, requests in asked[index].items()}
        if entry.msgid_plural:
            if len(made) < forms or None in made.values():
                outcome.left += 1
                continue
            # A form a person already wrote is kept.
            entry.msgstr_plural = {
                form: entry.msgstr_plural.get(form) or made[form] for form in range(forms)
            }
        elif not made.get(0):
            outcome.left += 1
            continue
        else:
            entry.msgstr = made[0]
        entry.tcomment = f"{MACHINE_MARK} ({label})"
        outcome.filled += 1
    outcome.awaiting_review = sum(1 for entry in catalogue if MACHINE_MARK in entry.tcomment)
    save_catalogue(language, catalogue)
    return outcome


def save_catalogue(language: str, catalogue: polib.POFile) -> None:
    path = catalogue_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))


def compile_catalogues(languages: list[str]) -> None:
    """Compile with GNU msgfmt, as Django's ``compilemessages`` does (it checks that the
    placeholders match), or with polib where gettext is not installed; then make every server
    process read the new catalogues and drop the pages rendered with the old ones."""
    msgfmt = shutil.which("msgfmt")
    compiled = False
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
        compiled = True
    if compiled:
        catalogues_changed()


CATALOGUES_GENERATION_KEY = "masthead:translation:catalogues-generation"
_loaded_generation: str | None = None


def catalogues_changed() -> None:
    """Tell every process (through the shared cache) that the compiled catalogues changed, reload
    them in this one, and empty the page cache, whose pages carry the old words."""
    from masthead.server.purging import purge

    cache.set(CATALOGUES_GENERATION_KEY, uuid.uuid4().hex, None)
    reload_catalogues_if_changed()
    purge(None)


def reload_catalogues_if_changed() -> None:
    """Drop this process's gettext catalogues when another process compiled new ones (Django
    reads ``.mo`` files once per process; its own reloader only runs under ``runserver``)."""
    global _loaded_generation
    generation = cache.get(CATALOGUES_GENERATION_KEY)
    if generation == _loaded_generation:
        return
    if _loaded_generation is not None or generation is not None:
        # Django's own reset for a changed .mo file: every language is read again on next use.
        translation_file_changed(None, file_path=Path(settings.LOCALE_PATHS[0]) / "django.mo")
    _loaded_generation = generation

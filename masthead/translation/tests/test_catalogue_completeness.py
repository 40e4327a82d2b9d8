"""A page never mixes English into a translated article because a catalogue is incomplete:
every message the code and templates use is in the one set of catalogues, and every language
whose catalogue is committed filled has each of them (a person's, Django's, Wagtail's or the
machine's words, marked for review)."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

from masthead.translation.interface import PLACEHOLDER, catalogue_path

PACKAGE = Path(__file__).resolve().parents[2]
# The languages Debian's Apertium pairs and the packaged Firefox model reach
# (.ci/debian-packages.txt): their catalogues are filled and committed.
FILLED = ["an", "ast", "ca", "eo", "es", "fr", "gl", "it", "oc", "pt", "sc"]
TEMPLATE_MESSAGE = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])((?:(?!\1).)+)\1""")
PYTHON_MESSAGE = re.compile(r"""\b_\(\s*"([^"\\]+)"\s*\)""")


def used_messages() -> set[str]:
    """Literal messages of ``{% translate %}`` tags and ``_("…")`` calls in every app."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.html"):
        found |= {m.group(2) for m in TEMPLATE_MESSAGE.finditer(path.read_text())}
    for path in PACKAGE.rglob("*.py"):
        if "tests" not in path.parts and "migrations" not in path.parts:
            found |= set(PYTHON_MESSAGE.findall(path.read_text()))
    return found


def test_one_set_of_catalogues_the_filler_sees():
    """An app's own ``locale`` folder is one ``masthead translate interface`` never fills."""
    assert [p.relative_to(PACKAGE) for p in PACKAGE.rglob("locale") if p.is_dir()] == [
        Path("locale")
    ]


def test_every_message_in_use_is_in_the_catalogues():
    catalogue = {entry.msgid for entry in polib.pofile(str(catalogue_path("es")))}
    missing = sorted(used_messages() - catalogue)
    assert not missing, missing


@pytest.mark.parametrize("code", FILLED)
def test_every_message_is_translated_in_every_filled_language(code):
    missing = []
    with translation.override(code):
        for entry in polib.pofile(str(catalogue_path(code))):
            if entry.obsolete:
                continue
            if entry.msgid_plural:
                filled = all(entry.msgstr_plural.values()) or (
                    translation.ngettext(entry.msgid, entry.msgid_plural, 2) != entry.msgid_plural
                )
            else:
                filled = bool(entry.msgstr) or translation.gettext(entry.msgid) != entry.msgid
            if not filled and "fuzzy" not in entry.flags:
                missing.append(entry.msgid)
    # Only entries whose placeholders an engine could not bring back whole may wait for a
    # person (Apertium's Galician pair splits "ZXQ0" into "ZXQ" and "0"; its Esperanto pair
    # moves words between the lines of a batch): 11 in Galician, 17 in Esperanto.
    assert all(PLACEHOLDER.search(message) for message in missing), missing

"""The interface's gettext catalogues: the notice and switcher in every language, the whole
reader interface in the major ones."""

from __future__ import annotations

import pytest
from django.utils import translation

from masthead.translation.languages import LANGUAGES, RTL_LANGUAGES

NOTICE = "This article was translated by machine."
LABELS = [NOTICE, "Read the original", "Read in another language", "Language"]
OTHER_LANGUAGES = [code for code, _name in LANGUAGES if code != "en"]


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_notice_and_switcher_are_translated_in_every_language(code):
    with translation.override(code):
        translated = [translation.gettext(label) for label in LABELS]
    assert all(text and text != label for text, label in zip(translated, LABELS, strict=True))


@pytest.mark.parametrize(
    ("code", "expected"),
    [("pt", "Saltar para o conteúdo"), ("es", "Saltar al contenido"),
     ("fr", "Aller au contenu"), ("de", "Zum Inhalt springen")],
)  # fmt: skip
def test_whole_reader_interface_in_major_languages(code, expected):
    with translation.override(code):
        assert translation.gettext("Skip to content") == expected
        assert translation.gettext("Articles by %(name)s") % {"name": "Ana"} != "Articles by Ana"
        found = translation.ngettext(
            "%(counter)s article found for “%(query)s”.",
            "%(counter)s articles found for “%(query)s”.",
            2,
        ) % {"counter": 2, "query": "x"}
        assert found.startswith("2 ") and "found" not in found


def test_right_to_left_languages_are_marked_bidi():
    for code in RTL_LANGUAGES:
        assert translation.get_language_info(code)["bidi"]
    with translation.override("az"):
        assert not translation.get_language_bidi()
    with translation.override("fa"):
        assert translation.get_language_bidi()

"""Plural forms beyond two: ``masthead translate interface`` fills every ``msgstr[n]`` the
catalogue's ``Plural-Forms`` asks for, each from a sentence whose number selects that form."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

from masthead.translation.engines import get_engine
from masthead.translation.interface import MACHINE_MARK, fill_catalogue, plural_forms

pytestmark = pytest.mark.django_db

LOCALE = Path(__file__).resolve().parents[2] / "locale"
SEARCH_ONE = "%(counter)s article found for “%(query)s”."
SEARCH_MANY = "%(counter)s articles found for “%(query)s”."


@pytest.fixture
def catalogues(settings, tmp_path):
    """A copy of the catalogues, so the test never writes into the repository."""
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy)
    settings.LOCALE_PATHS = [copy]
    yield copy
    translation_file_changed(None, file_path=LOCALE / "pt" / "LC_MESSAGES" / "django.mo")


def _forget(catalogues: Path, language: str, msgid: str) -> None:
    path = catalogues / translation.to_locale(language) / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    entry = po.find(msgid)
    entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
    entry.tcomment = ""
    po.save()
    po.save_as_mofile(str(path.with_suffix(".mo")))
    translation_file_changed(None, file_path=path.with_suffix(".mo"))


# What a Russian engine answers: the noun inflected for the number it sees.
RUSSIAN = {
    "1 article found for “ZXQ1”.": "Найдена 1 статья по запросу «ZXQ1».",
    "2 articles found for “ZXQ1”.": "Найдено 2 статьи по запросу «ZXQ1».",
    "5 articles found for “ZXQ1”.": "Найдено 5 статей по запросу «ZXQ1».",
    "ZXQ0 articles found for “ZXQ1”.": "Найдено ZXQ0 статей по запросу «ZXQ1».",
}


def test_every_russian_form_is_filled_from_its_own_number(settings, catalogues, fake_api):
    settings.LIBRETRANSLATE_URL = fake_api.url
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["ru"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["libretranslate"]}
    fake_api.phrasebook = RUSSIAN
    get_engine.cache_clear()
    _forget(catalogues, "ru", SEARCH_ONE)
    with translation.override("ru"):
        assert translation.ngettext(SEARCH_ONE, SEARCH_MANY, 5) == SEARCH_MANY

    call_command("translate", "interface", "--lang", "ru")
    get_engine.cache_clear()

    entry = polib.pofile(str(catalogues / "ru" / "LC_MESSAGES" / "django.po")).find(SEARCH_ONE)
    # Django's Russian catalogue has four forms (the fourth for fractions): all are filled.
    assert len(entry.msgstr_plural) == 4 and all(entry.msgstr_plural.values())
    assert MACHINE_MARK in entry.tcomment
    asked = {q for _path, body, _headers in fake_api.requests for q in body.get("q", [])}
    assert {"1 article found for “ZXQ1”.", "2 articles found for “ZXQ1”."} <= asked
    assert "5 articles found for “ZXQ1”." in asked
    with translation.override("ru"):
        shown = {
            n: translation.ngettext(SEARCH_ONE, SEARCH_MANY, n) % {"counter": n, "query": "мост"}
            for n in (1, 2, 5, 21, 22, 25, 111)
        }
    assert shown[1] == "Найдена 1 статья по запросу «мост»."
    assert shown[21] == "Найдена 21 статья по запросу «мост»."
    assert shown[2] == "Найдено 2 статьи по запросу «мост»."
    assert shown[22] == "Найдено 22 статьи по запросу «мост»."
    assert shown[5] == "Найдено 5 статей по запросу «мост»."
    assert shown[25] == "Найдено 25 статей по запросу «мост»."
    assert shown[111] == "Найдено 111 статей по запросу «мост»."


def test_a_new_catalogue_takes_the_languages_plural_rule_from_cldr():
    assert plural_forms("sl").startswith("nplurals=4;")
    assert plural_forms("ar").startswith("nplurals=6;")
    assert plural_forms("ja").startswith("nplurals=1;")


def test_a_new_arabic_catalogue_gets_all_six_forms(settings, catalogues, fake_api):
    settings.LIBRETRANSLATE_URL = fake_api.url
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["ar"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["libretranslate"]}
    get_engine.cache_clear()
    shutil.rmtree(catalogues / "ar")

    outcome = fill_catalogue("ar")
    get_engine.cache_clear()

    assert outcome.filled and not outcome.error
    po = polib.pofile(str(catalogues / "ar" / "LC_MESSAGES" / "django.po"))
    assert po.metadata["Plural-Forms"].startswith("nplurals=6;")
    entry = po.find(SEARCH_ONE)
    # Zero, one, two, few (3), many (11) and other (100): each asked with its own number.
    many = "«%(counter)s articles found for “%(query)s”.»"
    assert [entry.msgstr_plural[n] for n in range(6)] == [
        many,
        "«%(counter)s article found for “%(query)s”.»",
        *[many] * 4,
    ]
    asked = {q for _path, body, _headers in fake_api.requests for q in body.get("q", [])}
    for number in (0, 1, 2, 3, 11, 100):
        noun = "article" if number == 1 else "articles"
        assert f"{number} {noun} found for “ZXQ1”." in asked


@pytest.mark.usefixtures("apertium")
def test_spanish_plural_forms_by_apertium(settings, catalogues):
    """Django's Spanish catalogue has three forms (one, millions, other): Apertium fills each."""
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["es"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["apertium"]}
    _forget(catalogues, "es", SEARCH_ONE)

    outcome = fill_catalogue("es")

    assert not outcome.error
    entry = polib.pofile(str(catalogues / "es" / "LC_MESSAGES" / "django.po")).find(SEARCH_ONE)
    assert len(entry.msgstr_plural) == 3 and all(entry.msgstr_plural.values())
    for form in entry.msgstr_plural.values():
        assert form.count("%(counter)s") == 1 and form.count("%(query)s") == 1
    # Singular agreement for one, plural for the millions and the rest; and no stray article
    # ("ZXQ0 Las prendas…"), which the bare placeholder sentence brings.
    assert entry.msgstr_plural[0] == "%(counter)s prenda encontrada para “%(query)s”."
    assert entry.msgstr_plural[1] == "%(counter)s prendas encontradas para “%(query)s”."
    assert entry.msgstr_plural[2] == entry.msgstr_plural[1]

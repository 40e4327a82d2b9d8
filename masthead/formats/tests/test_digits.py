"""Dates and numbers on readers' pages follow the language: CLDR's numbering systems (through
Babel) give Persian and Bengali their digits, Arabic its own where the outlet enables them, and
Portuguese writes its months in lower case."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from masthead.formats.digits import localize_digits, numbering_system, system_digits
from masthead.news.tests.factories import ArticleFactory
from masthead.server.page_cache import purge_everything

PUBLISHED = timezone.make_aware(dt.datetime(2026, 11, 25, 9, 30), dt.UTC)


def test_digits_come_from_cldrs_numbering_systems(settings):
    settings.MASTHEAD_NATIVE_DIGITS = []
    assert numbering_system("fa") == "arabext" and numbering_system("bn") == "beng"
    assert numbering_system("ar") == "latn" and numbering_system("pt") == "latn"
    # (Dates without a 1: ruff takes the Persian and Arabic one for a Latin letter.)
    assert localize_digits("25/06/2026", "fa") == "۲۵/۰۶/۲۰۲۶"
    assert localize_digits("25/06/2026", "bn") == "২৫/০৬/২০২৬"
    assert localize_digits("25/06/2026", "mr") == "२५/०६/२०२६"
    assert localize_digits("25/06/2026", "ar") == "25/06/2026"
    assert localize_digits("25/06/2026", "en") == "25/06/2026"

    settings.MASTHEAD_NATIVE_DIGITS = ["ar", "ur"]
    assert localize_digits("25/06/2026", "ar") == "٢٥/٠٦/٢٠٢٦"
    assert localize_digits("25", "ur") == "۲۵"  # Urdu's native digits are the extended set
    settings.MASTHEAD_NATIVE_DIGITS = ["none"]
    assert localize_digits("25", "fa") == "25"


def test_systems_without_decimal_digits_keep_western_ones():
    assert system_digits("latn") == "" and system_digits("hebr") == ""
    assert system_digits("hanidec") == ""  # not decimal digits in Unicode's sense
    assert system_digits("tamldec") == "௦௧௨௩௪௫௬௭௮௯"


def _teaser_time(client, path: str):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return soup.select_one(".teaser__meta time"), soup.select_one(".copyright").get_text()


@pytest.mark.django_db
def test_dates_on_readers_pages_use_the_languages_digits(client, home, settings):
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["fa", "bn", "ar", "pt"]
    settings.MASTHEAD_NATIVE_DIGITS = []
    ArticleFactory(published_at=PUBLISHED)

    persian, copyright_fa = _teaser_time(client, "/fa/articles/")
    assert "۲۵" in persian.get_text() and "۲۰۲۶" in persian.get_text()
    assert not any(c.isascii() and c.isdigit() for c in persian.get_text())
    assert persian["datetime"].startswith("2026-11-25")  # machines read ASCII
    assert "۲۰" in copyright_fa
    bengali, _ = _teaser_time(client, "/bn/articles/")
    assert "২৫" in bengali.get_text() and "২০২৬" in bengali.get_text()
    arabic, _ = _teaser_time(client, "/ar/articles/")
    assert "25" in arabic.get_text() and "2026" in arabic.get_text()
    english, _ = _teaser_time(client, "/articles/")
    assert english.get_text() == "25 November 2026"
    portuguese, _ = _teaser_time(client, "/pt/articles/")
    assert portuguese.get_text() == "25 de novembro de 2026"

    # The outlet asks for Arabic-Indic digits in Arabic.
    settings.MASTHEAD_NATIVE_DIGITS = ["ar"]
    purge_everything()
    arabic, _ = _teaser_time(client, "/ar/articles/")
    assert "٢٥" in arabic.get_text() and "٢٠٢٦" in arabic.get_text()
    assert arabic["datetime"].startswith("2026-11-25")

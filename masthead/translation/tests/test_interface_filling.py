"""``masthead translate interface``: missing gettext entries filled by a real engine, marked
machine-made, compiled, and shown to readers."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

from masthead.translation.interface import MACHINE_MARK

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("apertium")]

LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.fixture
def catalogues(settings, tmp_path):
    """A copy of the catalogues, so the test never writes into the repository."""
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy)
    settings.LOCALE_PATHS = [copy]
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["gl", "sc"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["apertium"]}
    settings.MASTHEAD_TRANSLATION_PIVOTS = ["es", "ca"]
    # Forget the Galician entry a machine may already have made in the repository's copy.
    path = copy / "gl" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    po.find("Skip to content").msgstr = ""
    po.find("Skip to content").tcomment = ""
    po.save()
    po.save_as_mofile(str(path.with_suffix(".mo")))
    translation_file_changed(None, file_path=path.with_suffix(".mo"))
    yield copy
    translation_file_changed(None, file_path=LOCALE / "pt" / "LC_MESSAGES" / "django.mo")


def test_missing_entries_are_filled_marked_and_shown(client, home, catalogues, capsys):
    with translation.override("gl"):
        assert translation.gettext("Skip to content") == "Skip to content"

    call_command("translate", "interface")

    po = polib.pofile(str(catalogues / "gl" / "LC_MESSAGES" / "django.po"))
    entry = po.find("Skip to content")
    assert entry.msgstr and entry.msgstr != "Skip to content"
    assert MACHINE_MARK in entry.tcomment and "fuzzy" not in entry.flags
    # Placeholders come back intact.
    by_name = po.find("Articles by %(name)s")
    assert "%(name)s" in by_name.msgstr
    # Entries a person or Django translated are left alone.
    notice = po.find("This article was translated by machine.")
    assert MACHINE_MARK not in notice.tcomment
    # Sardinian had no catalogue at all: it has one now, reached through Catalan.
    assert (catalogues / "sc" / "LC_MESSAGES" / "django.mo").exists()
    out = capsys.readouterr().out
    assert "machine-made entries await review" in out

    with translation.override("gl"):
        assert translation.gettext("Skip to content") == entry.msgstr
    soup = BeautifulSoup(client.get("/gl/").content, "html.parser")
    assert soup.select_one(".skip-link").get_text() == entry.msgstr


LINKED = 'For anything else, <a href="%(permissions_url)s">ask for permission</a>.'


def test_an_entry_with_a_link_is_filled_with_the_link_kept(client, home, catalogues):
    """The policy page's last sentence carries a link: the sentence and the link's words are
    translated, and the tag goes back on the link's words with its placeholder intact."""
    path = catalogues / "gl" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    po.find(LINKED).msgstr = ""
    po.find(LINKED).tcomment = ""
    po.save()

    call_command("translate", "interface", "--lang", "gl")

    entry = polib.pofile(str(path)).find(LINKED)
    assert MACHINE_MARK in entry.tcomment
    link = BeautifulSoup(entry.msgstr, "html.parser").find("a")
    assert link["href"] == "%(permissions_url)s"
    assert link.get_text() and link.get_text() != "ask for permission"
    assert "For anything else" not in entry.msgstr
    page = BeautifulSoup(client.get("/gl/about/republishing/").content, "html.parser")
    assert page.main.find("a", href="/gl/about/permissions/").get_text() == link.get_text()

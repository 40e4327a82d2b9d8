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
from masthead.translation.models import MachineSegment

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


def forget(path: Path, *messages: str) -> None:
    """Empty these entries in the catalogue and in what gettext has loaded of it."""
    po = polib.pofile(str(path))
    for message in messages:
        po.find(message).msgstr = ""
        po.find(message).tcomment = ""
    po.save()
    po.save_as_mofile(str(path.with_suffix(".mo")))
    translation_file_changed(None, file_path=path.with_suffix(".mo"))


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
    forget(path, LINKED)

    call_command("translate", "interface", "--lang", "gl")

    entry = polib.pofile(str(path)).find(LINKED)
    assert MACHINE_MARK in entry.tcomment
    link = BeautifulSoup(entry.msgstr, "html.parser").find("a")
    assert link["href"] == "%(permissions_url)s"
    assert link.get_text() and link.get_text() != "ask for permission"
    assert "For anything else" not in entry.msgstr
    page = BeautifulSoup(client.get("/gl/about/republishing/").content, "html.parser")
    assert page.main.find("a", href="/gl/about/permissions/").get_text() == link.get_text()


def test_a_pivoted_language_starts_from_the_pivot_languages_catalogue(catalogues, settings):
    """Apertium's English→Spanish pair does not know "republish"; the Spanish catalogue does,
    and Italian (reached through Spanish) is made from the catalogue's Spanish."""
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["it"]
    path = catalogues / "it" / "LC_MESSAGES" / "django.po"
    forget(path, "Republish this article")

    call_command("translate", "interface", "--lang", "it")

    entry = polib.pofile(str(path)).find("Republish this article")
    assert entry.msgstr and "Republish" not in entry.msgstr
    assert "es→it" in entry.tcomment
    assert MachineSegment.objects.filter(
        source_language="es", target_language="it", source_text="Republicar este artículo"
    ).exists()


def test_again_makes_unreviewed_machine_entries_anew_and_keeps_reviewed_ones(catalogues):
    path = catalogues / "gl" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    stale = po.find("Get the HTML to republish")
    stale.msgstr, stale.tcomment = "stale machine words", f"{MACHINE_MARK} (apertium)"
    reviewed = po.find("Republishing policy")
    reviewed.msgstr, reviewed.tcomment = "Política de republicación revisada", ""
    po.save()

    call_command("translate", "interface", "--lang", "gl", "--again")

    po = polib.pofile(str(path))
    assert po.find("Get the HTML to republish").msgstr not in ("", "stale machine words")
    assert MACHINE_MARK in po.find("Get the HTML to republish").tcomment
    assert po.find("Republishing policy").msgstr == "Política de republicación revisada"

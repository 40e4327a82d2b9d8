"""The admin's review of machine-made interface strings: editors accept or correct them, the
machine mark goes, the catalogue is recompiled, readers see it, and the next
``masthead translate interface`` keeps it."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

from masthead.server.purging import purge
from masthead.translation.interface import CATALOGUES_GENERATION_KEY, MACHINE_MARK
from masthead.translation.interface_review import entry_key

pytestmark = [pytest.mark.django_db]

LOCALE = Path(__file__).resolve().parents[2] / "locale"
PLURAL = "%(counter)s article found for “%(query)s”."
PLURAL_MANY = "%(counter)s articles found for “%(query)s”."


@pytest.fixture
def catalogues(settings, tmp_path):
    """A copy of the catalogues whose Galician "Skip to content", "Newsletter" and search-count
    entries a machine has just filled (Apertium, for real)."""
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy)
    settings.LOCALE_PATHS = [copy]
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["gl"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["apertium"]}
    path = copy / "gl" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.tcomment = ""  # only what this test's run makes is machine-made
    po.find("Skip to content").msgstr = ""
    po.find("Newsletter").msgstr = ""  # a third, for the editor to accept as made
    plural = po.find(PLURAL)
    plural.msgstr_plural = dict.fromkeys(plural.msgstr_plural, "")
    po.save()
    po.save_as_mofile(str(path.with_suffix(".mo")))
    translation_file_changed(None, file_path=path.with_suffix(".mo"))
    call_command("translate", "interface", "--lang", "gl")
    yield path
    translation_file_changed(None, file_path=LOCALE / "pt" / "LC_MESSAGES" / "django.mo")


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-editor-1")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def _entry(path: Path, msgid: str) -> polib.POEntry:
    return polib.pofile(str(path)).find(msgid)


@pytest.mark.usefixtures("apertium")
def test_editors_correct_and_accept_machine_entries(editor_client, client, home, catalogues):
    machine = _entry(catalogues, "Skip to content")
    assert MACHINE_MARK in machine.tcomment and machine.msgstr
    waiting = sum(MACHINE_MARK in entry.tcomment for entry in polib.pofile(str(catalogues)))

    overview = BeautifulSoup(
        editor_client.get("/admin/translations/interface/").content, "html.parser"
    )
    row = overview.find("a", string="Galego (gl)").find_parent("tr")
    assert row.find_all("td")[1].get_text() == str(waiting)

    page = editor_client.get("/admin/translations/interface/gl/")
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    row = soup.find(id=f"entry-{entry_key(machine)}")
    assert "Skip to content" in row.get_text() and row.textarea.get_text() == machine.msgstr
    assert "apertium" in row.get_text()
    plural_row = soup.find(id=f"entry-{entry_key(_entry(catalogues, PLURAL))}")
    assert len(plural_row.find_all("textarea")) == 2

    # A correction that drops a placeholder is refused, and nothing changes.
    plural = _entry(catalogues, PLURAL)
    refused = editor_client.post(
        "/admin/translations/interface/gl/",
        {"key": entry_key(plural), "action": "correct", "form": ["Un artigo", "Artigos"]},
    )
    assert refused.status_code == 400
    assert "%(counter)s" in BeautifulSoup(refused.content, "html.parser").select_one(
        ".error-message"
    ).get_text(" ")
    assert MACHINE_MARK in _entry(catalogues, PLURAL).tcomment

    response = editor_client.post(
        "/admin/translations/interface/gl/",
        {"key": entry_key(machine), "action": "correct", "form": "Ir ao contido"},
    )
    assert response.status_code == 302
    corrected = _entry(catalogues, "Skip to content")
    assert corrected.msgstr == "Ir ao contido" and MACHINE_MARK not in corrected.tcomment
    forms = [
        "%(counter)s artigo atopado para “%(query)s”.",
        "%(counter)s artigos para “%(query)s”.",
    ]
    response = editor_client.post(
        "/admin/translations/interface/gl/",
        {"key": entry_key(plural), "action": "correct", "form": forms},
    )
    assert response.status_code == 302
    plural = _entry(catalogues, PLURAL)
    assert plural.msgstr_plural == dict(enumerate(forms))
    assert MACHINE_MARK not in plural.tcomment
    # Another entry accepted as the machine made it.
    other = next(e for e in polib.pofile(str(catalogues)) if MACHINE_MARK in e.tcomment)
    response = editor_client.post(
        "/admin/translations/interface/gl/", {"key": entry_key(other), "action": "accept"}
    )
    assert response.status_code == 302
    accepted = _entry(catalogues, other.msgid)
    assert accepted.msgstr == other.msgstr and accepted.msgstr_plural == other.msgstr_plural
    assert MACHINE_MARK not in accepted.tcomment

    # Compiled at once: readers see the correction.
    reader = BeautifulSoup(client.get("/gl/").content, "html.parser")
    assert reader.select_one(".skip-link").get_text() == "Ir ao contido"
    with translation.override("gl"):
        found = translation.ngettext(PLURAL, PLURAL_MANY, 2) % {"counter": 2, "query": "ponte"}
    assert found == "2 artigos para “ponte”."
    overview = BeautifulSoup(
        editor_client.get("/admin/translations/interface/").content, "html.parser"
    )
    row = overview.find("a", string="Galego (gl)").find_parent("tr")
    assert row.find_all("td")[1].get_text() == str(waiting - 3)

    # The next machine run leaves reviewed entries as they are.
    call_command("translate", "interface", "--lang", "gl")
    again = _entry(catalogues, "Skip to content")
    assert again.msgstr == "Ir ao contido" and MACHINE_MARK not in again.tcomment
    assert _entry(catalogues, PLURAL).msgstr_plural == plural.msgstr_plural
    with translation.override("gl"):
        assert translation.gettext("Skip to content") == "Ir ao contido"


@pytest.mark.usefixtures("apertium")
def test_contributors_cannot_review_interface_strings(client, django_user_model, catalogues):
    user = django_user_model.objects.create_user("writer", password="pw-writer-1")
    user.groups.add(Group.objects.get(name="Contributors"))
    client.force_login(user)
    machine = _entry(catalogues, "Skip to content")

    response = client.post(
        "/admin/translations/interface/gl/",
        {"key": entry_key(machine), "action": "correct", "form": "Ir ao contido"},
    )

    assert response.status_code == 302 and response.url == "/admin/"
    assert MACHINE_MARK in _entry(catalogues, "Skip to content").tcomment


def test_a_catalogue_compiled_by_another_process_reaches_this_one(client, home, settings, tmp_path):
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy)
    settings.LOCALE_PATHS = [copy]
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["gl"]
    path = copy / "gl" / "LC_MESSAGES" / "django.po"
    first = BeautifulSoup(client.get("/gl/").content, "html.parser")
    shown = first.select_one(".skip-link").get_text()
    assert shown != "Ir ao contido"

    # What the admin does in another server process: new words, compiled, everyone told.
    po = polib.pofile(str(path))
    po.find("Skip to content").msgstr = "Ir ao contido"
    po.save()
    po.save_as_mofile(str(path.with_suffix(".mo")))
    cache.set(CATALOGUES_GENERATION_KEY, uuid.uuid4().hex, None)
    purge(None)

    later = BeautifulSoup(client.get("/gl/").content, "html.parser")
    assert later.select_one(".skip-link").get_text() == "Ir ao contido"
    translation_file_changed(None, file_path=LOCALE / "pt" / "LC_MESSAGES" / "django.mo")

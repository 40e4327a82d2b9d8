"""Purges reach a page in every language readers are served it in, whatever the
configuration says (with ``MASTHEAD_TRANSLATION_LANGUAGES=auto``, the default, the translation
app names them)."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from masthead.server import page_cache as pc
from masthead.server.languages import SERVED_LANGUAGES_HOOK, served_languages
from masthead.server.purging import in_every_language


def test_purges_reach_every_language_pages_are_served_in(settings: Any) -> None:
    # The default, "auto": the translation app names the languages its engines reach.
    settings.MASTHEAD_TRANSLATION_LANGUAGES = "auto"
    with hooks.register_temporarily(SERVED_LANGUAGES_HOOK, lambda: ["pt", "es"]):
        assert {"pt", "es"} <= set(served_languages())
        paths = in_every_language(["/articles/a/"])
    assert {"/articles/a/", "/pt/articles/a/", "/es/articles/a/"} <= paths
    assert not any(len(path.split("/")[1]) == 1 for path in paths)  # not "auto" letter by letter
    assert pc.base_path("/pt/articles/a/") == "/articles/a/"


def test_the_translation_app_names_the_languages_it_offers(settings: Any) -> None:
    from masthead.translation.routes import offered_languages

    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt", "gl"]
    assert set(served_languages()) == set(offered_languages()) == {"pt", "gl"}

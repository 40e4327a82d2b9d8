"""``masthead translate engines|status|article``."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from masthead.translation.models import ArticleTranslation

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("apertium")
def test_engines_lists_installed_pairs_and_install_hints(capsys, settings):
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt", "es", "fr"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["fxtranslate", "apertium", "argos"]}

    call_command("translate", "engines")

    out = capsys.readouterr().out
    assert "Firefox Translations (fxtranslate): installed; pairs: en→pt, pt→en" in out
    # Whatever other Apertium pairs the machine has, the ones the tests install are listed.
    [apertium] = [line for line in out.splitlines() if line.startswith("Apertium (apertium)")]
    assert apertium.startswith("Apertium (apertium): installed; pairs: ")
    assert {"ca→en", "en→ca", "en→es", "es→en"} <= set(apertium.split("pairs: ")[1].split(", "))
    assert "Argos Translate (argos): not installed — pip install argostranslate" in out
    assert "2 of 3 configured languages have an installed engine; none for: fr" in out


@pytest.mark.usefixtures("apertium")
def test_article_translates_with_progress_and_summary(capsys, article, languages):
    call_command("translate", "article", article.slug, "--lang", "es")

    captured = capsys.readouterr()
    assert "Translated 'The city will reopen the old bridge' into 1 languages (0 failed)" in (
        captured.out
    )
    assert "1/1" in captured.err  # the progress bar
    assert ArticleTranslation.objects.filter(article=article, language="es").exists()
    assert not ArticleTranslation.objects.filter(article=article, language="pt").exists()

    call_command("translate", "article", str(article.pk), "--lang", "es")
    assert "came from the translation memory" in capsys.readouterr().out


def test_article_refuses_unknown_article_or_language(article, languages):
    with pytest.raises(CommandError, match="No article with id or slug 'nope'"):
        call_command("translate", "article", "nope")
    with pytest.raises(CommandError, match="Not configured for translation: xx"):
        call_command("translate", "article", article.slug, "--lang", "xx")


@pytest.mark.usefixtures("apertium")
def test_status_shows_coverage_per_language_and_engine(capsys, article, languages):
    call_command("translate", "article", article.slug)

    call_command("translate", "status")

    out = capsys.readouterr().out
    assert "Português (pt)" in out and "Español (es)" in out
    assert "Translations per engine: apertium 1, fxtranslate 1" in out

"""Languages an outlet can really offer: ``auto``, pivot routes through Spanish or Catalan with
real Apertium, the admin's honest coverage page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group

from masthead.translation import services
from masthead.translation.engines import get_engine
from masthead.translation.models import ArticleTranslation, MachineSegment, source_hash
from masthead.translation.routes import offered_languages, routes_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("apertium")]


@pytest.fixture
def apertium_only(settings):
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["apertium"]}
    settings.MASTHEAD_TRANSLATION_PIVOTS = ["es", "ca"]
    return settings


def test_auto_offers_what_the_engines_reach_directly_and_through_pivots(apertium_only):
    apertium_only.MASTHEAD_TRANSLATION_LANGUAGES = "auto"

    offered = offered_languages()

    # Direct Debian pairs from English, and those reached through Spanish or Catalan.
    assert {"es", "ca", "gl", "eo"} <= set(offered)
    assert {"it", "pt", "fr", "oc", "ast", "an", "sc"} <= set(offered)
    assert len(offered) >= 10
    assert "ja" not in offered and "en" not in offered
    [italian_via_spanish, italian_via_catalan] = routes_for("en", "it")
    assert (italian_via_spanish.via, italian_via_catalan.via) == ("es", "ca")
    assert routes_for("en", "gl")[0].via == ""

    apertium_only.MASTHEAD_TRANSLATION_PIVOTS = []
    assert "it" not in offered_languages() and "gl" in offered_languages()


def test_pivot_translation_keeps_structure_links_and_names(
    client, admin_client, article, apertium_only
):
    apertium_only.MASTHEAD_TRANSLATION_LANGUAGES = ["it"]

    [outcome] = services.translate_article(article.pk)

    assert outcome.status == "done" and outcome.via == "es"
    translation = ArticleTranslation.objects.get(article=article, language="it")
    assert translation.via_language == "es"
    assert translation.engines == ["apertium", "apertium"]
    # Both hops are in the translation memory: English→Spanish is shared with Spanish itself.
    headline = "The city will reopen the old bridge"
    spanish = MachineSegment.objects.get(
        source_hash=source_hash(headline), source_language="en", target_language="es"
    )
    assert MachineSegment.objects.filter(
        source_hash=source_hash(spanish.machine_text), source_language="es", target_language="it"
    ).exists()

    soup = BeautifulSoup(client.get("/it/articles/bridge-reopens/").content, "html.parser")
    assert soup.html["lang"] == "it"
    body = soup.select_one(".article__body")
    assert body.find("h2") is not None and len(body.find_all("li")) == 2
    assert body.find("a", href="https://example.org/souza").get_text() == "Ana Souza"
    assert "ponte" in body.get_text()  # Italian (and Spanish) for "bridge"
    assert "Riverton" in body.get_text()
    assert soup.select_one(".byline a").get_text() == "Nadia Haddad"
    assert "Español" in soup.select_one(".translation-notice").get_text() or (
        "spagnolo" in soup.select_one(".translation-notice").get_text().lower()
    )

    # The admin marks it as pivoted.
    admin = admin_client.get(f"/admin/translations/article/{article.pk}/").content.decode()
    assert "apertium → apertium (through es (pivot))" in admin

    # A second run asks no engine anything.
    [again] = services.translate_article(article.pk)
    assert again.reused == again.segments


def test_correcting_the_intermediate_sentence_feeds_every_language_through_it(
    article, apertium_only, admin_user
):
    apertium_only.MASTHEAD_TRANSLATION_LANGUAGES = ["es", "it"]
    apertium_only.MASTHEAD_TRANSLATION_PIVOTS = ["es"]
    services.translate_article(article.pk)
    italian_before = ArticleTranslation.objects.get(article=article, language="it").title
    spanish = ArticleTranslation.objects.get(article=article, language="es")
    corrected = "La alcaldía reabrirá el puente antiguo"

    services.correct_segment(
        spanish, source_hash("The city will reopen the old bridge"), corrected, admin_user
    )

    assert ArticleTranslation.objects.get(article=article, language="es").title == corrected
    [expected] = get_engine("apertium").translate_batch([corrected], "es", "it")
    italian = ArticleTranslation.objects.get(article=article, language="it")
    assert italian.title == expected != italian_before
    assert italian.via_language == "es"


def test_coverage_page_offers_reachable_languages_then_what_to_install(
    client, django_user_model, apertium_only, home
):
    apertium_only.MASTHEAD_TRANSLATION_LANGUAGES = "auto"
    apertium_only.MASTHEAD_TRANSLATION_ENGINES = {"default": ["apertium", "argos"]}
    user = django_user_model.objects.create_user("editor", password="pw-editor-1")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)

    response = client.get("/admin/translations/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")

    table = soup.select_one(".translation-coverage").get_text(" ")
    assert "Galego (gl)" in table and "Italiano (it)" in table
    assert "through es (pivot)" in table
    assert "日本語" not in table
    # Romanian: Debian's pair only goes Romanian→Spanish, so nothing brings it from English.
    assert "Română" not in table
    installable = soup.select_one(".translation-installable").get_text(" ")
    # Once for every language it would bring, not once per language or per article.
    assert installable.count("pip install argostranslate") == 1
    assert "日本語" in installable and "Română" in installable

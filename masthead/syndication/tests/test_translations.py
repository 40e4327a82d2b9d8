"""Attribution survives translation: a translated page and its republish HTML say it is a
translation, from which language, and link to the original."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from masthead.translation import services
from masthead.translation.models import ArticleTranslation

pytestmark = pytest.mark.django_db

ORIGINAL = "http://testserver/articles/bridge-reopens/"


@pytest.fixture
def translated(story, settings):
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["fxtranslate"]}
    services.translate_article(story.pk)
    assert ArticleTranslation.objects.get(article=story, language="pt").status == "done"
    return story


def test_translated_page_attribution_links_the_original(client, translated):
    soup = BeautifulSoup(client.get("/pt/articles/bridge-reopens/").content, "html.parser")

    attribution = soup.select_one(".attribution")
    assert attribution.find("a")["href"] == ORIGINAL
    text = attribution.get_text(" ", strip=True)
    assert "Esta é uma tradução automática do artigo original. Língua original: Inglês." in text
    assert "Nadia Haddad, Tom Okafor, Gazette Media" in text


def test_republish_offers_every_language_and_translations_keep_the_way_back(client, translated):
    original = BeautifulSoup(client.get(f"/republish/{translated.pk}/").content, "html.parser")
    languages = {a.get_text(): a["href"] for a in original.select(".republish__languages a")}
    assert languages == {
        "English": f"/republish/{translated.pk}/",
        "Português": f"/pt/republish/{translated.pk}/",
    }

    page = BeautifulSoup(client.get(f"/pt/republish/{translated.pk}/").content, "html.parser")
    pasted = BeautifulSoup(page.find("textarea", id="republish-html").get_text(), "html.parser")
    translation = ArticleTranslation.objects.get(article=translated, language="pt")
    assert pasted.find("h1").get_text() == translation.title
    attribution = pasted.find_all("p")[-2]
    assert attribution.find("a")["href"] == ORIGINAL
    assert "Língua original: Inglês." in attribution.get_text()
    assert pasted.find("a", rel="license")["href"] == (
        "https://creativecommons.org/licenses/by-nd/4.0/"
    )
    # The republisher's canonical link points at the version they copied.
    head = page.find("textarea", id="republish-head").get_text()
    assert head == '<link rel="canonical" href="http://testserver/pt/articles/bridge-reopens/">'
    text = page.find("textarea", id="republish-text").get_text()
    assert ORIGINAL in text


def test_english_attribution_names_the_machine_translation(client, translated, settings):
    from django.utils import translation as django_translation

    from masthead.news.attribution import attribution_for
    from masthead.news.reader_articles import reader_article

    with django_translation.override("pt"):
        shown = reader_article(translated, "pt")
    with django_translation.override("en"):
        line = attribution_for(shown)
        assert line.translation_sentence == (
            "This is a machine translation of the original article. Original language: English."
        )
    assert line.original_url == ORIGINAL

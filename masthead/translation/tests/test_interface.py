"""The site's own words follow the reader's language: the menu, headings and dates."""

import pytest
from bs4 import BeautifulSoup

from masthead.news.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "menu", "latest"),
    [
        ("", ["Articles", "Regions", "Themes", "In-depth reports", "Authors"], "Latest articles"),
        ("/pt", ["Artigos", "Regiões", "Temas", "Relatórios aprofundados", "Autores"], None),
        ("/es", ["Artículos", "Regiones", "Temas", "Informes en profundidad", "Autores"], None),
        ("/de", ["Artikel", "Regionen", "Themen", "Dossiers", "Autorinnen und Autoren"], None),
    ],
)
def test_the_menu_and_section_headings_are_in_the_readers_language(
    client, site, prefix, menu, latest
):
    ArticleFactory()
    home = BeautifulSoup(client.get(f"{prefix}/").content, "html.parser")
    assert [a.get_text() for a in home.select(".site-nav a")] == menu
    articles = BeautifulSoup(client.get(f"{prefix}/articles/").content, "html.parser")
    assert articles.h1.get_text() == menu[0]
    regions = BeautifulSoup(client.get(f"{prefix}/regions/").content, "html.parser")
    assert regions.h1.get_text() == menu[1]
    if latest:
        assert articles.select_one("h2.section-heading").get_text() == latest


@pytest.mark.parametrize("prefix", ["/es", "/sc"])
def test_newsletter_sign_up_labels_follow_the_page_language(client, site, settings, prefix):
    """Sardinian has no catalogue in Django: its words come from the machine-filled catalogue."""
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["es", "sc"]
    soup = BeautifulSoup(client.get(f"{prefix}/").content, "html.parser")
    signup = soup.select_one(".footer-newsletter")
    english = ["The daily newsletter", "Email address", "Subscribe", "Past issues"]
    shown = signup.get_text(" ")
    assert signup.h2.get_text() != "The daily newsletter"
    assert not [words for words in english if words in shown]

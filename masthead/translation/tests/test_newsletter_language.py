"""A reader who chose Portuguese gets the issue in Portuguese where the articles are translated,
and the original, with working links, where they are not."""

import pytest
from bs4 import BeautifulSoup

from masthead.news.models import ArticlePage
from masthead.news.tests.factories import ArticleFactory
from masthead.newsletter.rendering import render_issue
from masthead.newsletter.services import build_issue
from masthead.translation import services
from masthead.translation.models import ArticleTranslation

pytestmark = pytest.mark.django_db


def test_issue_in_the_readers_language_where_translated(client, article, languages, settings):
    settings.MASTHEAD_BASE_URL = "http://testserver"  # the public address links are built on
    services.translate_article(article.pk)
    ArticlePage.objects.filter(pk=article.pk).update(selected_for_newsletter=True)
    ArticleFactory(title="Only in English", slug="only-in-english", selected_for_newsletter=True)
    issue = build_issue("daily")
    translated = ArticleTranslation.objects.get(article=article, language="pt")

    portuguese = BeautifulSoup(render_issue(issue, "pt").html, "html.parser")
    links = {a.get_text(): a["href"] for a in portuguese.select(".headline a")}
    assert links[translated.title] == "http://testserver/pt/articles/bridge-reopens/"
    assert links["Only in English"] == "http://testserver/articles/only-in-english/"
    original = portuguese.find("a", string="Only in English").find_parent("td")
    assert original["lang"] == "en"
    for href in links.values():
        assert client.get(href.removeprefix("http://testserver")).status_code == 200, href

    english = BeautifulSoup(render_issue(issue, "en").html, "html.parser")
    assert article.title in [a.get_text() for a in english.select(".headline a")]

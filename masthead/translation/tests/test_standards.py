"""Translated pages and the language switchers pass the Nu HTML Checker (the W3C's), as the
original pages do."""

from __future__ import annotations

import pytest

from masthead.translation import services
from masthead.translation.engines import get_engine

pytestmark = pytest.mark.django_db


def test_translated_pages_are_valid_html(
    client, article, settings, fake_api, html_problems, django_capture_on_commit_callbacks
):
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt", "es", "ar"]
    settings.MASTHEAD_TRANSLATION_ENGINES = {
        "default": ["fxtranslate", "apertium"],
        "ar": ["libretranslate"],
    }
    settings.LIBRETRANSLATE_URL = fake_api.url
    get_engine.cache_clear()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.translate_article(article.pk)
    finally:
        get_engine.cache_clear()
    pages = {
        "original": "/articles/bridge-reopens/",
        "portuguese": "/pt/articles/bridge-reopens/",
        "arabic": "/ar/articles/bridge-reopens/",
        "home": "/",
        "home-pt": "/pt/",
        "listing-es": "/es/articles/",
    }
    rendered = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        rendered[name] = response.content
    problems = html_problems(rendered)
    assert not problems, "\n".join(problems)

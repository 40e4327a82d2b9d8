"""Whatever a reader may not read is never offered for republishing, in any language."""

from __future__ import annotations

import pytest
from django.conf import settings
from wagtail import hooks
from wagtail.models import PageViewRestriction

from masthead.news import extensions
from masthead.news.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

LANGUAGE_PREFIXES = [""] + [
    f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
]


def assert_404_in_every_language(client, article):
    for prefix in LANGUAGE_PREFIXES:
        response = client.get(f"{prefix}/republish/{article.pk}/")
        assert response.status_code == 404, prefix
        assert article.title not in response.content.decode()


@pytest.mark.parametrize("restriction", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_restricted_articles_are_404_in_every_language(client, story, restriction):
    PageViewRestriction.objects.create(page=story, restriction_type=restriction, password="pw")
    assert_404_in_every_language(client, story)


def test_members_only_articles_are_404_in_every_language(client, story, admin_client):
    members_only = ArticleFactory(title="For members only")

    def hide_members_only(articles):
        return articles.exclude(pk=members_only.pk)

    with hooks.register_temporarily(extensions.READABLE_ARTICLES_HOOK, hide_members_only):
        assert_404_in_every_language(client, members_only)
        # Not even staff are offered it: the page is the same for everyone (and cached).
        assert admin_client.get(f"/republish/{members_only.pk}/").status_code == 404
        assert client.get(f"/republish/{story.pk}/").status_code == 200


def test_drafts_are_404_in_every_language(client, story):
    draft = ArticleFactory(title="Not yet", live=False)
    assert_404_in_every_language(client, draft)


def test_a_language_the_article_is_not_in_is_a_404(client, story, settings):
    settings.MASTHEAD_TRANSLATION_LANGUAGES = ["pt"]
    assert client.get(f"/pt/republish/{story.pk}/").status_code == 404

"""The readers' page cache: fast for the crowd, never stale after a publish, never personal."""

import pytest
from django.contrib.auth.models import User

from masthead.news.models import PublicationSettings
from masthead.news.tests.factories import ArticleFactory, CreditedImageFactory

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_visit_is_served_from_the_cache(client, site):
    article = ArticleFactory()
    first = client.get(article.url)
    second = client.get(article.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_publishing_empties_the_cache(client, site):
    ArticleFactory(title="Yesterday's lead")
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"

    ArticleFactory(title="A breaking story")
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "A breaking story" in response.content.decode()


def test_unpublishing_and_settings_and_image_credit_changes_empty_the_cache(client, site):
    image = CreditedImageFactory(credit="Photo: Old Credit")
    article = ArticleFactory(featured_image=image)
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    image.credit = "Photo: Corrected Credit"
    image.save()
    assert "Corrected Credit" in client.get(article.url).content.decode()

    publication = PublicationSettings.for_site(site)
    publication.publication_name = "Renamed Gazette"
    publication.save()
    assert "Renamed Gazette" in client.get(article.url).content.decode()

    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_staff_error_pages_and_posts_are_never_cached(client, site):
    article = ArticleFactory()
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/no/such/page/")
        assert "X-Page-Cache" not in client.get("/healthz")

    User.objects.create_superuser("boss", password="pw-not-used")
    client.login(username="boss", password="pw-not-used")
    for _ in range(2):
        response = client.get(article.url)
        assert "X-Page-Cache" not in response
        assert "userbar" in response.content.decode()  # the staff toolbar, never shown to readers
    client.logout()
    assert "userbar" not in client.get(article.url).content.decode()

import pytest

from masthead.news.models import ArticlePage

from .factories import ArticleFactory, AuthorFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_article_factory_publishes_an_article_with_its_byline_and_region(home, client):
    author = AuthorFactory(title="Nadia Haddad")
    region = RegionFactory(title="Europe")
    article = ArticleFactory(authors=[author], regions=[region])

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    assert [a.title for a in article.authors] == ["Nadia Haddad"]
    assert list(article.regions.all()) == [region]
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Nadia Haddad" in response.content.decode()

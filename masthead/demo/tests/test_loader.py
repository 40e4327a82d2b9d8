"""The demo publication: complete, original, and safe to load twice."""

import re
import stat

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.models import Site

from masthead.demo import content
from masthead.demo.credentials import credentials_path, read_all_demo_credentials
from masthead.demo.loader import PAGE_PASSWORD_ROLE
from masthead.news.models import (
    ArticlePage,
    AuthorPage,
    CreditedImage,
    CreditedRendition,
    HomePage,
    PublicationSettings,
    RegionPage,
    ReportPage,
    ThemePage,
)
from masthead.news.selectors import readable_articles
from masthead.newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    call_command("load-demo", port=8123, verbosity=0)


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            ArticlePage,
            AuthorPage,
            RegionPage,
            ThemePage,
            ReportPage,
            CreditedImage,
            CreditedRendition,
            User,
            Subscriber,
        )
    }


def test_the_demo_has_the_promised_publication_and_every_page_renders(loaded, client, settings):
    made = counts()
    assert {kind: made[kind] for kind in ("ArticlePage", "AuthorPage", "RegionPage")} == {
        "ArticlePage": 31,
        "AuthorPage": 5,
        "RegionPage": 6,
    }
    assert (made["ThemePage"], made["ReportPage"]) == (8, 3)
    assert made["CreditedRendition"] >= 30 * 8  # made at load time, not on the first visit
    assert readable_articles().count() == 30  # and one embargoed behind a page password
    assert ArticlePage.objects.filter(selected_for_newsletter=True).count() >= 3
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert PublicationSettings.for_site(site).publication_name == content.PUBLICATION["name"]
    assert HomePage.objects.get().lead_article is not None
    for article in ArticlePage.objects.all():
        assert article.article_authors.exists(), article.slug
        assert article.featured_image.credit, article.slug
        assert article.regions.exists() and article.themes.exists(), article.slug
    for author in AuthorPage.objects.all():
        assert author.article_links.count() >= 3, author.title
    for report in ReportPage.objects.all():
        assert report.pinned_articles.exists(), report.title
    assert Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count() == 1
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    urls = ["/", "/articles/", "/authors/", "/regions/", "/themes/", "/reports/", "/feed/rss/"]
    urls += [
        page.url
        for model in (ArticlePage, AuthorPage, RegionPage, ThemePage, ReportPage)
        for page in model.objects.live()
    ]
    for url in urls:
        response = client.get(url, HTTP_HOST="127.0.0.1:8123")
        assert response.status_code == 200, url


def test_loading_twice_duplicates_nothing_and_staff_can_log_in(loaded, client):
    before = counts()
    passwords = read_all_demo_credentials()
    call_command("load-demo", port=8123, verbosity=0)
    assert counts() == before
    assert read_all_demo_credentials() == passwords
    accounts = read_all_demo_credentials()
    assert set(accounts) == {"admin", "editor", "contributor", PAGE_PASSWORD_ROLE}
    del accounts[PAGE_PASSWORD_ROLE]
    assert stat.S_IMODE(credentials_path().stat().st_mode) == 0o600
    for role, (username, password) in accounts.items():
        assert client.login(username=username, password=password), role
        assert client.get("/admin/").status_code == 200, role
        client.logout()
    assert User.objects.get(username="editor").groups.filter(name="Editors").exists()


def test_the_embargoed_article_opens_with_its_password_and_is_listed_nowhere(
    loaded, client, settings
):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    host = {"HTTP_HOST": "127.0.0.1:8123"}
    url, password = read_all_demo_credentials()[PAGE_PASSWORD_ROLE]
    headline = content.EMBARGOED_ARTICLE["headline"]
    for listing in ["/", "/articles/", "/regions/europe/", "/feed/rss/", "/sitemap.xml"]:
        assert headline not in client.get(listing, **host).content.decode(), listing
    assert headline not in client.get("/search/", {"q": "regional budget"}, **host).content.decode()

    form = client.get(url, **host)
    assert headline not in form.content.decode()
    action = re.search(r'<form[^>]+action="([^"]+)"', form.content.decode()).group(1)
    unlocked = client.post(
        action.replace("&amp;", "&"), {"password": password, "return_url": url}, follow=True, **host
    )
    assert headline in unlocked.content.decode()

"""The demo publication: complete, original, and safe to load twice."""

import re
import stat

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.models import ReferenceIndex, Site

from masthead.demo.content_files import demo_content
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
    # 30 written for the demo, 1 embargoed, 3 moved in from its old blog (demo/wordpress/).
    assert {kind: made[kind] for kind in ("ArticlePage", "AuthorPage", "RegionPage")} == {
        "ArticlePage": 34,
        "AuthorPage": 5,
        "RegionPage": 6,
    }
    assert (made["ThemePage"], made["ReportPage"]) == (8, 3)
    assert made["CreditedRendition"] >= 30 * 8  # made at load time, not on the first visit
    # 30 readable, one embargoed behind a page password, 3 moved in from WordPress, two of
    # the 30 for members only.
    assert readable_articles().count() == 31
    assert ArticlePage.objects.filter(selected_for_newsletter=True).count() >= 3
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert PublicationSettings.for_site(site).publication_name == demo_content().publication["name"]
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


def test_the_demo_shows_membership_and_giving(loaded, client, settings):
    from masthead.membership.models import Campaign, Membership, MembersOnlyArticle, Tier
    from masthead.membership.selectors import campaign_progress

    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    assert list(Tier.objects.values_list("slug", flat=True)) == ["free", "supporter", "patron"]
    locked = list(MembersOnlyArticle.objects.select_related("article"))
    assert len(locked) == 2
    assert HomePage.objects.get().lead_article_id not in {flag.article_id for flag in locked}
    campaign = Campaign.objects.get()
    assert 0 < campaign_progress(campaign)["percent"] < 100
    member = Membership.objects.get().reader
    assert member.email == "member@example.org"
    # The demo member's gift is on their account page with its receipt number.
    gift = member.gifts.get()
    assert gift.receipt_number and gift.thanked_at
    client.force_login(member.user)
    account = client.get("/account/", HTTP_HOST="127.0.0.1:8123").content.decode()
    assert gift.receipt_number in account
    client.logout()
    page = client.get(locked[0].article.url, HTTP_HOST="127.0.0.1:8123").content.decode()
    assert "This article is for members" in page
    home = client.get("/", HTTP_HOST="127.0.0.1:8123").content.decode()
    assert locked[0].article.title not in home
    article = ArticlePage.objects.live().exclude(pk__in=[f.article_id for f in locked]).first()
    page = client.get(article.url, HTTP_HOST="127.0.0.1:8123").content.decode()
    assert "Keep the presses running" in page and "campaign-banner" in page


def test_the_embargoed_article_opens_with_its_password_and_is_listed_nowhere(
    loaded, client, settings
):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    host = {"HTTP_HOST": "127.0.0.1:8123"}
    url, password = read_all_demo_credentials()[PAGE_PASSWORD_ROLE]
    (embargoed,) = demo_content().password_protected_articles
    headline = embargoed["title"]
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


def test_search_finds_every_demo_article_before_any_worker_runs(settings, tmp_path, client):
    """No worker has run (the database queue only stores the jobs), yet search and the
    reference index are complete as soon as the loader returns."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }
    settings.DATA_DIR = tmp_path
    call_command("load-demo", port=8123, verbosity=0)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "testserver", 80
    site.save()

    articles = demo_content().listed_articles
    for spec in articles:
        article = ArticlePage.objects.get(slug=spec["slug"])
        assert article in ArticlePage.objects.live().search(spec["title"])
        assert ReferenceIndex.get_references_to(article.featured_image).exists()
    first = articles[0]
    response = client.get("/search/", {"q": first["title"]})
    assert first["title"] in response.content.decode()


def test_the_old_wordpress_blog_moved_in_and_its_addresses_redirect(loaded, client, settings):
    from masthead.demo.loader import OLD_WORDPRESS_ADDRESS

    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    article = ArticlePage.objects.get(slug="weekly-market-currency")
    response = client.get(OLD_WORDPRESS_ADDRESS, HTTP_HOST="127.0.0.1:8123")
    assert (response.status_code, response["Location"]) == (301, article.url)
    assert [link.author.slug for link in article.article_authors.order_by("sort_order")] == [
        "amara-okafor"
    ]
    assert [r.slug for r in article.regions.all()] == ["africa"]
    assert [t.slug for t in article.themes.all()] == ["democracy"]
    assert article.published_at.year == 2019
    assert [block.block_type for block in article.body][:2] == ["paragraph", "image"]
    # Its readers' comments came along: the two approved (a reply among them), not the spam.
    page = client.get(article.url, HTTP_HOST="127.0.0.1:8123").content.decode()
    assert "2 comments" in page
    assert "My aunt sells millet in Kaolack" in page and "follow one season" in page
    assert "Earn 500%" not in page and "spam.example" not in page
    radio = ArticlePage.objects.get(slug="radio-and-the-ballot")
    html = client.get(radio.url, HTTP_HOST="127.0.0.1:8123").content.decode()
    assert "Imported as it was" in html  # the old poll shortcode, kept for an editor

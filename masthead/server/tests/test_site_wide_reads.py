"""The reads every page makes (the site, its settings, the header's sections, the view
restrictions, the running campaign, the footer's sign-up form) are kept by each process until
the next purge: every change to what they read must reach the very next page."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from masthead.community.models import CommunitySettings
from masthead.membership.models import Campaign
from masthead.news.models import ArticleIndexPage, PublicationSettings
from masthead.news.tests.factories import ArticleFactory, body
from masthead.server.page_cache import page_cache, purge_paths, until_purged

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    settings.MASTHEAD_PAGE_CACHE_SECONDS = 0  # every request renders: only the reads are kept


def counting():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return calls, compute


def test_a_read_is_made_once_until_the_next_purge_anywhere():
    calls, compute = counting()
    assert until_purged("key", compute) == 1
    assert until_purged("key", compute) == 1
    purge_paths(["/some/other/page/"])  # any purge: the reads do not know what it touched
    assert until_purged("key", compute) == 2
    assert len(calls) == 2


def test_a_read_with_an_age_limit_is_made_again_once_it_is_older():
    calls, compute = counting()
    until_purged("campaign", compute, seconds=0)
    until_purged("campaign", compute, seconds=0)
    assert len(calls) == 2
    until_purged("settings", compute, seconds=60)
    until_purged("settings", compute, seconds=60)
    assert len(calls) == 3


def test_a_read_inside_a_transaction_is_not_kept():
    """Rows read there may be rolled back, and no purge would follow."""
    calls, compute = counting()
    with transaction.atomic():
        until_purged("key", compute)
        until_purged("key", compute)
    assert len(calls) == 2


def test_a_read_made_while_a_purge_happened_is_not_kept():
    calls = []

    def compute_while_purging():
        calls.append(1)
        page_cache().purge_everything()
        return len(calls)

    until_purged("key", compute_while_purging)
    until_purged("key", compute_while_purging)
    assert len(calls) == 2


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def menu(soup):
    return [link.get_text() for link in soup.select(".site-header nav a")]


def test_a_settings_change_reaches_the_next_page(client, site):
    article = ArticleFactory()
    page(client, article.url)
    publication = PublicationSettings.for_site(site)
    publication.publication_name = "The Renamed Gazette"
    publication.save()
    assert "The Renamed Gazette" in str(page(client, article.url))
    rules = CommunitySettings.for_site(site)
    assert page(client, article.url).select_one("#comments") is not None
    rules.comments_enabled = False
    rules.save()
    assert page(client, article.url).select_one("#comments") is None


def test_a_restricted_section_leaves_the_menu_and_the_listings_at_once(client, site):
    article = ArticleFactory(title="Soon behind a password")
    front = page(client, "/")
    assert "Articles" in menu(front)
    assert "Soon behind a password" in front.get_text()
    section = Page.objects.get(pk=article.get_parent().pk)
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
    front = page(client, "/")
    assert "Articles" not in menu(front)
    assert "Soon behind a password" not in front.get_text()
    assert "Soon behind a password" not in client.get(article.url).content.decode()


def test_a_renamed_section_is_renamed_in_the_menu_at_once(client, site):
    article = ArticleFactory()
    assert "Articles" in menu(page(client, "/"))
    section = article.get_parent().specific
    section.title = "Stories"
    section.save_revision().publish()
    assert "Stories" in menu(page(client, "/"))
    assert "Articles" not in menu(page(client, "/"))


def test_a_change_to_the_site_purges(site):
    before = page_cache().counter.current_now()
    site.site_name = "Renamed"
    site.save()
    assert page_cache().counter.current_now() > before


def test_a_campaign_that_starts_shows_at_once(client, site):
    article = ArticleFactory()
    assert page(client, article.url).select_one(".campaign-banner") is None
    now = timezone.now()
    Campaign.objects.create(
        title="Keep the lights on",
        slug="lights",
        goal_amount=100_000,
        currency="eur",
        starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(days=7),
    )
    assert "Keep the lights on" in page(client, article.url).get_text()


def test_an_article_with_no_restriction_is_served_without_reading_any(client, site):
    article = ArticleFactory()
    client.get(article.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(article.url).status_code == 200
    assert not [q for q in captured.captured_queries if "pageviewrestriction" in q["sql"]]


def test_restrictions_above_an_article_or_on_an_alias_source_still_ask(client, site):
    """Serving skips Wagtail's restriction check only where none can apply: on a restricted
    article, and on an article under an alias of a restricted section, it still asks."""
    locked = ArticleFactory(body=body("<p>The locked text.</p>"))
    open_article = ArticleFactory()
    client.get(open_article.url)  # the reads are kept: no restriction, no alias yet
    PageViewRestriction.objects.create(page=locked, restriction_type="password", password="x")
    assert "The locked text." not in client.get(locked.url).content.decode()

    # An alias takes its source's restrictions, even one added after the alias was made,
    # and so does a page under it: only Wagtail's own check follows that.
    home = Page.objects.get(pk=site.root_page_id)
    section = home.add_child(instance=ArticleIndexPage(title="Soon locked", slug="soon-locked"))
    alias = section.create_alias(update_slug="soon-locked-alias")
    under_alias = ArticleFactory(parent=alias, body=body("<p>Under the alias.</p>"))
    assert "Under the alias." in client.get(under_alias.url).content.decode()
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
    response = client.get(under_alias.url)
    assert "Under the alias." not in response.content.decode()
    assert 'type="password"' in response.content.decode()


def test_made_up_host_names_share_one_entry(client, site, settings):
    """ALLOWED_HOSTS may take any subdomain: a host no site names resolves to the default
    site whatever it is, so it is kept once, not once per name a visitor makes up."""
    settings.ALLOWED_HOSTS = [".example.org", "testserver"]
    for number in range(5):
        assert client.get("/", HTTP_HOST=f"made-up-{number}.example.org").status_code == 200
    kept = [
        key for key in page_cache()._reads if isinstance(key, tuple) and key[0] == "wagtail.site"
    ]
    assert kept == [("wagtail.site", None)]


def test_made_up_addresses_under_the_home_page_keep_nothing(client, site):
    for number in range(5):
        assert client.get(f"/made-up-{number}/").status_code == 404
    kept = [key for key in page_cache()._reads if isinstance(key, tuple) and "home" in key[0]]
    assert len(kept) <= 1


def test_a_section_made_live_without_publishing_is_served_at_once(client, site):
    assert client.get("/dispatches/").status_code == 404  # the home page's children are kept
    home = Page.objects.get(pk=site.root_page_id)
    home.add_child(instance=ArticleIndexPage(title="Dispatches", slug="dispatches", live=True))
    assert client.get("/dispatches/").status_code == 200

"""The demo publication: complete, original, and safe to load twice."""

import datetime as dt
import io
import re
import stat

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import ReferenceIndex, Revision, Site

from masthead.demo.content_files import demo_content
from masthead.demo.credentials import credentials_path, read_all_demo_credentials
from masthead.demo.loader import PAGE_PASSWORD_ROLE, DemoLoadSummary
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
from masthead.server.clock import Clock, periodic_jobs
from masthead.server.management.commands.serve import Command as Serve

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(settings, tmp_path) -> dt.datetime:
    """The demo, loaded; the moment its load began."""
    settings.DATA_DIR = tmp_path
    began = timezone.now()
    call_command("load-demo", port=8123, verbosity=0)
    return began


def banner() -> str:
    """What ``masthead serve --demo-banner`` prints once the site answers."""
    out = io.StringIO()
    Serve(stdout=out).print_demo_banner("127.0.0.1", 8123)
    return out.getvalue()


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
    # 30 written for the demo, 1 embargoed, 1 scheduled, 3 moved in from its old blog
    # (demo/wordpress/).
    assert {kind: made[kind] for kind in ("ArticlePage", "AuthorPage", "RegionPage")} == {
        "ArticlePage": 35,
        "AuthorPage": 5,
        "RegionPage": 6,
    }
    assert (made["ThemePage"], made["ReportPage"]) == (8, 3)
    assert made["CreditedRendition"] >= 30 * 8  # made at load time, not on the first visit
    # 30 readable, one embargoed behind a page password, one scheduled for later, 3 moved in
    # from WordPress, two of the 30 for members only.
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
    scheduled = Revision.objects.filter(approved_go_live_at__isnull=False)
    schedule = list(scheduled.values_list("pk", "approved_go_live_at"))
    call_command("load-demo", port=8123, verbosity=0)
    assert counts() == before
    # The scheduled article keeps its one scheduled revision, and its time.
    assert len(schedule) == 1
    assert list(scheduled.values_list("pk", "approved_go_live_at")) == schedule
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
    # The sitemap lists addresses, not headlines: the slug shows it there.
    shown = {headline, escape(headline), embargoed["slug"]}
    for listing in ["/", "/articles/", "/regions/europe/", "/feed/rss/", "/sitemap.xml"]:
        page = client.get(listing, **host).content.decode()
        assert not any(text in page for text in shown), listing
    assert headline not in client.get("/search/", {"q": "regional budget"}, **host).content.decode()

    form = client.get(url, **host)
    assert headline not in form.content.decode()
    action = re.search(r'<form[^>]+action="([^"]+)"', form.content.decode()).group(1)
    unlocked = client.post(
        action.replace("&amp;", "&"), {"password": password, "return_url": url}, follow=True, **host
    )
    assert headline in unlocked.content.decode()


def test_the_scheduled_article_waits_for_its_time_then_the_clock_publishes_it(
    loaded, client, settings, monkeypatch
):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    host = {"HTTP_HOST": "127.0.0.1:8123"}
    (spec,) = demo_content().scheduled_articles
    headline, minutes = spec["title"], dt.timedelta(minutes=spec["scheduled"]["minutes_after_load"])
    shown = {headline, escape(headline), spec["slug"]}  # its apostrophe is escaped in HTML
    article = ArticlePage.objects.get(slug=spec["slug"])
    # As the admin's "Schedule" leaves it: a draft whose revision carries its go-live date.
    assert not article.live and article.first_published_at is None
    (scheduled,) = Revision.objects.filter(approved_go_live_at__isnull=False)
    assert scheduled.object_id == str(article.pk)
    go_live_at = scheduled.approved_go_live_at
    # On the first whole minute after that many minutes from the load.
    assert go_live_at.second == go_live_at.microsecond == 0
    assert loaded + minutes <= go_live_at <= timezone.now() + minutes + dt.timedelta(minutes=1)
    assert article.go_live_at == go_live_at

    assert not readable_articles().filter(pk=article.pk).exists()
    for path in ["/", "/articles/", "/regions/africa/", "/feed/rss/", "/sitemap.xml"]:
        page = client.get(path, **host).content.decode()
        assert not any(text in page for text in shown), path
    assert client.get(article.url, **host).status_code == 404
    (line,) = [line for line in banner().splitlines() if "Scheduled article:" in line]
    assert f"“{headline}” goes live at {timezone.localtime(go_live_at):%H:%M %Z}" in line
    assert f"http://127.0.0.1:8123{article.url}" in line

    # The clock's own publishing job: nothing before its time, then it publishes it.
    (publishing,) = [job for job in periodic_jobs() if job.name == "publishing"]
    done: list[str] = []
    clock = Clock([publishing], done.append)
    assert clock.run(publishing) and done == []
    with monkeypatch.context() as later:
        later.setattr(timezone, "now", lambda: go_live_at + dt.timedelta(seconds=30))
        assert clock.run(publishing)
    assert len(done) == 1 and done[0].startswith(f"publishing: Published “{headline}”")

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.published_at == go_live_at
    assert readable_articles().filter(pk=article.pk).exists()
    assert escape(headline) in client.get("/", **host).content.decode()
    assert headline in client.get("/feed/rss/", **host).content.decode()
    assert article.url in client.get("/sitemap.xml", **host).content.decode()
    assert client.get(article.url, **host).status_code == 200
    assert f"Scheduled article:  “{headline}” went live at " in banner()

    # Loading the demo again leaves it as the clock left it: live, and not scheduled again.
    call_command("load-demo", port=8123, verbosity=0)
    assert ArticlePage.objects.filter(slug=spec["slug"]).get().live
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


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


@pytest.mark.django_db(databases=[])
def test_the_load_summary_counts_in_words():
    summary = DemoLoadSummary(site_url="http://127.0.0.1:8000/")
    for kind in ("articles", "articles", "scheduled articles", "region pages"):
        summary.count(kind)
    assert str(summary) == (
        "Loaded the demo publication at http://127.0.0.1:8000/: "
        "created 2 articles, 1 scheduled article, 1 region page."
    )

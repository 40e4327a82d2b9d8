"""Membership's fragments on readers' pages: the same for every anonymous reader, so pages
stay cacheable, and nothing personal in them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from masthead.membership.models import Campaign, Tier
from masthead.news.tests.factories import ArticleFactory

from .conftest import make_member, make_reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home: Any) -> Any:
    return ArticleFactory(title="An open story", slug="open-story")


def fragments(html: bytes) -> tuple[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    return str(soup.select_one(".account-link")), str(soup.select_one(".membership-prompt"))


def test_anonymous_readers_get_identical_cacheable_fragments(article: Any) -> None:
    Campaign.objects.create(
        title="Lights on",
        slug="lights",
        goal_donors=100,
        starts_at=timezone.now() - dt.timedelta(days=1),
        ends_at=timezone.now() + dt.timedelta(days=3),
    )
    first = Client().get(article.url)
    assert first.status_code == 200 and not first.cookies
    assert first["X-Page-Cache"] == "miss"
    header, prompt = fragments(first.content)
    assert 'href="/account/"' in header and ">Account<" in header
    assert 'href="/members/"' in prompt
    banner = BeautifulSoup(first.content, "html.parser").select_one(".campaign-banner")
    assert "Lights on" in banner.get_text() and banner.select_one('a[href="/support/lights/"]')
    assert "csrfmiddlewaretoken" not in first.content.decode()
    signed_in = Client()
    signed_in.force_login(make_reader("ana@example.org").user)
    own = signed_in.get(article.url)
    assert fragments(own.content)[0] == header  # the header link is the same for everyone
    assert "ana@example.org" not in own.content.decode()


def test_members_are_not_asked_to_join(article: Any, tiers: dict[str, Tier]) -> None:
    member = Client()
    member.force_login(make_member(tiers["supporter"]).user)
    _header, prompt = fragments(member.get(article.url).content)
    assert prompt == "None"
    assert "Become a member" in fragments(Client().get(article.url).content)[1]


def test_a_running_campaigns_banner_is_on_every_page_and_only_while_it_runs(
    article: Any, home: Any
) -> None:
    campaign = Campaign.objects.create(
        title="Lights on",
        slug="lights",
        goal_amount=100_000,
        starts_at=timezone.now() - dt.timedelta(days=1),
        ends_at=timezone.now() + dt.timedelta(days=3, hours=1),
    )
    for path in (home.url, article.url, "/articles/", "/search/?q=story", "/members/"):
        soup = BeautifulSoup(Client().get(path).content, "html.parser")
        banner = soup.select_one(".campaign-banner")
        assert banner is not None, path
        # Figures in the page's language, one address per language.
        assert banner.select_one(".campaign-progress")["data-progress-url"] == (
            "/support/lights/progress.en.json"
        )
        assert "3 days left" in banner.get_text(" ", strip=True), path
        # The banner sits between the header and the page's content, before <main>.
        assert banner.find_previous("header") and banner.find_next("main"), path
        assert soup.select_one('script[src*="campaign"]') is not None, path
    # Not twice on the campaign's own page, which shows its progress itself.
    own = BeautifulSoup(Client().get("/support/lights/").content, "html.parser")
    assert own.select_one(".campaign-banner") is None
    assert len(own.select(".campaign-progress")) == 1
    campaign.ends_at = timezone.now() - dt.timedelta(minutes=1)
    campaign.starts_at = timezone.now() - dt.timedelta(days=2)
    campaign.save()  # saving a campaign purges the cached pages
    for path in (home.url, article.url):
        assert b"campaign-banner" not in Client().get(path).content, path


def test_the_share_fragment_links_to_the_share_page(article: Any) -> None:
    from django.template.loader import render_to_string

    html = render_to_string("membership/includes/share_by_email.html", {"article_id": article.pk})
    assert f'href="/account/share/{article.pk}/"' in html

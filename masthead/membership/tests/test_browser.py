"""A reader in a real browser (Debian's chromium): signs in by code and by link, meets a
members-only article's paywall, joins through the (local) checkout and the signed webhook,
and reads the article; the campaign banner moves after a gift without emptying the cache."""

from __future__ import annotations

import datetime as dt
import re
import urllib.request
from typing import Any

import pytest
from django.utils import timezone

from masthead.membership.models import Campaign, Gift, MembersOnlyArticle, Reader, Tier
from masthead.news.tests.factories import ArticleFactory, body

from .conftest import WEBHOOK_SECRET
from .stripe_standin import event, sign

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def live_site(live_server: Any, settings: Any) -> str:
    from wagtail.models import Site

    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    # update() sends no signal: drop the root paths Wagtail cached for the old address.
    Site.clear_site_root_paths_cache()
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.MASTHEAD_BASE_URL = live_server.url
    return live_server.url


@pytest.fixture
def page(browser: Any) -> Any:
    tab = browser.new_page(locale="en-GB")
    yield tab
    tab.close()


@pytest.fixture
def locked_article(live_site: str) -> Any:
    article = ArticleFactory(
        title="What the harbour master knew",
        slug="harbour-master",
        standfirst="Documents show the warnings.",
        body=body("<p>The zebrasecret memo was filed in March.</p>"),
    )
    MembersOnlyArticle.objects.create(article=article)
    Tier.objects.create(
        name="Supporter",
        slug="supporter",
        rank=1,
        monthly_amount=500,
        stripe_product_id="prod_test_s",
        stripe_monthly_price_id="price_test_s_m",
    )
    return article


def code_from(smtp: Any) -> str:
    text = smtp.received[-1].message.get_body(("plain",)).get_content()
    return re.search(r"sign in: (\d{6})", text).group(1)


def link_from(smtp: Any) -> str:
    text = smtp.received[-1].message.get_body(("plain",)).get_content()
    return re.search(r"http://\S+/account/sign-in/link/\S+/", text).group(0)


def test_sign_in_by_code_paywall_checkout_webhook_and_the_unlocked_article(
    live_site: str, locked_article: Any, smtp: Any, stripe_server: Any, page: Any
) -> None:
    url = f"{live_site}/articles/harbour-master/"
    page.goto(url)
    assert "This article is for members" in page.content()
    assert "zebrasecret" not in page.content()

    page.get_by_role("link", name="Already a member? Sign in").click()
    page.get_by_label("Your email address").fill("Reader@Example.org")
    page.get_by_role("button", name="Email me a sign-in link").click()
    page.wait_for_url("**/account/sign-in/code/")
    page.get_by_label("The 6-digit code from the email").fill(code_from(smtp))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(url)
    assert "zebrasecret" not in page.content()  # signed in, but not a member yet

    page.goto(f"{live_site}/members/")
    page.get_by_role("button", name="Join, paying monthly").click()
    page.wait_for_url(f"{stripe_server.url}/pay/**")
    # Stripe's side: the subscription now exists, and Stripe calls the webhook.
    reader = Reader.objects.get(email="reader@example.org")
    sub = stripe_server.subscription(price="price_test_s_m", reader_id=reader.pk)
    payload = event(
        "checkout.session.completed",
        {
            "id": "cs_test_b",
            "object": "checkout.session",
            "mode": "subscription",
            "customer": reader.stripe_customer_id,
            "subscription": sub["id"],
            "client_reference_id": str(reader.pk),
            "metadata": {"masthead_kind": "membership", "masthead_reader": str(reader.pk)},
        },
    )
    request = urllib.request.Request(
        f"{live_site}/stripe/webhook/",
        data=payload,
        headers={
            "Content-Type": "application/json",
            "Stripe-Signature": sign(payload, WEBHOOK_SECRET),
        },
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200
    page.get_by_role("link", name="Pay").click()
    page.wait_for_url("**/members/welcome/")
    page.goto(url)
    assert "zebrasecret" in page.content()


def test_sign_in_by_link_needs_the_button(
    live_site: str, smtp: Any, page: Any, browser: Any
) -> None:
    page.goto(f"{live_site}/account/sign-in/")
    page.get_by_label("Your email address").fill("linker@example.org")
    page.get_by_role("button", name="Email me a sign-in link").click()
    page.wait_for_url("**/account/sign-in/code/")
    other_device = browser.new_page()
    other_device.goto(link_from(smtp))
    assert not Reader.objects.exists()  # opening the link signs no one in
    other_device.get_by_role("button", name="Sign me in").click()
    other_device.wait_for_url("**/account/")
    assert "You sign in with linker@example.org" in other_device.content()
    other_device.close()


def test_the_campaign_banner_moves_after_a_gift_without_emptying_the_cache(
    live_site: str, page: Any
) -> None:
    campaign = Campaign.objects.create(
        title="Keep the lights on",
        slug="lights",
        goal_amount=100_000,
        starts_at=timezone.now() - dt.timedelta(days=1),
        ends_at=timezone.now() + dt.timedelta(days=5),
    )
    ArticleFactory(title="An open story", slug="open-story")
    url = f"{live_site}/articles/open-story/"
    page.goto(url)
    banner = page.locator(".campaign-banner")
    assert "0.00" in banner.locator("[data-figure=raised]").inner_text()
    Gift.objects.create(campaign=campaign, amount=25_000, status=Gift.Status.SUCCEEDED)
    response = page.goto(url)
    assert response.headers.get("x-page-cache") == "hit"  # the page itself was not re-rendered
    page.wait_for_function("document.querySelector('.campaign-banner progress').value == 25")
    assert "250" in banner.locator("[data-figure=raised]").inner_text()
    # Dismissed, it stays hidden on the next page.
    page.get_by_role("button", name="Hide").click()
    page.goto(url)
    assert banner.is_hidden()

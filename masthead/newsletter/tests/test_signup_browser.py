"""A reader signs up from the footer in a real browser (Debian's chromium), then confirms
from the link that reached a real SMTP server."""

from __future__ import annotations

import re

import pytest

from masthead.newsletter.models import Subscriber

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_page(browser):
    page = browser.new_page(locale="en-GB")
    yield page
    page.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_footer_signup_and_confirmation_in_a_browser(live_server, settings, smtp, browser_page):
    from wagtail.models import Site

    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    settings.MASTHEAD_BASE_URL = live_server.url
    settings.MASTHEAD_NEWSLETTER_MIN_FILL_SECONDS = 1.0
    page = browser_page

    page.goto(live_server.url + "/")
    footer = page.locator("footer .newsletter-signup")
    assert footer.is_visible()
    trap = page.locator("#newsletter-footer-website").bounding_box()
    assert trap is not None and trap["x"] + trap["width"] <= 0  # the trap is off-screen
    footer.get_by_label("Email address").fill("browser.reader@example.org")
    footer.get_by_label("Weekly digest").check()
    page.wait_for_timeout(1200)  # a person takes a moment; an instant submit looks like a bot
    footer.get_by_role("button", name="Subscribe").click()
    page.wait_for_url("**/newsletter/check-your-inbox/")
    assert "Check your inbox" in page.content()

    subscriber = Subscriber.objects.get(email="browser.reader@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.frequency == "weekly" and subscriber.consent_form == "footer"

    text = smtp.received[0].message.get_body(("plain",)).get_content()
    confirm_url = re.search(r"http://\S+/newsletter/confirm/\S+/", text).group(0)
    page.goto(confirm_url)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING  # opening the link is not enough
    page.get_by_role("button", name="Yes, send me the newsletter").click()
    page.wait_for_load_state()
    assert "You're subscribed" in page.content()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED

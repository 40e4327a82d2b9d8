"""In Debian's chromium: the share control at phone and desktop widths, and a guest's comment
from the form to the page (confirmed by the mailed link's button, approved in the admin)."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from django.utils import timezone

from masthead.community.models import Comment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def serve_on(live_server, settings):
    from wagtail.models import Site

    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    # update() sends no signal: drop the root paths Wagtail cached for the old address.
    Site.clear_site_root_paths_cache()
    settings.MASTHEAD_BASE_URL = live_server.url


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_share_control_without_and_with_the_system_share_sheet(
    live_server, settings, browser, article, portuguese, device
):
    serve_on(live_server, settings)
    context = browser.new_context(locale="pt-PT", **device)
    # Record what the page asks the system share sheet for (Linux chromium has none of its own).
    context.add_init_script(
        "if (matchMedia('(pointer: coarse)').matches) {"
        " navigator.share = (data) => { window.__shared = data; return Promise.resolve(); }; }"
    )
    page = context.new_page()
    page.goto(live_server.url + "/pt/articles/bridge-reopens/")
    share = page.locator(".article__header details.share")
    share.locator("summary").click()
    email = share.locator("a.share__email")
    assert email.is_visible()
    href = email.get_attribute("href")
    assert unquote(href.split("subject=")[1].split("&")[0]) == "A cidade vai reabrir a velha ponte"
    assert unquote(href.split("body=")[1]).endswith(
        f"{live_server.url}/pt/articles/bridge-reopens/"
    )
    for service in ("bluesky", "mastodon", "x", "facebook", "linkedin", "telegram", "whatsapp"):
        link = share.locator(f"a.share__{service}")
        assert link.is_visible(), service
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= device["viewport"]["width"], service
    assert page.evaluate("document.documentElement.scrollWidth") <= device["viewport"]["width"]
    system = share.locator("button.share__system")
    if device is PHONE:
        assert system.is_visible()
        system.click()
        shared = page.evaluate("window.__shared")
        assert shared["url"] == f"{live_server.url}/pt/articles/bridge-reopens/"
        assert shared["title"] == "A cidade vai reabrir a velha ponte"
    else:
        assert not system.is_visible()
    context.close()


def test_share_control_works_without_javascript(live_server, settings, browser, article):
    serve_on(live_server, settings)
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(live_server.url + article.url)
    page.locator("details.share summary").click()
    assert page.locator("a.share__email").is_visible()
    page.locator("a.share__mastodon").click()
    page.get_by_label("Your Mastodon server").fill("mastodon.example")
    with page.expect_request(re.compile(r"https://mastodon\.example/share\?text=")) as request:
        page.get_by_role("button", name="Go to my server").click()
    assert "bridge-reopens" in unquote(request.value.url)
    context.close()


def test_guest_comment_confirmed_moderated_and_shown(
    live_server, settings, browser, article, smtp, django_user_model
):
    serve_on(live_server, settings)
    settings.MASTHEAD_COMMENT_MIN_FILL_SECONDS = 1.0
    django_user_model.objects.create_superuser("editor", "editor@example.org", "correct horse 42")
    reader = browser.new_page()
    reader.goto(live_server.url + article.url)
    reader.get_by_role("link", name="Write a comment").click()
    form = reader.locator("#comment-form")
    form.get_by_label("Your name").fill("Browser Reader")
    form.get_by_label("Email address").fill("browser.reader@example.org")
    form.get_by_label("Your comment").fill("Seen from a *real* browser.")
    reader.wait_for_timeout(1200)  # a person takes a moment; an instant submit looks like a bot
    form.get_by_role("button", name="Send comment").click()
    reader.wait_for_load_state()
    assert "sent you a link" in reader.content()

    text = smtp.received[0].message.get_body(("plain",)).get_content()
    link = re.search(r"http://\S+/comments/confirm/\S+/", text).group(0)
    reader.goto(link)
    assert Comment.objects.get().status == Comment.Status.UNCONFIRMED
    reader.get_by_role("button", name="Yes, this is my address").click()
    reader.wait_for_load_state()
    assert "waits for a moderator" in reader.content()
    assert Comment.objects.get().status == Comment.Status.PENDING

    editor = browser.new_page()
    editor.goto(live_server.url + "/admin/login/")
    editor.fill("input[name=username]", "editor")
    editor.fill("input[name=password]", "correct horse 42")
    editor.locator("form button[type=submit]").first.click()
    editor.wait_for_url(re.compile(r".*/admin/$"))
    editor.goto(live_server.url + "/admin/snippets/community/comment/?status=pending")
    assert "Browser Reader" in editor.content()
    editor.locator("input[data-bulk-action-checkbox]").first.check()
    editor.get_by_role("link", name="Approve").click()
    editor.get_by_role("button", name="Approve").click()
    editor.wait_for_load_state()
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.APPROVED and comment.approved_at <= timezone.now()

    anonymous = browser.new_context().new_page()
    anonymous.goto(live_server.url + article.url)
    body = anonymous.locator(".comments .comment__body")
    assert body.inner_text() == "Seen from a real browser."
    assert body.locator("em").inner_text() == "real"


def test_a_member_signs_in_to_comment_and_finds_it_on_their_account_page(
    live_server, settings, browser, article, smtp
):
    """Members only: the article sends the reader to sign in (by emailed code), back to the
    thread, to their account for a name, and their comment (no confirmation mail) waits for
    moderation and is listed on the account page."""
    from masthead.community.models import CommunitySettings
    from masthead.community.queries import community_settings

    serve_on(live_server, settings)
    settings.MASTHEAD_COMMENT_MIN_FILL_SECONDS = 1.0
    rules = community_settings()
    rules.who_may_comment = CommunitySettings.Who.MEMBERS
    rules.save()
    reader = browser.new_page()
    reader.goto(live_server.url + article.url)
    reader.get_by_role("link", name="Members can comment: sign in to write").click()
    reader.get_by_role("link", name="Sign in to comment").click()
    reader.get_by_label("Your email address").fill("member.reader@example.org")
    reader.get_by_role("button", name="Email me a sign-in link").click()
    reader.wait_for_url("**/account/sign-in/code/")
    text = smtp.received[-1].message.get_body(("plain",)).get_content()
    reader.get_by_label("The 6-digit code from the email").fill(
        re.search(r"sign in: (\d{6})", text).group(1)
    )
    reader.get_by_role("button", name="Sign in").click()
    reader.wait_for_url(f"**/comments/{article.pk}/")
    sent_before = len(smtp.received)

    reader.locator("#comment-form").get_by_role("link", name="Your account").click()
    reader.wait_for_url("**/account/")
    reader.get_by_label("Name").fill("Marta Member")
    reader.get_by_role("button", name="Save").click()
    reader.goto(f"{live_server.url}/comments/{article.pk}/")
    form = reader.locator("#comment-form")
    assert "You comment as Marta Member." in form.inner_text()
    form.get_by_label("Your comment").fill("Signed in, and glad of it.")
    reader.wait_for_timeout(1200)
    form.get_by_role("button", name="Send comment").click()
    reader.wait_for_load_state()
    assert "waits for a moderator" in reader.content()
    assert len(smtp.received) == sent_before  # no confirmation mail for a member
    assert Comment.objects.get().author_name == "Marta Member"

    reader.goto(f"{live_server.url}/account/")
    history = reader.locator(".account-comments")
    assert "Signed in, and glad of it." in history.inner_text()
    assert article.title in history.inner_text()

"""The Republish dialog in a real browser (Debian's chromium, driven by Playwright): it opens
over the article, switches language, and its copy button puts the HTML on the clipboard."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from masthead.syndication.republish import problems

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_reader_copies_the_html_from_the_dialog(live_server, browser, story, viewport):
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]},
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + story.url)

    page.get_by_role("link", name="Get the HTML to republish").click()
    dialog = page.locator("dialog.republish-dialog")
    dialog.wait_for(state="visible")
    assert page.url == live_server.url + story.url  # a dialog, not a new page
    assert dialog.get_by_role("heading", name="Get the HTML to republish").is_visible()
    # The dialog fits the screen, on a phone as on a desktop.
    box = dialog.bounding_box()
    assert box is not None and box["width"] <= viewport[0]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    dialog.get_by_role("button", name="Copy HTML").click()
    dialog.get_by_role("status").filter(has_text="Copied.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == dialog.locator("#republish-html").input_value()
    pasted = BeautifulSoup(copied, "html.parser")
    assert pasted.find("h1").get_text() == story.title
    assert problems(copied) == []
    assert "The original source of this article is The Test Gazette." in pasted.get_text()

    accessibility = Axe().run(page)
    assert accessibility.violations_count == 0, accessibility.generate_report()

    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert errors == []
    context.close()


def test_without_javascript_the_link_opens_the_republish_page(live_server, browser, story):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + story.url)
    page.get_by_role("link", name="Get the HTML to republish").click()
    page.wait_for_url(f"**/republish/{story.pk}/")
    html = page.locator("#republish-html").input_value()
    assert BeautifulSoup(html, "html.parser").find("h1").get_text() == story.title
    # The copy buttons need JavaScript, so they stay hidden without it.
    assert not page.get_by_role("button", name="Copy HTML").is_visible()
    context.close()

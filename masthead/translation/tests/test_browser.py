"""A reader switches language on an article in a real browser (Debian's chromium)."""

from __future__ import annotations

import os
import shutil

import pytest

from masthead.translation import services
from masthead.translation.models import ArticleTranslation

CHROMIUM = os.environ.get("MASTHEAD_CHROMIUM", "/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not shutil.which(CHROMIUM) and not os.environ.get("CI"),
        reason="Debian's chromium is not installed (CI installs it).",
    ),
]


def test_reader_switches_an_article_to_portuguese(live_server, article, languages):
    services.translate_article(article.pk)
    title = ArticleTranslation.objects.get(article=article, language="pt").title
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(java_script_enabled=False)
            page.goto(f"{live_server.url}/articles/bridge-reopens/")
            switcher = page.locator(".article__header .language-switcher")
            switcher.locator("summary").click()
            switcher.get_by_role("link", name="Português").click()

            page.wait_for_url("**/pt/articles/bridge-reopens/")
            assert page.locator("html").get_attribute("lang") == "pt"
            assert page.locator("h1").inner_text() == title
            assert "ponte" in page.locator(".article__body").inner_text()
            notice = page.locator(".translation-notice")
            assert notice.is_visible()
            assert "traduzido automaticamente" in notice.inner_text()

            notice.get_by_role("link").click()
            page.wait_for_url("**/articles/bridge-reopens/")
            assert page.locator("h1").inner_text() == "The city will reopen the old bridge"
        finally:
            browser.close()

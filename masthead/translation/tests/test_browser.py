"""A reader switches language on an article in a real browser (Debian's chromium)."""

from __future__ import annotations

import pytest

from masthead.translation import services
from masthead.translation.models import ArticleTranslation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def portuguese_title(article, languages) -> str:
    services.translate_article(article.pk)
    return ArticleTranslation.objects.get(article=article, language="pt").title


@pytest.mark.parametrize(
    "viewport",
    [{"width": 1280, "height": 900}, {"width": 375, "height": 740}],
    ids=["desktop", "phone"],
)
def test_reader_switches_an_article_to_portuguese(live_server, portuguese_title, browser, viewport):
    page = browser.new_page(java_script_enabled=False, viewport=viewport)
    page.goto(f"{live_server.url}/articles/bridge-reopens/")
    switcher = page.locator(".article__header .language-switcher")
    switcher.locator("summary").click()
    switcher.get_by_role("link", name="Português").click()

    page.wait_for_url("**/pt/articles/bridge-reopens/")
    assert page.locator("html").get_attribute("lang") == "pt"
    assert page.locator("h1").inner_text() == portuguese_title
    assert "ponte" in page.locator(".article__body").inner_text()
    notice = page.locator(".translation-notice")
    assert notice.is_visible()
    assert "traduzido automaticamente" in notice.inner_text()

    notice.get_by_role("link").click()
    page.wait_for_url("**/articles/bridge-reopens/")
    assert page.locator("h1").inner_text() == "The city will reopen the old bridge"


@pytest.mark.usefixtures("apertium")  # the switcher lists Spanish too
@pytest.mark.parametrize(
    "viewport",
    [{"width": 1280, "height": 900}, {"width": 375, "height": 740}],
    ids=["desktop", "phone"],
)
def test_translated_page_with_open_switchers_is_accessible_and_fits(
    live_server, portuguese_title, browser, viewport
):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="test dependency")
    page = browser.new_page(viewport=viewport)
    page.goto(f"{live_server.url}/pt/articles/bridge-reopens/")
    for summary in page.locator(".language-switcher summary").all():
        summary.click()

    assert page.locator(".article__header .language-switcher a").count() == 3
    # Open switchers stay within the screen, on a phone as on a desktop.
    for switcher in page.locator(".language-switcher").all():
        box = switcher.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    accessibility = axe.Axe().run(page)
    assert accessibility.violations_count == 0, accessibility.generate_report()

"""A reader's path through the site in a real browser (Debian's chromium, driven by Playwright)."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from masthead.news.models import PublicationSettings

from .factories import ArticleFactory, AuthorFactory, CreditedImageFactory, RegionFactory

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def story(site):
    publication = PublicationSettings.for_site(site)
    publication.publication_name = "The Test Gazette"
    publication.save()
    region = RegionFactory(title="Latin America", slug="latin-america")
    author = AuthorFactory(title="Lucía Benítez", bio="Lucía Benítez reports from Montevideo.")
    article = ArticleFactory(
        title="River ports count the cost of the drought",
        authors=[author],
        regions=[region],
        featured_image=CreditedImageFactory(credit="Photo: Delta Agency"),
        featured_image_alt="A dry riverbed",
    )
    return article, author, region


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_reader_goes_from_front_page_to_article_to_region(live_server, browser, story, viewport):
    article, _, region = story
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.goto(live_server.url + "/")
    assert page.locator(".site-name").inner_text() == "The Test Gazette"
    accessibility = Axe().run(page)
    assert accessibility.violations_count == 0, accessibility.generate_report()

    page.get_by_role("link", name=article.title).first.click()
    page.wait_for_url(f"**{article.url}")
    assert page.locator("h1").inner_text() == article.title
    assert page.locator(".byline").inner_text() == "By Lucía Benítez"
    attribution = page.locator(".attribution").inner_text()
    assert "The original source of this article is The Test Gazette." in attribution
    assert "Copyright © Lucía Benítez, The Test Gazette" in attribution
    # Nothing is wider than the screen, on a phone as on a desktop.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # axe-core, the accessibility engine behind Lighthouse, finds nothing to fix.
    accessibility = Axe().run(page)
    assert accessibility.violations_count == 0, accessibility.generate_report()

    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / f"article-{viewport[0]}.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000

    page.locator(".filing").get_by_role("link", name="Latin America").click()
    page.wait_for_url(f"**{region.url}")
    assert page.locator("h1").inner_text() == "Latin America"
    assert article.title in page.locator("main").inner_text()
    accessibility = Axe().run(page)
    assert accessibility.violations_count == 0, accessibility.generate_report()
    page.close()

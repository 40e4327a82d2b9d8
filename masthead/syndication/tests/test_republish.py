"""The ready-to-paste HTML, parsed back: every required element, absolute URLs, credits, the
exact attribution, non-travelling images left out with a note, nothing unsafe."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage
from wagtail.rich_text import RichText

from masthead.news.tests.factories import ArticleFactory
from masthead.syndication.models import ArticlePolicy, ImageReuse, SyndicationSettings
from masthead.syndication.republish import ALLOWED_TAGS, problems

pytestmark = pytest.mark.django_db


def republish_page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def pasted(soup, field="republish-html"):
    """What a republisher copies from the page's text area, parsed as their site would."""
    return BeautifulSoup(soup.find("textarea", id=field).get_text(), "html.parser")


def test_republish_html_has_every_required_element_with_absolute_urls(client, story):
    page = republish_page(client, f"/republish/{story.pk}/")
    html = pasted(page)

    assert problems(str(html)) == []
    assert {tag.name for tag in html.find_all(True)} <= ALLOWED_TAGS
    assert html.find("h1").get_text() == "The city will reopen the old bridge"
    assert html.find("em").get_text() == "The council approved the plan on Monday."
    byline = html.find("time").parent
    assert byline.get_text().startswith("By Nadia Haddad and Tom Okafor · ")
    assert html.find("time")["datetime"].startswith(story.published_at.date().isoformat())
    links = {a.get_text(): a["href"] for a in html.find_all("a")}
    # The internal link, relative on the page, is absolute here.
    assert links["Our earlier report"] == "http://testserver/articles/earlier-piece/"
    assert links["her statement"] == "https://example.org/souza"
    assert html.find("h2").get_text() == "A long wait"
    assert html.find("blockquote").get_text(" ", strip=True) == (
        "We will have our bridge back. — Ana Souza"
    )


def test_every_image_travels_with_its_credit_at_a_sensible_size(client, story):
    html = pasted(republish_page(client, f"/republish/{story.pk}/"))

    figures = html.find_all("figure")
    assert [f.img["alt"] for f in figures] == ["The river at dawn", "A bridge"]
    for figure in figures:
        image = figure.img
        assert image["src"].startswith("http://testserver/media/images/")
        assert int(image["width"]) <= 1200 and int(image["height"]) <= 1200
        assert "Illustration: The Gazette" in figure.figcaption.get_text()
        # The rendition really is there to fetch.
        assert default_storage.exists(image["src"].removeprefix("http://testserver/media/"))


def test_an_agency_photo_that_may_not_travel_is_left_out_with_a_note(client, story):
    page = republish_page(client, f"/republish/{story.pk}/")
    html = pasted(page)

    agency_photo = story.body[1].value["image"]
    assert not agency_photo.renditions.exists()
    assert len(html.find_all("img")) == 2
    assert "A crowd" not in str(html)
    notes = [p.get_text() for p in html.find_all("p") if "not included" in p.get_text()]
    assert notes == [
        "[An image credited to Photo: Wire Agency is not included: its credit does not allow "
        "reuse.]"
    ]
    assert "1 image is left out" in page.select_one(".republish__note").get_text()


def test_attribution_line_is_exact_and_licence_marked_up(client, story):
    page = republish_page(client, f"/republish/{story.pk}/")
    html = pasted(page)
    year = story.published_at.year

    paragraphs = html.find_all("p")
    attribution, licence = paragraphs[-2], paragraphs[-1]
    assert attribution.get_text(" ", strip=True) == (
        "The original source of this article is The Test Gazette. Copyright © Nadia Haddad, "
        f"Tom Okafor, Gazette Media, {year}. http://testserver/articles/bridge-reopens/"
    )
    assert attribution.a["href"] == "http://testserver/articles/bridge-reopens/"
    assert licence.get_text() == "This article is licensed under CC BY-ND 4.0."
    assert licence.find("a", rel="license")["href"] == (
        "https://creativecommons.org/licenses/by-nd/4.0/"
    )
    head = BeautifulSoup(page.find("textarea", id="republish-head").get_text(), "html.parser")
    assert (
        head.find("link", rel="canonical")["href"] == "http://testserver/articles/bridge-reopens/"
    )


def test_plain_text_carries_the_same_article(client, story):
    text = (
        republish_page(client, f"/republish/{story.pk}/")
        .find("textarea", id="republish-text")
        .get_text()
    )

    assert text.startswith("The city will reopen the old bridge\n=====")
    assert "By Nadia Haddad and Tom Okafor" in text
    assert "Our earlier report (http://testserver/articles/earlier-piece/)" in text
    assert "[An image credited to Photo: Wire Agency is not included" in text
    assert "Illustration: The Gazette" in text
    assert "The original source of this article is The Test Gazette." in text
    assert "CC BY-ND 4.0 (https://creativecommons.org/licenses/by-nd/4.0/)" in text
    assert "<" not in text


def test_hostile_markup_stored_in_an_article_never_reaches_the_pasted_html(client, story):
    hostile = ArticleFactory(
        title="Hostile <b>headline</b>",
        body=[
            (
                "paragraph",
                RichText(
                    '<p onclick="steal()">Text<script>alert(1)</script>'
                    '<a href="javascript:alert(2)">bad</a><iframe src="https://evil.example/">'
                    '</iframe><img src="x" onerror="alert(3)"></p>'
                ),
            )
        ],
    )
    html = str(pasted(republish_page(client, f"/republish/{hostile.pk}/")))

    for unsafe in ("<script", "onclick", "onerror", "javascript:", "<iframe", "<b>headline"):
        assert unsafe not in html
    assert "Hostile &lt;b&gt;headline&lt;/b&gt;" in html


def test_images_may_be_kept_home_unless_marked_to_travel(client, story, site):
    settings = SyndicationSettings.for_site(site)
    settings.images_travel_by_default = False
    settings.save()
    drawing = story.body[3].value["image"]
    ImageReuse.objects.create(image=drawing, may_travel=True)

    html = pasted(republish_page(client, f"/republish/{story.pk}/"))

    assert [f.img["alt"] for f in html.find_all("figure")] == ["A bridge"]
    assert len([p for p in html.find_all("p") if "not included" in p.get_text()]) == 2


def test_credit_and_link_policy_links_the_policy_page_as_its_licence(client, story, site):
    settings = SyndicationSettings.for_site(site)
    settings.default_policy = "credit"
    settings.save()

    html = pasted(republish_page(client, f"/republish/{story.pk}/"))

    licence = html.find("a", rel="license")
    assert licence["href"] == "http://testserver/about/republishing/"
    assert licence.parent.get_text() == (
        "It is republished under the publication's republishing policy."
    )


def test_not_without_permission_shows_the_contact_and_no_html(client, story):
    ArticlePolicy.objects.create(article=story, policy="permission")

    article = republish_page(client, story.url)
    control = article.select_one(".republish")
    assert "may not be republished without permission" in control.get_text()
    assert control.find("a", href="mailto:press@gazette.example") is not None
    assert control.find("a", attrs={"data-republish": True}) is None

    page = republish_page(client, f"/republish/{story.pk}/")
    assert page.find("textarea") is None
    assert page.find("a", href="mailto:press@gazette.example") is not None


def test_article_page_offers_the_republish_control_with_the_licence(client, story):
    soup = republish_page(client, story.url)

    control = soup.select_one("aside.republish")
    link = control.find("a", attrs={"data-republish": True})
    assert link["href"] == f"/republish/{story.pk}/"
    assert control.find("a", rel="license")["href"] == (
        "https://creativecommons.org/licenses/by-nd/4.0/"
    )
    badge = control.find("img", class_="republish__badge")
    assert badge["src"] == "/static/syndication/badges/cc-by-nd.svg"
    assert client.get(badge["src"]).status_code in {200, 404}  # served by staticfiles in dev
    assert soup.head.find("link", rel="license")["href"] == (
        "https://creativecommons.org/licenses/by-nd/4.0/"
    )


def test_an_image_left_out_is_noted_even_as_the_lead_image(client, story, agency_photo):
    lead_agency = ArticleFactory(featured_image=agency_photo, featured_image_alt="A crowd")
    html = pasted(republish_page(client, f"/republish/{lead_agency.pk}/"))
    assert html.find("img") is None
    assert "Photo: Wire Agency is not included" in html.get_text()


def test_republish_page_and_pasted_html_pass_the_html_checker(client, story, html_problems):
    page = client.get(f"/republish/{story.pk}/").content
    pasted_html = pasted(BeautifulSoup(page, "html.parser"))
    head = BeautifulSoup(page, "html.parser").find("textarea", id="republish-head").get_text()
    republisher = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title>'
        f"{head}</head><body><main>{pasted_html}</main></body></html>"
    ).encode()
    ArticlePolicy.objects.create(article=story, policy="permission")
    refused = client.get(f"/republish/{story.pk}/").content

    assert html_problems({"republish": page, "republisher": republisher, "refused": refused}) == []


def test_unknown_article_ids_are_404s(client, story):
    assert client.get("/republish/999999/").status_code == 404
    assert client.get("/republish/99999999999999999999999/").status_code == 404
    assert client.get("/republish/99999999999999999999999/view.gif").status_code == 404
    assert client.get("/republish/abc/").status_code == 404
    assert client.get(f"/republish/{story.get_parent().pk}/").status_code == 404

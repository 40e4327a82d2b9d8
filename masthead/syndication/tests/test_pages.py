"""The policy, permissions, disclaimer and media-inquiries pages, generated from the settings in
every interface language; and the admin where editors set the policy."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from masthead.news.tests.factories import CreditedImageFactory
from masthead.syndication.models import ArticlePolicy, ImageReuse, SyndicationSettings

pytestmark = pytest.mark.django_db

PAGES = ["republishing", "permissions", "disclaimer", "media-inquiries"]


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_policy_page_is_generated_from_the_settings(client, publication, syndication):
    publication.republishing_policy = "<p>Pieces from partners stay under their terms.</p>"
    publication.save()

    page = soup_of(client, "/about/republishing/")
    text = page.main.get_text(" ", strip=True)

    assert page.h1.get_text() == "Republishing policy"
    assert (
        "The Test Gazette publishes its articles under the Creative Commons "
        "Attribution-NoDerivatives 4.0 International licence (CC BY-ND 4.0)"
    ) in text
    assert "Do not change the text; share it as it is." in text
    assert "commercial" not in text  # BY-ND allows commercial use
    assert page.main.find("a", rel="license")["href"] == (
        "https://creativecommons.org/licenses/by-nd/4.0/"
    )
    assert page.main.find("img")["src"] == "/static/syndication/badges/cc-by-nd.svg"
    # The old free-text policy lives on as the editors' note under the generated one.
    assert "Pieces from partners stay under their terms." in text


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        ("credit", "you may republish articles from The Test Gazette free of charge"),
        ("permission", "may not be republished without permission"),
        ("cc-by-nc-sa", "Do not use the articles for commercial purposes."),
    ],
)
def test_policy_page_follows_the_default(client, publication, syndication, policy, expected):
    syndication.default_policy = policy
    syndication.save()
    assert expected in soup_of(client, "/about/republishing/").main.get_text(" ", strip=True)


def test_permissions_contact_falls_back_to_media_inquiries(client, publication, syndication):
    page = soup_of(client, "/about/permissions/")
    assert page.main.find("a", href="mailto:press@gazette.example") is not None

    syndication.permissions_email = "rights@gazette.example"
    syndication.save()
    page = soup_of(client, "/about/permissions/")
    assert page.main.find("a", href="mailto:rights@gazette.example") is not None


def test_disclaimer_and_media_inquiries_come_from_the_settings(client, publication):
    publication.disclaimer = "<p>Views are the authors' own.</p>"
    publication.save()

    assert "Views are the authors' own." in soup_of(client, "/about/disclaimer/").main.get_text()
    media = soup_of(client, "/about/media-inquiries/")
    assert media.main.find("a", href="mailto:press@gazette.example") is not None


@pytest.mark.parametrize(
    ("prefix", "heading", "sentence"),
    [
        ("/pt", "Política de republicação", "Credite os autores e The Test Gazette"),
        ("/es", "Política de republicación", "Cite a los autores y a The Test Gazette"),
    ],
)
def test_pages_speak_the_readers_language(
    client, publication, syndication, prefix, heading, sentence
):
    page = soup_of(client, f"{prefix}/about/republishing/")
    assert page.html["lang"] == prefix.strip("/")
    assert page.h1.get_text() == heading
    assert sentence in page.main.get_text(" ", strip=True)


def test_every_page_answers_in_every_interface_language(client, publication, syndication):
    for code, _name in settings.LANGUAGES:
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        for name in PAGES:
            page = soup_of(client, f"{prefix}/about/{name}/")
            assert page.html["lang"] == code


def test_footer_links_the_pages(client, story):
    footer = soup_of(client, story.url).select_one(".site-footer .policy-links")
    assert [a["href"] for a in footer.find_all("a")] == [f"/about/{name}/" for name in PAGES]
    pt_footer = soup_of(client, "/pt/about/permissions/").select_one(".policy-links")
    assert pt_footer.find("a")["href"] == "/pt/about/republishing/"


def test_pages_pass_the_html_checker(client, story, html_problems):
    pages = {name: client.get(f"/about/{name}/").content for name in PAGES}
    pages["article"] = client.get(story.url).content
    assert html_problems(pages) == []


def test_editors_set_policies_and_image_reuse_in_the_admin(admin_client, story, site):
    response = admin_client.get("/admin/settings/syndication/syndicationsettings/")
    assert response.status_code in {200, 302}
    assert admin_client.get("/admin/snippets/syndication/articlepolicy/").status_code == 200
    response = admin_client.post(
        "/admin/snippets/syndication/articlepolicy/add/",
        {"article": story.pk, "policy": "permission", "note": "Co-published"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ArticlePolicy.objects.get(article=story).policy == "permission"

    image = CreditedImageFactory(credit="Photo: Agency")
    response = admin_client.post(
        "/admin/snippets/syndication/imagereuse/add/", {"image": image.pk, "may_travel": ""}
    )
    assert response.status_code == 302
    assert ImageReuse.objects.get(image=image).may_travel is False

    # The article's page shows the change at once, cache or no cache.
    assert b"may not be republished without permission" in admin_client.get(story.url).content
    assert SyndicationSettings.for_site(site).default_policy == "cc-by-nd"


def test_an_editors_change_empties_the_page_cache(client, story, settings):
    settings.MASTHEAD_PAGE_CACHE_SECONDS = 600
    assert b"Get the HTML to republish" in client.get(story.url).content
    ArticlePolicy.objects.create(article=story, policy="permission")
    assert b"Get the HTML to republish" not in client.get(story.url).content

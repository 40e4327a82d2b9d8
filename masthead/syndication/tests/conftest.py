"""An article worth republishing: two authors, a travelling illustration, an agency photo
that may not travel, an internal link; and a members-only-like restricted one."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.rich_text import RichText

from masthead.news.models import PublicationSettings
from masthead.news.tests.factories import ArticleFactory, AuthorFactory, CreditedImageFactory
from masthead.syndication.models import ImageReuse, SyndicationSettings


@pytest.fixture
def publication(site: Any) -> PublicationSettings:
    settings = PublicationSettings.for_site(site)
    settings.publication_name = "The Test Gazette"
    settings.copyright_holder = "Gazette Media"
    settings.media_inquiries_email = "press@gazette.example"
    settings.save()
    return settings


@pytest.fixture
def syndication(site: Any) -> SyndicationSettings:
    settings = SyndicationSettings.for_site(site)
    settings.default_policy = "cc-by-nd"
    settings.save()
    return settings


@pytest.fixture
def agency_photo(db: None) -> Any:
    image = CreditedImageFactory(title="Agency photo", credit="Photo: Wire Agency")
    ImageReuse.objects.create(image=image, may_travel=False)
    return image


@pytest.fixture
def story(home: Any, publication: Any, syndication: Any, agency_photo: Any) -> Any:
    authors = [
        AuthorFactory(title="Nadia Haddad", slug="nadia-haddad"),
        AuthorFactory(title="Tom Okafor", slug="tom-okafor"),
    ]
    illustration = CreditedImageFactory(title="Own drawing", credit="Illustration: The Gazette")
    earlier = ArticleFactory(title="An earlier piece", slug="earlier-piece", authors=authors[:1])
    body = [
        (
            "paragraph",
            RichText(
                "<p>The mayor of Riverton said on Monday that the old bridge would reopen. "
                f'<a linktype="page" id="{earlier.pk}">Our earlier report</a> and '
                '<a href="https://example.org/souza">her statement</a>.</p>'
            ),
        ),
        ("image", {"image": agency_photo, "alt_text": "A crowd", "caption": "The crowd."}),
        ("paragraph", RichText("<h2>A long wait</h2><p>Residents waited three years.</p>")),
        ("image", {"image": illustration, "alt_text": "A bridge", "caption": "The bridge."}),
        ("quote", {"quote": "We will have our bridge back.", "attribution": "Ana Souza"}),
    ]
    return ArticleFactory(
        title="The city will reopen the old bridge",
        slug="bridge-reopens",
        standfirst="The council approved the plan on Monday.",
        authors=authors,
        body=body,
        featured_image=CreditedImageFactory(title="Lead", credit="Illustration: The Gazette"),
        featured_image_alt="The river at dawn",
        featured_image_caption="The river.",
    )


@pytest.fixture(autouse=True)
def base_url(settings: Any) -> None:
    """Links offered to republishers come from MASTHEAD_BASE_URL, never the Host header: the
    test client's host is the site's address here."""
    settings.MASTHEAD_BASE_URL = "http://testserver"

"""The demo shows republishing: CC BY-ND 4.0 by default, one article only with permission,
one under CC BY, one republished from elsewhere, agency photos that stay home."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Site

from masthead.news.models import ArticlePage
from masthead.syndication.models import ArticlePolicy, ImageReuse, SyndicationSettings

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1:8123"}


def test_the_demo_shows_every_republishing_case(settings, tmp_path, client):
    settings.DATA_DIR = tmp_path
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    call_command("load-demo", port=8123, verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert SyndicationSettings.for_site(site).default_policy == "cc-by-nd"
    assert dict(ArticlePolicy.objects.values_list("article__slug", "policy")) == {
        "export-controls-and-allies": "permission",
        "what-open-source-investigators-can-prove": "cc-by",
    }
    stay_home = ImageReuse.objects.filter(may_travel=False)
    assert stay_home.exists()
    assert all(row.image.credit.startswith("Photo:") for row in stay_home)

    closed = ArticlePage.objects.get(slug="export-controls-and-allies")
    page = BeautifulSoup(client.get(closed.url, **HOST).content, "html.parser")
    assert page.find("a", href="mailto:rights@meridian.example") is not None

    agency = ArticlePage.objects.get(slug="sahel-alliance-tests-west-african-institutions")
    republish = client.get(f"/republish/{agency.pk}/", **HOST)
    assert b"Photo: Harmattan Images is not included" in republish.content

    elsewhere = ArticlePage.objects.get(slug="red-sea-shipping-insurance")
    page = BeautifulSoup(client.get(elsewhere.url, **HOST).content, "html.parser")
    assert page.find("link", rel="canonical")["href"] == elsewhere.originally_published_at

    embargoed = ArticlePage.objects.get(slug="embargoed-budget-briefing")
    for prefix in ("", "/pt", "/es"):
        assert client.get(f"{prefix}/republish/{embargoed.pk}/", **HOST).status_code == 404

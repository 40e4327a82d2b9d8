"""Republishing's part of the demo publication: the site's default policy, per-article
overrides and agency photographs that may not travel. Running it again changes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wagtail.models import Site

from masthead.news.models import ArticlePage, CreditedImage

from .models import ArticlePolicy, ImageReuse, SyndicationSettings


def load_demo_syndication(site: Site, spec: dict[str, Any], articles: Iterable[ArticlePage]) -> int:
    """Apply ``spec`` (``DemoContent.syndication``, from ``masthead/demo/content/``) to the
    demo's ``articles``; returns how many rows it created."""
    settings = SyndicationSettings.for_site(site)
    settings.default_policy = spec["default_policy"]
    settings.permissions_email = spec["permissions_email"]
    settings.save()
    created = 0
    for article in articles:
        if article.slug in spec["article_policies"]:
            policy, note = spec["article_policies"][article.slug]
            _row, made = ArticlePolicy.objects.get_or_create(
                article=article, defaults={"policy": policy, "note": note}
            )
            created += made
    agency = CreditedImage.objects.filter(credit__startswith=spec["images_that_stay_home_credited"])
    for image in agency:
        _row, made = ImageReuse.objects.get_or_create(image=image, defaults={"may_travel": False})
        created += made
    return created

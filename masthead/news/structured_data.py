"""schema.org ``NewsArticle`` JSON-LD for article pages (what search engines read)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from .attribution import publication_settings

if TYPE_CHECKING:
    from .models import ArticlePage

# The same escapes as django.utils.html.json_script, so no string can close the <script>.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def news_article_json_ld(article: ArticlePage, request: HttpRequest | None = None) -> SafeString:
    site = article.get_site()
    publication = publication_settings(article, request)
    url = article.get_full_url(request)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title[:110],
        "description": article.standfirst,
        "datePublished": article.published_at,
        "dateModified": article.updated_at or article.last_published_at or article.published_at,
        "author": [
            {"@type": "Person", "name": author.name, "url": author.get_full_url(request)}
            for author in article.authors
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": publication.publication_name,
            "url": site.root_url if site else None,
        },
        "isAccessibleForFree": True,
    }
    if article.featured_image:
        rendition = article.featured_image.get_rendition("fill-1200x675")
        data["image"] = [
            rendition.full_url if request is None else request.build_absolute_uri(rendition.url)
        ]
    if article.originally_published_at:
        data["isBasedOn"] = article.originally_published_at
    keywords = [t.title for t in article.themes.all()] + [r.title for r in article.regions.all()]
    if keywords:
        data["keywords"] = keywords
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above

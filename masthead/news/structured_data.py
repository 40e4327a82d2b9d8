"""schema.org ``NewsArticle`` JSON-LD for article pages (what search engines read)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from .attribution import publication_settings
from .extensions import PaywalledPart, article_rights

if TYPE_CHECKING:
    from .reader_articles import ReaderArticle

# The same escapes as django.utils.html.json_script, so no string can close the <script>.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def news_article_json_ld(
    article: ReaderArticle,
    request: HttpRequest | None = None,
    paywalled: PaywalledPart | None = None,
) -> SafeString:
    """The article as this reader has it: a translation describes itself, in its language.
    With ``paywalled``, the part not free to read is marked as Google asks for paywalled news
    (the same for every reader, so members' pages say it too)."""
    # The site's address from the page's URL parts, which Wagtail keeps per request.
    _site_id, root_url, _path = article.page.get_url_parts(request) or (None, None, None)
    publication = publication_settings(article, request)
    url = article.full_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "inLanguage": article.language,
        "headline": article.headline[:110],
        "description": article.standfirst,
        "datePublished": article.published_at,
        "dateModified": article.modified_at,
        "author": [
            {"@type": "Person", "name": author.name, "url": author.get_full_url(request)}
            for author in article.authors
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": publication.publication_name,
            "url": root_url,
        },
        "isAccessibleForFree": paywalled is None,
    }
    if paywalled is not None:
        data["hasPart"] = {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": paywalled.css_selector,
        }
    if article.image:
        rendition = article.image.get_rendition("fill-1200x675")
        data["image"] = [
            rendition.full_url if request is None else request.build_absolute_uri(rendition.url)
        ]
    if not article.is_original:
        with translation.override(settings.LANGUAGE_CODE):
            data["translationOfWork"] = {"@id": article.page.get_full_url(request)}
    if article.originally_published_at:
        data["isBasedOn"] = article.originally_published_at
    rights = article_rights([article.page], request).get(article.id)
    if rights is not None:
        data["license"] = rights.url
    keywords = [t.title for t in article.themes] + [r.title for r in article.regions]
    if keywords:
        data["keywords"] = keywords
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above

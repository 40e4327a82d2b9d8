"""Serving a members-only article: the whole article to members, a teaser to everyone else."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from masthead.news.models import ArticlePage
from masthead.news.reader_articles import reader_articles

from . import stripe_api
from .access import may_read, reader_of
from .models import MembersOnlyArticle
from .selectors import offered_tiers

ServeChain = Callable[..., HttpResponse]
PAYWALL_CLASS = "paywall"
# The same escapes as django.utils.html.json_script, so no string can close the <script>.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def serve_members_only(next_serve: ServeChain) -> ServeChain:
    """Wagtail's ``on_serve_page`` hook (runs after its own view-restriction checks)."""

    def serve(page: Any, request: HttpRequest, args: Any, kwargs: Any) -> HttpResponse:
        if not isinstance(page, ArticlePage):
            return next_serve(page, request, args, kwargs)
        restriction = (
            MembersOnlyArticle.objects.filter(article_id=page.pk)
            .select_related("minimum_tier")
            .first()
        )
        if restriction is None:
            return next_serve(page, request, args, kwargs)
        if may_read(reader_of(request.user), restriction):
            response = next_serve(page, request, args, kwargs)
            # A member's page is theirs alone: no shared cache anywhere may keep it.
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
            return response
        return teaser_response(page, request, restriction)

    return serve


def teaser_response(
    page: ArticlePage, request: HttpRequest, restriction: MembersOnlyArticle
) -> HttpResponse:
    """Headline, standfirst, byline and a call to join; the same for every non-member."""
    language = translation.get_language()
    article = reader_articles([page], language, request=request)[0]
    if article.language != language:
        raise Http404(_("This article has not been translated into that language."))
    json_ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.standfirst,
        "url": article.full_url,
        "inLanguage": article.language,
        "datePublished": article.published_at,
        "author": [{"@type": "Person", "name": author.name} for author in article.authors],
        "isAccessibleForFree": False,
        "hasPart": {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": f".{PAYWALL_CLASS}",
        },
    }
    return TemplateResponse(
        request,
        "membership/members_only_article.html",
        {
            "page": page,
            "self": page,
            "article": article,
            "minimum_tier": restriction.minimum_tier,
            "tiers": offered_tiers(),
            "payments_configured": stripe_api.is_configured(),
            "paywall_class": PAYWALL_CLASS,
            "json_ld": _json_ld_script(json_ld),
        },
    )


def _json_ld_script(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above

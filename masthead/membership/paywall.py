"""Serving a members-only article: the whole article to members, a teaser to everyone else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from masthead.news.extensions import PaywalledPart, once_per_request
from masthead.news.models import ArticlePage
from masthead.news.reader_articles import reader_articles
from masthead.news.structured_data import news_article_json_ld

from . import stripe_api
from .access import may_read, reader_of
from .models import MembersOnlyArticle
from .selectors import offered_tiers

ServeChain = Callable[..., HttpResponse]
# What search engines are told is not free to read: a member's article body, or the call to
# join that stands in its place (Google's guidance for paywalled news; news marks it).
MEMBERS_ONLY_PART = PaywalledPart(css_class="members-only-part")


def members_only_part(
    article: ArticlePage, request: HttpRequest | None = None
) -> PaywalledPart | None:
    """The ``PAYWALLED_PART_HOOK``: a members-only article's body is not free to read."""
    if members_only_restriction(article, request) is not None:
        return MEMBERS_ONLY_PART
    return None


def members_only_restriction(
    article: ArticlePage, request: HttpRequest | None
) -> MembersOnlyArticle | None:
    """What it takes to read ``article`` when it is members-only, else None; read once per
    request (serving the page asks, then its paywalled part)."""
    return once_per_request(
        request,
        ("members_only", article.pk),
        lambda: (
            MembersOnlyArticle.objects.filter(article_id=article.pk)
            .select_related("minimum_tier")
            .first()
        ),
    )


def serve_members_only(next_serve: ServeChain) -> ServeChain:
    """Wagtail's ``on_serve_page`` hook (runs after its own view-restriction checks)."""

    def serve(page: Any, request: HttpRequest, args: Any, kwargs: Any) -> HttpResponse:
        if not isinstance(page, ArticlePage):
            return next_serve(page, request, args, kwargs)
        restriction = members_only_restriction(page, request)
        if restriction is None:
            return next_serve(page, request, args, kwargs)
        if may_read(reader_of(request.user), restriction):
            response = next_serve(page, request, args, kwargs)
            patch_vary_headers(response, ["Cookie"])
            # Only this server's page cache may keep a member's page, for the access level the
            # request's cookie names (it then goes out marked private); otherwise no cache may.
            if not getattr(request, "page_access_level_confirmed", False):
                patch_cache_control(response, private=True, no_store=True)
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
            "paywalled_part": MEMBERS_ONLY_PART,
            "json_ld": news_article_json_ld(article, request, MEMBERS_ONLY_PART),
        },
    )

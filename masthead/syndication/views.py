"""Readers' pages: "Republish this article" and the pages generated from the settings (the
republishing policy, permissions, disclaimer, media inquiries), in every interface language.

Every page is the same for every reader (they are cached): nothing personal, no CSRF token.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation

from masthead.news.models import PublicationSettings
from masthead.news.selectors import readable_articles

from . import services
from .licences import LICENCES
from .queries import (
    languages_of,
    permissions_contact,
    policy_for,
    republishable_article,
    site_policy,
    syndication_settings,
)
from .republish import build_package


def republish(request: HttpRequest, article_id: int) -> HttpResponse:
    language = translation.get_language()
    article = republishable_article(article_id, language, request)
    site_settings = syndication_settings(request)
    policy = policy_for(article.page, site_settings)
    versions = []
    for code in languages_of(article.page):
        with translation.override(code):
            url = reverse("syndication:republish", args=[article.id])
        info = translation.get_language_info(code)
        versions.append({"code": code, "name": info["name_local"], "url": url})
    package = build_package(article, policy, site_settings, request) if policy.allowed else None
    return TemplateResponse(
        request,
        "syndication/republish.html",
        {
            "article": article,
            "policy": policy,
            "package": package,
            "versions": versions,
            "current_language": language,
            **_contacts(request),
        },
    )


# The smallest transparent GIF: 1x1 pixel.
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def view_counter(request: HttpRequest, article_id: int) -> HttpResponse:
    """The tiny image in republished HTML: counts a view of the article on the referring page
    when counting is on. Always the same image, so a republisher's page never shows a broken
    one; no cookie is set and nothing about the reader is stored."""
    if syndication_settings(request).count_republished_views:
        page_url = services.republishing_page(
            request.headers.get("Referer", ""), request.get_host()
        )
        if page_url and readable_articles().filter(pk=article_id).exists():
            services.count_view(article_id, page_url)
    return HttpResponse(
        PIXEL, content_type="image/gif", headers={"Cache-Control": "no-store, max-age=0"}
    )


def policy(request: HttpRequest) -> HttpResponse:
    site_settings = syndication_settings(request)
    default = site_policy(site_settings)
    return TemplateResponse(
        request,
        "syndication/policy.html",
        {
            "policy": default,
            "licences": LICENCES.values(),
            "counting": site_settings.count_republished_views,
            **_contacts(request),
        },
    )


def permissions(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "syndication/permissions.html", _contacts(request))


def disclaimer(request: HttpRequest) -> HttpResponse:
    original = translation.get_language_info(settings.LANGUAGE_CODE)["name_translated"]
    return TemplateResponse(
        request,
        "syndication/disclaimer.html",
        {"original_language": original, **_contacts(request)},
    )


def media_inquiries(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "syndication/media_inquiries.html", _contacts(request))


def _contacts(request: HttpRequest) -> dict[str, object]:
    publication = PublicationSettings.for_request(request)
    site_settings = syndication_settings(request)
    return {
        "publication": publication,
        "permissions_email": permissions_contact(request, site_settings),
        "media_email": publication.media_inquiries_email,
    }

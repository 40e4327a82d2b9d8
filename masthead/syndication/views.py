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

from .licences import LICENCES
from .queries import (
    languages_of,
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


def policy(request: HttpRequest) -> HttpResponse:
    site_settings = syndication_settings(request)
    default = site_policy(site_settings)
    return TemplateResponse(
        request,
        "syndication/policy.html",
        {"policy": default, "licences": LICENCES.values(), **_contacts(request)},
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
        "permissions_email": site_settings.permissions_email or publication.media_inquiries_email,
        "media_email": publication.media_inquiries_email,
    }

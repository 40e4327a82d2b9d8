"""Reads: which policy applies to an article, which images may travel with it, and the
article a republisher may take (only ever one a reader of the page could read)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Site

from masthead.news.models import PublicationSettings
from masthead.news.reader_articles import ReaderArticle, available_in, reader_articles
from masthead.news.selectors import readable_articles

from .licences import LICENCES, Licence
from .models import ArticlePolicy, ImageReuse, Policy, SyndicationSettings

if TYPE_CHECKING:
    from masthead.news.models import ArticlePage, CreditedImage


@dataclass(frozen=True)
class RepublishingPolicy:
    """What applies to one article: allowed with credit, under a licence, or not at all."""

    kind: Policy

    @property
    def allowed(self) -> bool:
        return self.kind != Policy.PERMISSION

    @property
    def licence(self) -> Licence | None:
        return LICENCES.get(self.kind)

    @property
    def label(self) -> str:
        return self.licence.short_name if self.licence else str(self.kind.label)


def syndication_settings(
    request: HttpRequest | None, site: Site | None = None
) -> SyndicationSettings:
    """The settings of the request's site (or of ``site``); the defaults where there is none."""
    if request is not None:
        return SyndicationSettings.for_request(request)
    site = site or Site.objects.filter(is_default_site=True).first()
    return SyndicationSettings.for_site(site) if site else SyndicationSettings()


def permissions_contact(request: HttpRequest | None, site_settings: SyndicationSettings) -> str:
    """Whom to ask for permission: the settings' contact, else the media-inquiries address."""
    if site_settings.permissions_email or request is None:
        return site_settings.permissions_email
    return PublicationSettings.for_request(request).media_inquiries_email


def policies_for(
    articles: Iterable[ArticlePage], site_settings: SyndicationSettings
) -> dict[int, RepublishingPolicy]:
    """``{article id: policy}`` for ``articles``, in one query."""
    ids = [article.pk for article in articles]
    overrides = dict(
        ArticlePolicy.objects.filter(article_id__in=ids).values_list("article_id", "policy")
    )
    default = site_settings.default_policy
    return {pk: RepublishingPolicy(Policy(overrides.get(pk, default))) for pk in ids}


def site_policy(site_settings: SyndicationSettings) -> RepublishingPolicy:
    """The site's default, for articles with no policy of their own."""
    return RepublishingPolicy(Policy(site_settings.default_policy))


def policy_for(article: ArticlePage, site_settings: SyndicationSettings) -> RepublishingPolicy:
    return policies_for([article], site_settings)[article.pk]


def travelling_images(
    images: Iterable[CreditedImage], site_settings: SyndicationSettings
) -> set[int]:
    """Ids of those of ``images`` that may go with a republished article, in one query."""
    ids = {image.pk for image in images}
    marked = dict(ImageReuse.objects.filter(image_id__in=ids).values_list("image_id", "may_travel"))
    default = site_settings.images_travel_by_default
    return {pk for pk in ids if marked.get(pk, default)}


def republishable_article(article_id: int, language: str, request: HttpRequest) -> ReaderArticle:
    """The article as a reader of ``language`` reads it; a 404 for anything a reader may not
    read (unpublished, private, members-only) or that has no version in ``language``."""
    page = readable_articles().filter(pk=article_id).first()
    if page is None:
        raise Http404(_("There is no such article."))
    shown = reader_articles([page], language, request=request, with_body=True)[0]
    if shown.language != language:
        raise Http404(_("This article has not been translated into that language."))
    return shown


def languages_of(article: ArticlePage) -> list[str]:
    """The languages readers can read ``article`` in: the original first."""
    found = [settings.LANGUAGE_CODE]
    one = readable_articles().filter(pk=article.pk)
    for language in settings.MASTHEAD_TRANSLATION_LANGUAGES:
        if language != settings.LANGUAGE_CODE and available_in(one, language).exists():
            found.append(language)
    return found

"""The attribution and copyright line under every article, in pages and feeds alike.

Generated from the article and the publication settings, never typed by hand, so it can't
drift from the byline or the publication's name. It always links to the **original** article:
a translation says it is one (machine-made or reviewed) and from which language, so a
republished translation keeps its way back to the original; a piece the publication itself
republished from elsewhere names where it was first published.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from . import models

if TYPE_CHECKING:
    from .models import PublicationSettings
    from .reader_articles import ReaderArticle


@dataclass(frozen=True)
class Attribution:
    publication: str
    copyright_holders: str
    year: int
    original_url: str
    # The original's language, by name, on a translation; empty on the original.
    translated_from: str = ""
    reviewed: bool = False
    originally_published_at: str = ""

    @property
    def source_sentence(self) -> str:
        return _("The original source of this article is %(publication)s.") % {
            "publication": self.publication
        }

    @property
    def translation_sentence(self) -> str:
        if not self.translated_from:
            return ""
        if self.reviewed:
            sentence = _(
                "This is a translation of the original article, reviewed by the editors. "
                "Original language: %(language)s."
            )
        else:
            sentence = _(
                "This is a machine translation of the original article. "
                "Original language: %(language)s."
            )
        return sentence % {"language": self.translated_from}

    @property
    def copyright_sentence(self) -> str:
        return _("Copyright © %(holders)s, %(year)s") % {
            "holders": self.copyright_holders,
            "year": self.year,
        }

    def _originally_sentence(self, url: str) -> str:
        return _("This article was originally published at %(url)s.") % {"url": url}

    @property
    def text(self) -> str:
        parts = [self.source_sentence, self.translation_sentence]
        if self.originally_published_at:
            parts.insert(0, self._originally_sentence(self.originally_published_at))
        parts.append(f"{self.copyright_sentence}. {self.original_url}")
        return " ".join(part for part in parts if part)

    @property
    def html(self) -> SafeString:
        originally = ""
        if self.originally_published_at:
            link = format_html(
                '<a href="{}" rel="noopener">{}</a>',
                self.originally_published_at,
                self.originally_published_at,
            )
            # The sentence is escaped before the (already safe) link goes into it.
            sentence = conditional_escape(self._originally_sentence("%(url)s"))
            originally = mark_safe(sentence % {"url": link})  # noqa: S308
        return format_html(
            '<p class="attribution">{}{}{}{}.<br><a href="{}">{}</a></p>',
            format_html("{} ", originally) if originally else "",
            self.source_sentence + " ",
            self.translation_sentence + " " if self.translation_sentence else "",
            self.copyright_sentence,
            self.original_url,
            self.original_url,
        )


def byline_names(article: ReaderArticle) -> str:
    """'Ana Ruiz', 'Ana Ruiz and Tom Li', 'Ana Ruiz, Tom Li and Sam Ode'."""
    return get_text_list([author.name for author in article.authors], _("and"))


def publication_settings(
    article: ReaderArticle, request: HttpRequest | None
) -> PublicationSettings:
    """The publication's settings, read once per request (feeds ask for every item)."""
    if request is not None:
        return models.PublicationSettings.for_request(request)
    site = article.page.get_site()
    return models.PublicationSettings.for_site(site) if site else models.PublicationSettings()


def original_url(article: ReaderArticle, request: HttpRequest | None = None) -> str:
    """The full address of the article in the publication's own language."""
    if article.is_original:
        return article.full_url
    with translation.override(settings.LANGUAGE_CODE):
        return article.page.get_full_url(request) or ""


def attribution_for(article: ReaderArticle, request: HttpRequest | None = None) -> Attribution:
    """The line for the version the reader has, linking to the original."""
    publication = publication_settings(article, request)
    holders = [author.name for author in article.authors]
    holders.append(publication.copyright_name)
    published = article.published_at or article.page.first_published_at
    translated_from = ""
    if not article.is_original:
        translated_from = translation.get_language_info(settings.LANGUAGE_CODE)["name_translated"]
    return Attribution(
        publication=publication.publication_name,
        copyright_holders=", ".join(holders),
        year=published.year if published else 0,
        original_url=original_url(article, request),
        translated_from=str(translated_from),
        reviewed=article.reviewed,
        originally_published_at=article.originally_published_at,
    )

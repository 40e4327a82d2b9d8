"""The attribution and copyright line under every article, in pages and feeds alike.

Generated from the article and the publication settings, never typed by hand, so it can't
drift from the byline or the publication's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
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
    canonical_url: str

    @property
    def source_sentence(self) -> str:
        return _("The original source of this article is %(publication)s.") % {
            "publication": self.publication
        }

    @property
    def copyright_sentence(self) -> str:
        return _("Copyright © %(holders)s, %(year)s") % {
            "holders": self.copyright_holders,
            "year": self.year,
        }

    @property
    def text(self) -> str:
        return f"{self.source_sentence} {self.copyright_sentence}. {self.canonical_url}"

    @property
    def html(self) -> SafeString:
        return format_html(
            '<p class="attribution">{} {}.<br><a href="{}">{}</a></p>',
            self.source_sentence,
            self.copyright_sentence,
            self.canonical_url,
            self.canonical_url,
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


def attribution_for(article: ReaderArticle, request: HttpRequest | None = None) -> Attribution:
    """The line for the version the reader has: it links to that version's own address."""
    publication = publication_settings(article, request)
    holders = [author.name for author in article.authors]
    holders.append(publication.copyright_name)
    published = article.published_at or article.page.first_published_at
    return Attribution(
        publication=publication.publication_name,
        copyright_holders=", ".join(holders),
        year=published.year if published else 0,
        canonical_url=article.full_url,
    )

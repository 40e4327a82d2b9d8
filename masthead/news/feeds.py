"""RSS 2.0 and Atom feeds for the whole site and for each author, region, theme and report,
in every language: under ``/pt/`` a feed carries the articles that have a Portuguese version,
in Portuguese.

Each item carries the standfirst as its summary and, as its content (``content:encoded`` in
RSS, ``<content>`` in Atom), the full text followed by the attribution line. Where an app says
an article's text may not travel (:data:`~masthead.news.extensions.ARTICLE_RIGHTS_HOOK`), the
content is the standfirst, a link and the attribution line instead. Each item names its
licence: Atom ``<rights>`` and ``<link rel="license">``, RSS ``<creativeCommons:license>``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from masthead.server.base_url import absolute_url

from . import models
from .attribution import attribution_for, byline_names
from .extensions import ArticleRights, article_rights
from .reader_articles import ReaderArticle, available_in, reader_articles

CREATIVE_COMMONS_RSS = "http://backend.userland.com/creativeCommonsRssModule"


class FullTextRssGenerator(Rss201rev2Feed):
    def rss_attributes(self) -> dict[str, str]:
        attrs = super().rss_attributes()
        attrs["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        attrs["xmlns:creativeCommons"] = CREATIVE_COMMONS_RSS
        return attrs

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content_html"])
        if item.get("licence_url"):
            handler.addQuickElement("creativeCommons:license", item["licence_url"])


class FullTextAtomGenerator(Atom1Feed):
    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content_html"], {"type": "html"})
        if item.get("licence_url"):
            handler.addQuickElement("link", "", {"rel": "license", "href": item["licence_url"]})


def absolutize_urls(html: str, base_url: str) -> str:
    """Feed readers show content away from the site: make every link and image absolute."""
    soup = BeautifulSoup(html, "html.parser")
    for tag, attribute in (("a", "href"), ("img", "src")):
        for element in soup.find_all(tag):
            if element.get(attribute):
                element[attribute] = urljoin(base_url, element[attribute])
    return str(soup)


class ArticleRssFeed(Feed):
    feed_type = FullTextRssGenerator

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.request = request
        self.publication = models.PublicationSettings.for_request(request)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, landing_page: Any) -> Any:
        return landing_page

    def title(self, landing_page: Any) -> str:
        publication = self.publication.publication_name
        if landing_page.depth <= 2:
            return publication
        return f"{landing_page.feed_title()} — {publication}"

    def feed_url(self, landing_page: Any) -> str:
        return absolute_url(self.request.path)

    def link(self, landing_page: Any) -> str:
        return landing_page.get_full_url(self.request)

    def description(self, landing_page: Any) -> str:
        return self.publication.tagline or self.title(landing_page)

    def feed_copyright(self, landing_page: Any) -> str:
        return f"Copyright © {self.publication.copyright_name}"

    def items(self, landing_page: Any) -> list[ReaderArticle]:
        # In another language, only the articles that have a version in it: a Portuguese feed
        # of English items would be neither.
        language = translation.get_language()
        articles = available_in(landing_page.listed_articles(), language)
        shown = reader_articles(
            articles[: settings.MASTHEAD_FEED_ITEMS], language, request=self.request, with_body=True
        )
        shown = [article for article in shown if article.language == language]
        self.rights = article_rights([article.page for article in shown], self.request)
        return shown

    def item_title(self, article: ReaderArticle) -> str:
        return article.headline

    def item_link(self, article: ReaderArticle) -> str:
        return article.full_url

    def item_guid(self, article: ReaderArticle) -> str:
        return article.full_url

    def item_description(self, article: ReaderArticle) -> str:
        return article.standfirst

    def item_author_name(self, article: ReaderArticle) -> str:
        return byline_names(article)

    def item_author_link(self, article: ReaderArticle) -> str | None:
        return article.authors[0].get_full_url(self.request) if article.authors else None

    def item_pubdate(self, article: ReaderArticle) -> Any:
        return article.published_at

    def item_updateddate(self, article: ReaderArticle) -> Any:
        return article.modified_at

    def item_categories(self, article: ReaderArticle) -> list[str]:
        return [theme.title for theme in article.themes] + [
            region.title for region in article.regions
        ]

    def item_copyright(self, article: ReaderArticle) -> str | None:
        rights = self._rights(article)
        return rights.statement if rights else None

    def item_extra_kwargs(self, article: ReaderArticle) -> dict[str, str]:
        rights = self._rights(article)
        html = render_to_string(
            "news/feed_item_content.html",
            {
                "article": article,
                "attribution": attribution_for(article, self.request),
                "full_text": rights is None or rights.full_text_in_feeds,
                "rights": rights,
            },
            request=self.request,
        )
        return {
            "content_html": absolutize_urls(html, article.full_url),
            "licence_url": rights.url if rights else "",
        }

    def _rights(self, article: ReaderArticle) -> ArticleRights | None:
        return self.rights.get(article.id)


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = FullTextAtomGenerator

    def subtitle(self, landing_page: Any) -> str:
        return self.description(landing_page)

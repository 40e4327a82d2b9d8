"""Turning an issue into email: HTML (table layout, CSS inlined) and plain text, per language.

Each language is rendered once per issue with placeholders where the per-reader links go; a
reader's copy is then a few string replacements, which is what lets sending reach
thousands of messages per second.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import css_inline
from django.conf import settings
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from masthead.news.attribution import byline_names
from masthead.news.models import ArticleAuthor, ArticlePage, PublicationSettings
from masthead.news.reader_articles import reader_articles
from masthead.news.selectors import readable_articles
from masthead.server.base_url import absolute_url

from .models import NewsletterIssue
from .tokens import manage_token

UNSUBSCRIBE_PLACEHOLDER = "MASTHEAD-UNSUBSCRIBE-URL-PLACEHOLDER"
PREFERENCES_PLACEHOLDER = "MASTHEAD-PREFERENCES-URL-PLACEHOLDER"
IMAGE_SPEC = "fill-1200x675"


@dataclass(frozen=True)
class RenderedIssue:
    """One language's version of an issue, with placeholders for each reader's links."""

    subject: str
    html: str
    text: str

    def for_reader(self, subscriber_id: int) -> tuple[str, str, str, str]:
        """(html, text, unsubscribe URL, preferences URL) for one reader."""
        unsubscribe, preferences = reader_links(subscriber_id)
        html = self.html.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe).replace(
            PREFERENCES_PLACEHOLDER, preferences
        )
        text = self.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe).replace(
            PREFERENCES_PLACEHOLDER, preferences
        )
        return html, text, unsubscribe, preferences


def reader_links(subscriber_id: int) -> tuple[str, str]:
    """(unsubscribe URL, preferences URL) for one reader: runs once per message, so the URL
    around the token is worked out once."""
    token = manage_token(subscriber_id)
    (unsubscribe_head, unsubscribe_tail), (preferences_head, preferences_tail) = _link_parts()
    return (
        f"{unsubscribe_head}{token}{unsubscribe_tail}",
        f"{preferences_head}{token}{preferences_tail}",
    )


@lru_cache(maxsize=4)
def _link_parts_for(base_url: str) -> tuple[tuple[str, str], tuple[str, str]]:
    unsubscribe = absolute_url(reverse("newsletter:unsubscribe", args=["TOKEN"]))
    preferences = absolute_url(reverse("newsletter:preferences", args=["TOKEN"]))
    head, _, tail = unsubscribe.partition("TOKEN")
    preferences_head, _, preferences_tail = preferences.partition("TOKEN")
    return (head, tail), (preferences_head, preferences_tail)


def _link_parts() -> tuple[tuple[str, str], tuple[str, str]]:
    return _link_parts_for(settings.MASTHEAD_BASE_URL)


def issue_articles(issue: NewsletterIssue) -> list[ArticlePage]:
    """The issue's articles that readers may still read, in order, with authors and images
    fetched in bulk: one made private or unpublished since the issue was built is left out."""
    ids = list(issue.entries.values_list("article_id", flat=True))
    articles = (
        readable_articles()
        .filter(pk__in=ids)
        .select_related("featured_image")
        .prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            )
        )
    )
    by_id = {article.pk: article for article in articles}
    return [by_id[pk] for pk in ids if pk in by_id]


def render_issue(
    issue: NewsletterIssue, language: str, articles: list[ArticlePage] | None = None
) -> RenderedIssue:
    """The issue in ``language``: subject, inlined HTML and plain text, with placeholders."""
    if articles is None:
        articles = issue_articles(issue)
    site = Site.objects.filter(is_default_site=True).first()
    publication = PublicationSettings.for_site(site) if site else PublicationSettings()
    with translation.override(language):
        items = []
        # Each article in the reader's language where it has a version in it, otherwise the
        # original with a link to the original (never to a translation that doesn't exist).
        for article in reader_articles(articles, language):
            image = None
            if article.image:
                rendition = article.image.get_rendition(IMAGE_SPEC)
                image = {
                    "url": absolute_url(rendition.url),
                    "alt": article.image_alt or article.headline,
                }
            items.append(
                {
                    "headline": article.headline,
                    "language": article.language,
                    "standfirst": article.standfirst,
                    "url": absolute_url(article.url or "/"),
                    "byline": byline_names(article),
                    "image": image,
                }
            )
        context = {
            "issue": issue,
            "articles": items,
            "publication": publication,
            "language": language,
            "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
            "preferences_url": PREFERENCES_PLACEHOLDER,
            "archive_url": absolute_url(reverse("newsletter:issue", args=[issue.slug])),
            "site_url": absolute_url("/"),
        }
        html = render_to_string("newsletter/email/issue.html", context)
        text = render_to_string("newsletter/email/issue.txt", context)
    return RenderedIssue(
        subject=issue.subject,
        html=short_lines(_inliner.inline(html), 500),
        text=short_lines(text, 78),
    )


def short_lines(text: str, limit: int) -> str:
    """Break lines longer than ``limit`` at spaces. Mail lines must stay under 998 bytes
    (RFC 5322), or the body gets quoted-printable encoding, which cuts words and links at
    arbitrary places; short plain-text lines also read better."""
    out = []
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            if cut <= 0:
                cut = line.find(" ", limit)
                if cut == -1:
                    break
            out.append(line[:cut].rstrip())
            line = line[cut + 1 :]
        out.append(line)
    return "\n".join(out)


_inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)

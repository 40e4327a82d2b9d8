"""Who may read a members-only article, and what everyone else gets.

The rule (docs/deploy.md, "Members-only articles"): a members-only article is taken out of
:func:`~masthead.news.selectors.readable_articles` for everyone, so it is in no listing, feed,
search result, sitemap, newsletter, JSON-LD list or republishing HTML, in any language. Its
own address serves members the whole article and everyone else (search engines included) a
teaser: headline, standfirst, byline and a call to join, with ``isAccessibleForFree: false``.
The teaser is the same for every non-member, so the page cache may keep it; signed-in readers'
pages are cached per :func:`access_level` (see middleware.py), never per reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from .models import Membership, MembersOnlyArticle, Reader

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from masthead.news.models import ArticlePage


def without_members_only(articles: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    """The ``READABLE_ARTICLES_HOOK``: no members-only article on any shared surface."""
    return articles.exclude(pk__in=MembersOnlyArticle.objects.values("article_id"))


def reader_of(user: AbstractBaseUser | AnonymousUser | None) -> Reader | None:
    if user is None or not user.is_authenticated:
        return None
    return Reader.objects.filter(user_id=user.pk).select_related("membership__tier").first()


def current_membership(reader: Reader | None) -> Membership | None:
    membership = getattr(reader, "membership", None) if reader else None
    return membership if membership is not None and membership.is_current() else None


def may_read(reader: Reader | None, restriction: MembersOnlyArticle) -> bool:
    membership = current_membership(reader)
    if membership is None or membership.tier.is_free:
        return False
    minimum = restriction.minimum_tier
    return minimum is None or membership.tier.rank >= minimum.rank


def access_level(reader: Reader | None) -> str:
    """What a reader's pages depend on, as the page cache keys them: "" for anyone without a
    reader account (staff included), "reader" for an account without a current membership,
    "tier-<id>" for a member. Everything members-only pages and fragments show for a reader
    follows from this, so readers of one level may share cached pages."""
    if reader is None:
        return ""
    membership = current_membership(reader)
    return f"tier-{membership.tier_id}" if membership is not None else "reader"

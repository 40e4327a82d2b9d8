"""How republishing joins the reader's pages (through ``news``'s extension point) and the admin.

Readers: the licence link in ``<head>``, the Republish control after the article, links to the
policy pages in the footer, and the article's rights for ``news``'s JSON-LD and feeds
(:data:`~masthead.news.extensions.ARTICLE_RIGHTS_HOOK`). Editors: the site's default in
Settings → Republishing, and per-article policies and image reuse under Snippets.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from masthead.news import extensions
from masthead.news.extensions import ArticleRights, FragmentContext
from masthead.news.models import ArticlePage
from masthead.server.base_url import absolute_url

from . import admin_urls
from .admin_views import PERMISSION
from .models import ArticlePolicy, ImageReuse
from .queries import (
    RepublishingPolicy,
    permissions_contact,
    policies_for,
    policy_for,
    syndication_settings,
)


class RepublishingRights:
    """Each article's licence or policy, for ``news``'s JSON-LD and feeds."""

    def rights(
        self, articles: list[ArticlePage], request: HttpRequest | None
    ) -> dict[int, ArticleRights]:
        if not articles:
            return {}
        site = None if request is not None else articles[0].get_site()
        site_settings = syndication_settings(request, site)
        if request is not None and len(articles) == 1:  # an article's own page: read once
            policies = {articles[0].pk: policy_on_page(articles[0], request)}
        else:
            policies = policies_for(articles, site_settings)
        return {
            pk: rights_of(policy, site_settings.full_text_in_feeds, request, site)
            for pk, policy in policies.items()
        }


hooks.register(extensions.ARTICLE_RIGHTS_HOOK, RepublishingRights())


def policy_on_page(article: ArticlePage, request: HttpRequest | None) -> RepublishingPolicy:
    """The article's policy, read once for its page's JSON-LD, head and Republish control."""
    return extensions.once_per_request(
        request,
        ("syndication.policy", article.pk),
        lambda: policy_for(article, syndication_settings(request)),
    )


def rights_of(
    policy: RepublishingPolicy,
    full_text_in_feeds: bool,
    request: HttpRequest | None,
    site: Site | None = None,
) -> ArticleRights:
    licence = policy.licence
    if licence is not None:
        statement = _("Licensed under %(licence)s.") % {"licence": licence.short_name}
        url = licence.deed_url
    elif policy.allowed:
        statement = _("Republishing allowed with credit and a link to the original.")
        url = absolute_url(reverse("syndication:policy"))
    else:
        statement = _("All rights reserved: republishing only with permission.")
        url = absolute_url(reverse("syndication:permissions"))
    return ArticleRights(
        statement=statement, url=url, full_text_in_feeds=policy.allowed and full_text_in_feeds
    )


@extensions.fragment("head", order=50)
def licence_link(context: FragmentContext) -> str:
    """``<link rel="license">`` on article pages, and the Republish control's stylesheet."""
    if context.article is None:
        return ""
    policy = policy_on_page(context.article.page, context.request)
    rights = rights_of(policy, True, context.request)
    return render_to_string(
        "syndication/includes/head.html", {"licence_url": rights.url, "policy": policy}
    )


@extensions.fragment("article_end", order=50)
def republish_control(context: FragmentContext) -> str:
    """'Republish this article' (a page of its own; a dialog with JavaScript), or who to ask."""
    article = context.article
    # An article outside the readers' selector (members-only, say) has no republish page.
    if article is None or not context.article_readable:
        return ""
    site_settings = syndication_settings(context.request)
    policy = policy_on_page(article.page, context.request)
    with translation.override(article.language):
        url = reverse("syndication:republish", args=[article.id])
    return render_to_string(
        "syndication/includes/republish_control.html",
        {
            "policy": policy,
            "licence": policy.licence,
            "republish_url": url,
            "permissions_email": ""
            if policy.allowed
            else permissions_contact(context.request, site_settings),
            "policy_url": reverse("syndication:policy"),
            "permissions_url": reverse("syndication:permissions"),
        },
    )


@extensions.fragment("footer", order=50)
def policy_links(context: FragmentContext) -> str:
    links = [
        (reverse("syndication:policy"), _("Republishing policy")),
        (reverse("syndication:permissions"), _("Permissions")),
        (reverse("syndication:disclaimer"), _("Disclaimer")),
        (reverse("syndication:media_inquiries"), _("Media inquiries")),
    ]
    return render_to_string("syndication/includes/footer_links.html", {"links": links})


class ArticlePolicyViewSet(SnippetViewSet):
    model = ArticlePolicy
    icon = "doc-full"
    menu_label = gettext_lazy("Article republishing")
    list_display = ["article", "policy", "note"]
    list_filter = ["policy"]


class ImageReuseViewSet(SnippetViewSet):
    model = ImageReuse
    icon = "image"
    menu_label = gettext_lazy("Image reuse")
    list_display = ["image", "may_travel"]
    list_filter = ["may_travel"]


register_snippet(ArticlePolicyViewSet)
register_snippet(ImageReuseViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [path("republishing/", include(admin_urls, namespace="syndication_admin"))]


class RepublishersMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_menu_item() -> MenuItem:
    return RepublishersMenuItem(
        gettext_lazy("Republishers"),
        reverse("syndication_admin:republishers"),
        icon_name="doc-full",
        order=360,
    )


@hooks.register("register_page_header_buttons")
def article_republishers_button(
    page: Any, user: Any, view_name: str, next_url: str | None = None
) -> list[Button]:
    """'Republished' in an article's admin menu: where it was republished and seen."""
    if not isinstance(page.specific_deferred, ArticlePage) or not user.has_perm(PERMISSION):
        return []
    return [
        Button(
            gettext_lazy("Republished"),
            reverse("syndication_admin:article", args=[page.pk]),
            icon_name="doc-full",
            priority=80,
        )
    ]

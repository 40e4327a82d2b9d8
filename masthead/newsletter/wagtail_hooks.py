"""The newsletter in Wagtail's admin: a menu with issues, subscribers, import and export."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from masthead.news import extensions
from masthead.server.page_cache import until_purged

from . import admin_urls
from .models import Subscriber
from .services import CSV_COLUMNS, csv_safe


class SubscriberIndexView(IndexView):
    # Values a spreadsheet program would run as formulas are defused in the CSV export.
    custom_field_preprocess = {name: {"csv": csv_safe} for name in CSV_COLUMNS}


@extensions.fragment("footer")
def footer_signup(context: extensions.FragmentContext) -> str:
    """The sign-up card in every page's footer: the same for every reader of a language (no
    token, no stamp: its script fetches one), so made once per language until the next purge
    (a change to the interface's words purges every page)."""
    return until_purged(
        ("newsletter.footer_signup", translation.get_language()),
        lambda: render_to_string("newsletter/includes/footer_signup.html"),
    )


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    add_to_admin_menu = False
    list_display = ["email", "language", "frequency", "status", "confirmed_at", "created_at"]
    list_filter = ["status", "frequency", "language"]
    search_fields = ["email"]
    search_backend_name = None  # a plain database search: the list can be large and changes often
    form_fields = ["email", "language", "frequency", "status"]
    copy_view_enabled = False
    list_per_page = 50
    # The list's own CSV/Excel export (of what the filters show): the full export's columns.
    index_view_class = SubscriberIndexView
    list_export = CSV_COLUMNS
    export_filename = "subscribers"


register_snippet(SubscriberViewSet)


class PermittedMenuItem(MenuItem):
    def __init__(self, *args: Any, permission: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def newsletter_admin_urls() -> list:
    return [path("newsletter/", include(admin_urls, namespace="newsletter_admin"))]


@hooks.register("register_admin_menu_item")
def newsletter_menu() -> SubmenuMenuItem:
    items = [
        PermittedMenuItem(
            _("Issues"),
            reverse("newsletter_admin:issues"),
            icon_name="mail",
            permission="newsletter.change_newsletterissue",
            order=100,
        ),
        PermittedMenuItem(
            _("Subscribers"),
            reverse("wagtailsnippets_newsletter_subscriber:list"),
            icon_name="user",
            permission="newsletter.view_subscriber",
            order=200,
        ),
        PermittedMenuItem(
            _("Import subscribers"),
            reverse("newsletter_admin:import"),
            icon_name="upload",
            permission="newsletter.add_subscriber",
            order=300,
        ),
        PermittedMenuItem(
            _("Export subscribers (CSV)"),
            reverse("newsletter_admin:export"),
            icon_name="download",
            permission="newsletter.view_subscriber",
            order=400,
        ),
    ]
    return SubmenuMenuItem(_("Newsletter"), Menu(items=items), icon_name="mail", order=350)

"""Where the community app joins the site: the share control and the comments on article pages
(through news's extension point), and comment moderation in the admin."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from masthead.formats.digits import localize_digits
from masthead.news import extensions
from masthead.news.models import ArticlePage
from masthead.news.reader_articles import ReaderArticle
from masthead.server.csv_cells import FormulaSafeIndexView
from masthead.server.purging import purge_article

from . import accounts, services, share
from .models import ArticleDiscussion, Ban, Comment
from .queries import (
    comment_count,
    comment_counts,
    community_settings,
    discussion_state,
    thread_page,
)

extensions.fragment("account", order=20)(accounts.comment_history)
hooks.register(extensions.ACCOUNT_DATA_HOOK, accounts.export)


@extensions.fragment("head", order=30)
def community_assets(context: extensions.FragmentContext) -> str:
    if not isinstance(context.page, ArticlePage):
        return ""
    return render_to_string("community/includes/assets.html")


@extensions.fragment("article_top", order=30)
def share_control(context: extensions.FragmentContext) -> str:
    """The share control under the byline: plain links, a mailto:, and the system share sheet
    for browsers that have one."""
    article = context.article
    if article is None or not article.full_url:
        return ""
    with translation.override(context.language):
        mastodon = reverse("community:share_mastodon", args=[article.id])
    return render_to_string(
        "community/includes/share.html",
        {
            "article": article,
            "mailto": share.mailto_link(article),
            "links": share.share_links(article, mastodon),
        },
    )


@extensions.fragment("article_end", order=10)
def comments_section(context: extensions.FragmentContext) -> str:
    """The first page of the thread, the same for every reader; the form is one link away, on
    an uncached page, so this cached page carries no token and nothing personal."""
    article = context.article
    if article is None:
        return ""
    rules = community_settings()
    if not rules.comments_enabled or not context.article_readable:
        return ""  # a restricted article has no comments section anywhere
    state = discussion_state(article.page, rules)
    count = comment_count(article.id)
    threads, more_pages = [], False
    if count:  # most articles have none: no thread to page through then
        page, threads = thread_page(article.id)
        more_pages = page.has_next()
    with translation.override(context.language):
        comments_url = reverse("community:comments", args=[article.id])
        feed_url = reverse("community:feed", args=[article.id])
    return render_to_string(
        "community/includes/comments_section.html",
        {
            "article": article,
            "state": state,
            "threads": threads,
            "count": count,
            "more_pages": more_pages,
            "comments_url": comments_url,
            "feed_url": feed_url,
            "rules": rules,
        },
    )


@hooks.register(extensions.TEASER_NOTES_HOOK)
def comment_count_notes(articles: Sequence[ReaderArticle], language: str) -> dict[int, str]:
    """ "3 comments" under each listed article that has any, linking to its thread. Listing
    pages are cached: every change to what readers see of a thread purges the article's pages,
    and with them each listing that shows it (``services._set_status``)."""
    if not community_settings().comments_enabled:
        return {}
    counts = comment_counts(article.id for article in articles)
    notes = {}
    with translation.override(language):
        for article in articles:
            count = counts.get(article.id)
            if count:
                label = localize_digits(
                    ngettext("%(count)d comment", "%(count)d comments", count) % {"count": count},
                    language,
                )
                notes[article.id] = format_html(
                    '<a class="teaser__comments" href="{}#comments">{}</a>', article.url, label
                )
    return notes


class ModerateBulkAction(SnippetBulkAction):
    """Set the chosen comments' status through the moderation service (cache, mail and all)."""

    models = [Comment]
    template_name = "community/admin/confirm_bulk_moderate.html"
    status = ""

    def check_perm(self, obj: Comment) -> bool:
        return self.request.user.has_perm("community.change_comment")

    @classmethod
    def execute_action(
        cls, objects: list[Comment], user: Any = None, **kwargs: Any
    ) -> tuple[int, int]:
        return services.moderate([c.pk for c in objects], cls.status), 0

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return ngettext(
            "%(count)d comment is now “%(status)s”.",
            "%(count)d comments are now “%(status)s”.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "status": Comment.Status(self.status).label}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        return context


@hooks.register("register_bulk_action")
class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected comments")
    action_priority = 10
    status = Comment.Status.APPROVED


@hooks.register("register_bulk_action")
class SpamBulkAction(ModerateBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark the selected comments as spam")
    action_priority = 20
    status = Comment.Status.SPAM


@hooks.register("register_bulk_action")
class RemoveBulkAction(ModerateBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject (remove) the selected comments")
    action_priority = 30
    status = Comment.Status.REMOVED


@hooks.register("register_bulk_action")
class RequeueBulkAction(ModerateBulkAction):
    display_name = _("Back to pending")
    action_type = "requeue"
    aria_label = _("Send the selected comments back to the queue")
    action_priority = 40
    status = Comment.Status.PENDING


@hooks.register("register_bulk_action")
class BanBulkAction(ModerateBulkAction):
    display_name = _("Ban the writers")
    action_type = "ban"
    aria_label = _("Ban the addresses of the selected comments' writers and mark them spam")
    action_priority = 50
    status = Comment.Status.SPAM

    @classmethod
    def execute_action(
        cls, objects: list[Comment], user: Any = None, **kwargs: Any
    ) -> tuple[int, int]:
        services.ban_writers(
            [c.pk for c in objects], reason=str(_("Banned from the moderation queue"))
        )
        return services.moderate([c.pk for c in objects], cls.status), 0


@hooks.register("register_bulk_action")
class BanNetworkBulkAction(ModerateBulkAction):
    display_name = _("Ban the writers' IP ranges")
    action_type = "ban-ip"
    aria_label = _(
        "Ban the IP ranges (/24, or /64 for IPv6) the selected comments came from and mark "
        "them spam"
    )
    action_priority = 60
    status = Comment.Status.SPAM

    @classmethod
    def execute_action(
        cls, objects: list[Comment], user: Any = None, **kwargs: Any
    ) -> tuple[int, int]:
        services.ban_networks(
            [c.pk for c in objects], reason=str(_("Banned from the moderation queue"))
        )
        return services.moderate([c.pk for c in objects], cls.status), 0


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Moderation queue")
    index_view_class = FormulaSafeIndexView  # the export carries what readers typed
    list_display = [
        "author_name",
        "__str__",
        "article",
        "status",
        "status_reason",
        "flag_count",
        "created_at",
    ]
    list_filter = ["status", "created_at"]
    search_fields = ["body", "author_name"]
    search_backend_name = None  # a plain database search: comments change too often to index
    form_fields = ["body"]
    add_view_enabled = False
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["-created_at"]
    list_export = [
        "created_at",
        "article",
        "author_name",
        "commenter",
        "body",
        "status",
        "language",
    ]
    export_filename = "comments"

    def get_queryset(self, request: Any) -> Any:
        return Comment.objects.select_related("article", "commenter")

    @property
    def menu_url(self) -> str:
        return reverse(self.get_url_name("list")) + "?status=pending"


class ArticleDiscussionViewSet(SnippetViewSet):
    model = ArticleDiscussion
    icon = "lock"
    menu_label = _("Closed articles")
    list_display = ["article", "closed"]
    form_fields = ["article", "closed"]
    copy_view_enabled = False


class BanViewSet(SnippetViewSet):
    model = Ban
    icon = "cross"
    menu_label = _("Bans")
    list_display = ["email", "ip_network", "until", "reason", "created_at"]
    form_fields = ["email", "ip_network", "until", "reason"]
    search_fields = ["email", "ip_network", "reason"]
    search_backend_name = None
    copy_view_enabled = False


class CommunityGroup(SnippetViewSetGroup):
    items = (CommentViewSet, ArticleDiscussionViewSet, BanViewSet)
    menu_icon = "comment"
    menu_label = _("Comments")
    menu_order = 360


register_snippet(CommunityGroup)


@hooks.register("after_edit_snippet")
def refresh_pages_after_comment_edit(request: Any, instance: Any) -> None:
    """An editor's change to a comment, or an article's discussion, shows on cached pages."""
    if isinstance(instance, Comment | ArticleDiscussion):
        purge_article(instance.article_id)


@hooks.register("after_delete_snippet")
def refresh_pages_after_comment_deleted(request: Any, instances: Any) -> None:
    """An editor deleting comments (or reopening an article) changes what readers see."""
    for article_id in {
        instance.article_id
        for instance in instances
        if isinstance(instance, Comment | ArticleDiscussion)
    }:
        purge_article(article_id)


@hooks.register("after_create_snippet")
def refresh_pages_after_discussion_created(request: Any, instance: Any) -> None:
    if isinstance(instance, ArticleDiscussion):
        purge_article(instance.article_id)

"""Readers' comments on articles, the guests who write them, and the outlet's rules for them.

One thread per article whatever the language: comments point at the original ArticlePage.
A guest's address is stored normalised (``masthead.email_address``), so one person is one
commenter however they type it; confirming it once lets later comments through moderation.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import register_setting

from masthead.server.site_settings import SiteSetting


@register_setting(icon="comment")
class CommunitySettings(SiteSetting):
    """How the outlet runs its comments (Settings → Comments in the admin)."""

    class Who(models.TextChoices):
        GUESTS = "guests", _("Guests who confirm their email, and members")
        MEMBERS = "members", _("Members only (readers signed in to their account)")

    class OnAccountDeletion(models.TextChoices):
        ANONYMISE = "anonymise", _("Keep their comments, anonymised")
        REMOVE = "remove", _("Remove their comments")

    class Moderation(models.TextChoices):
        NONE = "none", _("None: publish every confirmed comment at once")
        FIRST = "first", _("The first comment from each address")
        LINKS = "links", _("Comments with links")
        ALL = "all", _("All comments")

    comments_enabled = models.BooleanField(_("comments on articles"), default=True)
    who_may_comment = models.CharField(max_length=16, choices=Who.choices, default=Who.GUESTS)
    moderation = models.CharField(
        max_length=16, choices=Moderation.choices, default=Moderation.FIRST
    )
    close_after_days = models.PositiveIntegerField(
        default=0, help_text=_("Close comments this many days after publication; 0 never closes.")
    )
    reply_depth = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(0), MaxValueValidator(5)],
        help_text=_("How deep replies nest: 1 = replies to comments, 0 = no replies."),
    )
    flags_to_requeue = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("Readers' flags that send an approved comment back to the queue."),
    )
    max_links = models.PositiveSmallIntegerField(
        default=2, help_text=_("Comments with more links than this are held as spam.")
    )
    blocked_words = models.TextField(
        blank=True, help_text=_("One word or phrase a line; comments containing one are spam.")
    )
    blocked_domains = models.TextField(
        blank=True,
        help_text=_("One domain a line; links to it, or an address at it, mark a comment spam."),
    )
    on_account_deletion = models.CharField(
        _("when a reader deletes their account"),
        max_length=16,
        choices=OnAccountDeletion.choices,
        default=OnAccountDeletion.ANONYMISE,
        help_text=_(
            "Anonymised comments keep their words and lose the name, address and IP address."
        ),
    )
    digest_recipients = models.TextField(
        blank=True,
        help_text=_("Editors' addresses, one a line, for a daily email of the moderation queue."),
    )

    panels = [
        FieldPanel("comments_enabled"),
        FieldPanel("who_may_comment"),
        FieldPanel("moderation"),
        FieldPanel("close_after_days"),
        FieldPanel("reply_depth"),
        FieldPanel("on_account_deletion"),
        MultiFieldPanel(
            [
                FieldPanel("flags_to_requeue"),
                FieldPanel("max_links"),
                FieldPanel("blocked_words"),
                FieldPanel("blocked_domains"),
            ],
            heading=_("Spam and abuse"),
        ),
        FieldPanel("digest_recipients"),
    ]

    class Meta:
        verbose_name = _("comments")

    def blocked_word_list(self) -> list[str]:
        return [line.strip().casefold() for line in self.blocked_words.splitlines() if line.strip()]

    def blocked_domain_list(self) -> list[str]:
        return [
            line.strip().casefold().lstrip("@.")
            for line in self.blocked_domains.splitlines()
            if line.strip()
        ]

    def digest_recipient_list(self) -> list[str]:
        return [line.strip() for line in self.digest_recipients.splitlines() if line.strip()]


class ArticleDiscussion(models.Model):
    """An editor's choices for one article's comments, kept here so news's models stay news's."""

    article = models.OneToOneField(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="discussion"
    )
    closed = models.BooleanField(
        _("comments closed"),
        default=False,
        help_text=_("Readers see the thread but can't add to it."),
    )

    class Meta:
        verbose_name = _("article discussion")

    def __str__(self) -> str:
        return str(self.article)


class Commenter(models.Model):
    """Someone who comments: a guest, known by the address they confirmed, or a signed-in
    reader, known by their account's user (whose address counts as confirmed)."""

    email = models.EmailField(max_length=254, unique=True)  # normalised
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commenter",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    reply_notifications_off = models.BooleanField(
        default=False, help_text=_("Unsubscribed from every reply notification.")
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Comment(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Waiting for the address to be confirmed")
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        REMOVED = "removed", _("Removed")
        DELETED = "deleted", _("Deleted by its author")

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # The top-level comment of the thread (itself for a top-level one): a page of threads and
    # all their replies come in two queries whatever the depth.
    root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=0)
    # None once the writer deleted their account and the site keeps comments anonymised.
    commenter = models.ForeignKey(
        Commenter, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    author_name = models.CharField(max_length=80)
    body = models.TextField(
        help_text=_("What the reader wrote: plain text with a little Markdown.")
    )
    language = models.CharField(max_length=16, blank=True)
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.UNCONFIRMED, db_index=True
    )
    status_reason = models.CharField(max_length=200, blank=True)
    # Why a moderator must see it whatever the moderation mode: a spam check that gave no
    # verdict (Akismet down) never lets a comment through on its own.
    hold_reason = models.CharField(max_length=200, blank=True)
    notify_replies = models.BooleanField(default=False)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    flag_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    reply_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["article", "status", "depth", "created_at"])]
        verbose_name = _("comment")

    def __str__(self) -> str:
        excerpt = self.body[:60] + ("…" if len(self.body) > 60 else "")
        return f"{self.author_name}: {excerpt}"


class CommentFlag(models.Model):
    """One reader's flag on a comment; the reader is known only by a keyed hash of their IP."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    reader_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "reader_key"], name="one_flag_per_reader")
        ]

    def __str__(self) -> str:
        return f"Flag on comment {self.comment_id}"


def _validate_network(value: str) -> None:
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError as error:
        raise ValidationError(_("Enter an IP address or range, like 203.0.113.0/24.")) from error


class Ban(models.Model):
    """Keeps an address, or an IP range, from commenting: for good or until a date."""

    email = models.CharField(
        max_length=254,
        blank=True,
        help_text=_("A whole address, or @domain.example for everyone there."),
    )
    ip_network = models.CharField(
        _("IP address or range"), max_length=64, blank=True, validators=[_validate_network]
    )
    until = models.DateTimeField(null=True, blank=True, help_text=_("Empty: for good."))
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("comment ban")

    def __str__(self) -> str:
        return self.email or self.ip_network

    def clean(self) -> None:
        if not self.email and not self.ip_network:
            raise ValidationError(_("Ban an email address, an IP range, or both."))

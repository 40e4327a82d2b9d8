"""Newsletter subscribers, the issues sent to them, and one delivery record per recipient.

The delivery record is what makes sending crash-safe: it exists before anything is sent, it is
claimed by one worker at a time under a lease, and it is marked sent the moment the mail
server accepts the message.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


def language_choices() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES]


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly digest")


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Complained")

    # Stored normalised (masthead.email_address); the constraint below enforces lower case too.
    email = models.EmailField(_("email address"), max_length=254)
    language = models.CharField(_("language"), max_length=16, default="en")
    frequency = models.CharField(
        _("frequency"), max_length=8, choices=Frequency.choices, default=Frequency.DAILY
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_ip = models.GenericIPAddressField(_("consent IP address"), null=True, blank=True)
    consent_form = models.CharField(
        _("consent form"), max_length=64, blank=True, help_text=_("Where the reader signed up.")
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    suppressed_reason = models.CharField(_("why mail stopped"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_ci_unique")
        ]
        indexes = [models.Index(fields=["status", "frequency", "id"])]

    def __str__(self) -> str:
        return self.email


class NewsletterIssue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    frequency = models.CharField(
        _("frequency"), max_length=8, choices=Frequency.choices, default=Frequency.DAILY
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.DRAFT
    )
    edition_date = models.DateField(_("edition date"))
    period_start = models.DateTimeField(_("covers articles published from"))
    period_end = models.DateTimeField(_("covers articles published until"))
    slug = models.SlugField(_("archive address"), max_length=80, unique=True)
    built_at = models.DateTimeField(_("built at"), auto_now_add=True)
    scheduled_for = models.DateTimeField(_("send at"), null=True, blank=True)
    # Set once every recipient has a delivery record; sending starts only after that.
    recipients_ready = models.BooleanField(default=False)
    sending_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-edition_date", "-pk"]

    def __str__(self) -> str:
        return self.subject


class IssueArticle(models.Model):
    """An article's place in an issue, in the order readers see it."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="entries")
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "article"], name="newsletter_article_once")
        ]

    def __str__(self) -> str:
        return f"{self.issue_id}/{self.sort_order}"


class Delivery(models.Model):
    """One recipient's copy of one issue."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SUPPRESSED = "suppressed", _("Suppressed")

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    language = models.CharField(max_length=16)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=255, blank=True)
    # The lease: a worker owns a pending delivery until claimed_at + lease, or until it dies.
    claimed_by = models.CharField(max_length=128, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_one_delivery")
        ]
        # The claim query: pending deliveries of one issue, in id order.
        indexes = [models.Index(fields=["issue", "status", "id"], name="newsletter_claim_idx")]

    def __str__(self) -> str:
        return f"issue {self.issue_id} to subscriber {self.subscriber_id}: {self.status}"


class ScheduledRun(models.Model):
    """The schedule's record that a day's (or week's) edition was started, so it runs once."""

    frequency = models.CharField(max_length=8, choices=Frequency.choices)
    edition_date = models.DateField()
    started_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["frequency", "edition_date"], name="newsletter_one_run_per_edition"
            )
        ]

    def __str__(self) -> str:
        return f"{self.frequency} {self.edition_date}"

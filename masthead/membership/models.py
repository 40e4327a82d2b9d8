"""Readers' accounts, what they pay for, and what they give.

Amounts are integers in the currency's minor unit (cents), never floats.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import register_setting

from masthead.email_address import normalise_email
from masthead.server.site_settings import SiteSetting

from .money import format_money


# --- Accounts -----------------------------------------------------------------------------------
class Reader(models.Model):
    """A reader's account. Its Django user is never staff and has no password: readers sign
    in by email only, and a staff member's address never opens a staff account this way."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reader"
    )
    # Normalised (masthead.email_address.normalise_email): NFKC, IDNA domain, case-folded.
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    name = models.CharField(_("name"), max_length=120, blank=True)
    subscriber = models.OneToOneField(
        "newsletter.Subscriber",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reader",
        help_text=_("The newsletter subscription with this reader's address, if any."),
    )
    stripe_customer_id = models.CharField(max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("reader account")

    def __str__(self) -> str:
        return self.email


class SignInRequest(models.Model):
    """One emailed link and code. Only hashes are stored; each works once, before it expires,
    and the code only in the browser session that asked for it."""

    email = models.EmailField(max_length=254, db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64)
    # Set for an email change: the reader whose address changes to ``email`` when confirmed.
    reader = models.ForeignKey(Reader, null=True, blank=True, on_delete=models.CASCADE)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.email} ({self.created_at:%Y-%m-%d %H:%M})"

    def is_open(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class BlockedEmailDomain(models.Model):
    """No sign-in mail is sent to addresses at these domains (against sign-up spam)."""

    domain = models.CharField(
        _("domain"), max_length=253, unique=True, help_text=_("For example: spam.example")
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("blocked email domain")
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args: object, **kwargs: object) -> None:
        self.domain = normalise_email(f"x@{self.domain.strip().lstrip('@')}").rpartition("@")[2]
        super().save(*args, **kwargs)


class ShareOptOut(models.Model):
    """An address that asked never to be sent articles shared by readers."""

    email = models.EmailField(max_length=254, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.email


# --- Membership ---------------------------------------------------------------------------------
class Tier(models.Model):
    """A level of membership, edited in the admin; Stripe's product and prices are created from
    it by ``masthead membership-stripe-sync``."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    benefits = models.TextField(_("benefits"), blank=True, help_text=_("One benefit per line."))
    monthly_amount = models.PositiveIntegerField(
        _("monthly price (minor unit)"), default=0, help_text=_("In cents: 500 is 5.00.")
    )
    yearly_amount = models.PositiveIntegerField(_("yearly price (minor unit)"), default=0)
    currency = models.CharField(_("currency"), max_length=3, default="eur")
    rank = models.PositiveSmallIntegerField(
        _("rank"), default=0, help_text=_("Higher ranks include what lower ranks get.")
    )
    active = models.BooleanField(_("offered"), default=True)
    stripe_product_id = models.CharField(max_length=255, blank=True)
    stripe_monthly_price_id = models.CharField(max_length=255, blank=True)
    stripe_yearly_price_id = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("membership tier")
        ordering = ["rank", "monthly_amount"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_free(self) -> bool:
        return self.monthly_amount == 0 and self.yearly_amount == 0

    def benefit_lines(self) -> list[str]:
        return [line.strip() for line in self.benefits.splitlines() if line.strip()]


class Membership(models.Model):
    """A reader's paid membership as Stripe last reported it (one per reader)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        TRIALING = "trialing", _("trial")
        PAST_DUE = "past_due", _("payment failed")
        CANCELED = "canceled", _("ended")
        INCOMPLETE = "incomplete", _("incomplete")

    reader = models.OneToOneField(Reader, on_delete=models.CASCADE, related_name="membership")
    tier = models.ForeignKey(Tier, on_delete=models.PROTECT, related_name="memberships")
    status = models.CharField(max_length=16, choices=Status.choices)
    interval = models.CharField(max_length=8, blank=True)
    stripe_subscription_id = models.CharField(max_length=255, blank=True, db_index=True)
    current_period_end = models.DateTimeField(null=True, blank=True)
    cancel_at_period_end = models.BooleanField(default=False)
    past_due_since = models.DateTimeField(null=True, blank=True)
    since = models.DateTimeField(_("member since"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("membership")

    def __str__(self) -> str:
        return f"{self.reader} ({self.tier}, {self.get_status_display()})"

    def is_current(self, now: dt.datetime | None = None) -> bool:
        """Whether the member may read members-only articles now: active, on trial, or
        within the grace period after a failed payment."""
        now = now or timezone.now()
        if self.status in {self.Status.ACTIVE, self.Status.TRIALING}:
            return True
        if self.status == self.Status.PAST_DUE and self.past_due_since:
            grace = dt.timedelta(days=settings.MASTHEAD_MEMBERSHIP_GRACE_DAYS)
            return now < self.past_due_since + grace
        return False


class MembersOnlyArticle(models.Model):
    """An article only members (of at least ``minimum_tier``, or of any paid tier) may read."""

    article = models.OneToOneField(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="members_only"
    )
    minimum_tier = models.ForeignKey(
        Tier,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Empty: any paid membership."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("members-only article")

    def __str__(self) -> str:
        return str(self.article)


class StripeEvent(models.Model):
    """Every webhook event received, by Stripe's id: a second delivery of one is a no-op, and
    ``processed_at`` is set in the same transaction as the event's effect."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    # The last failure to process it (Stripe unreachable, say), and how often it was tried.
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


# --- Fundraising --------------------------------------------------------------------------------
class Campaign(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    text = models.TextField(_("text"), blank=True)
    goal_amount = models.PositiveIntegerField(
        _("goal amount (minor unit)"), null=True, blank=True, help_text=_("In cents.")
    )
    goal_donors = models.PositiveIntegerField(_("goal: number of donors"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="eur")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    suggested_amounts = models.CharField(
        _("suggested amounts (minor unit)"),
        max_length=200,
        default="500,1000,2500",
        help_text=_("Comma-separated, in cents."),
    )

    class Meta:
        verbose_name = _("fundraising campaign")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(goal_amount__isnull=False) | Q(goal_donors__isnull=False),
                name="campaign_has_a_goal",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="campaign_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def suggestions(self) -> list[int]:
        return [int(part) for part in self.suggested_amounts.split(",") if part.strip().isdigit()]


class Gift(models.Model):
    """One line of the gift ledger. Raised totals are always sums over these rows.

    Rules: only succeeded gifts count (a pending one counts once it succeeds);
    ``amount_refunded`` (refunds, and disputes until won back) is subtracted, whatever order
    Stripe's events arrive in; each renewal of a monthly gift is its own row, counted in the
    campaign the monthly gift was started from.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SUCCEEDED = "succeeded", _("received")
        FAILED = "failed", _("failed")

    class Source(models.TextChoices):
        STRIPE = "stripe", _("card (Stripe)")
        TRANSFER = "transfer", _("bank transfer")
        CHEQUE = "cheque", _("cheque")

    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.PROTECT, related_name="gifts"
    )
    reader = models.ForeignKey(
        Reader, null=True, blank=True, on_delete=models.SET_NULL, related_name="gifts"
    )
    donor_name = models.CharField(_("donor's name"), max_length=120, blank=True)
    donor_email = models.EmailField(_("donor's email"), max_length=254, blank=True)
    amount = models.PositiveIntegerField(
        _("amount (minor unit)"), validators=[MinValueValidator(1)]
    )
    amount_refunded = models.PositiveIntegerField(_("refunded (minor unit)"), default=0)
    currency = models.CharField(_("currency"), max_length=3, default="eur")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.STRIPE)
    monthly = models.BooleanField(default=False)
    # The PaymentIntent (pi_...) a Stripe gift was paid with; unique, so a retried webhook
    # can't record one payment twice.
    stripe_payment_id = models.CharField(max_length=255, null=True, blank=True, unique=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    # Given when the thank-you mail with the receipt goes out, from the gift's own id, so it
    # is unique and never reused; ``thanked_at`` makes that mail go out once per gift.
    receipt_number = models.CharField(
        _("receipt number"), max_length=32, null=True, blank=True, unique=True
    )
    thanked_at = models.DateTimeField(_("thanked"), null=True, blank=True)

    class Meta:
        verbose_name = _("gift")
        ordering = ["-received_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_refunded__lte=models.F("amount")),
                name="gift_refund_at_most_amount",
            )
        ]

    def __str__(self) -> str:
        return f"{format_money(self.amount, self.currency)} ({self.get_status_display()})"


@register_setting(icon="tick")
class GivingSettings(SiteSetting):
    """Who gift receipts come from: the outlet's legal name and postal address."""

    organisation_name = models.CharField(
        _("organisation name on receipts"),
        max_length=200,
        blank=True,
        help_text=_("The legal name; empty: the publication's name."),
    )
    postal_address = models.TextField(_("postal address"), blank=True)
    receipt_note = models.TextField(
        _("note on receipts"),
        blank=True,
        help_text=_("For example a charity or tax registration number, or what a gift funds."),
    )

    class Meta:
        verbose_name = _("giving")

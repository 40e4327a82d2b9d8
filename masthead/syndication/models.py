"""The republishing policy as data: a default per site, an override per article, and which
images may travel with a republished article.

Kept in syndication's own tables, keyed by article and by image, so ``news`` knows nothing
of republishing. The publication's free-text ``republishing_policy`` (in ``news``'s settings)
stays as an optional note shown under the policy generated from these settings.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import register_setting

from masthead.server.site_settings import SiteSetting

from .licences import LICENCES


class Policy(models.TextChoices):
    CREDIT = "credit", _("Republishing allowed with credit and a link")
    CC_BY = "cc-by", LICENCES["cc-by"].short_name
    CC_BY_SA = "cc-by-sa", LICENCES["cc-by-sa"].short_name
    CC_BY_ND = "cc-by-nd", LICENCES["cc-by-nd"].short_name
    CC_BY_NC = "cc-by-nc", LICENCES["cc-by-nc"].short_name
    CC_BY_NC_SA = "cc-by-nc-sa", LICENCES["cc-by-nc-sa"].short_name
    CC_BY_NC_ND = "cc-by-nc-nd", LICENCES["cc-by-nc-nd"].short_name
    CC0 = "cc0", LICENCES["cc0"].short_name
    PERMISSION = "permission", _("Not without permission")


@register_setting(icon="doc-full")
class SyndicationSettings(SiteSetting):
    """How others may republish this site's articles, unless an article says otherwise."""

    default_policy = models.CharField(
        _("default republishing policy"),
        max_length=20,
        choices=Policy.choices,
        default=Policy.CREDIT,
        help_text=_("Applies to every article that has no policy of its own."),
    )
    permissions_email = models.EmailField(
        _("permissions contact"),
        blank=True,
        help_text=_(
            "Where to ask for permission to republish; the media-inquiries address is used "
            "when empty."
        ),
    )
    images_travel_by_default = models.BooleanField(
        _("images may travel unless marked otherwise"),
        default=True,
        help_text=_(
            "Off: only images marked as free to travel go with republished articles (safer "
            "when most pictures come from agencies)."
        ),
    )
    full_text_in_feeds = models.BooleanField(
        _("full text in feeds"),
        default=True,
        help_text=_(
            "Feeds carry the full text of articles that may be republished; off makes every "
            "feed excerpt-only. Articles not to be republished never appear in full."
        ),
    )

    count_republished_views = models.BooleanField(
        _("count views on republishers' pages"),
        default=False,
        help_text=_(
            "Adds a tiny image to the HTML for republishing that counts views per article and "
            "per republishing page. No cookies; no IP address is stored. Say so in your "
            "republishing policy before turning it on."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("default_policy"), FieldPanel("permissions_email")],
            heading=_("Policy"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("images_travel_by_default"),
                FieldPanel("full_text_in_feeds"),
                FieldPanel("count_republished_views"),
            ],
            heading=_("Images, feeds and counting"),
        ),
    ]

    class Meta:
        verbose_name = _("republishing")


class ArticlePolicy(models.Model):
    """An article whose republishing policy differs from its site's default."""

    article = models.OneToOneField(
        "news.ArticlePage",
        on_delete=models.CASCADE,
        related_name="republishing_policy",
        verbose_name=_("article"),
    )
    policy = models.CharField(_("republishing policy"), max_length=20, choices=Policy.choices)
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("For editors: why this article differs, e.g. 'co-published with X'."),
    )

    panels = [
        PageChooserPanel("article", "news.ArticlePage"),
        FieldPanel("policy"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("article republishing policy")
        verbose_name_plural = _("article republishing policies")

    def __str__(self) -> str:
        return f"{self.article.title}: {self.get_policy_display()}"


class ImageReuse(models.Model):
    """Whether an image may go with a republished article (an agency's photo usually may not)."""

    image = models.OneToOneField(
        "news.CreditedImage",
        on_delete=models.CASCADE,
        related_name="reuse",
        verbose_name=_("image"),
    )
    may_travel = models.BooleanField(
        _("may travel"),
        default=False,
        help_text=_("Republishers may use this image with its credit."),
    )

    panels = [FieldPanel("image"), FieldPanel("may_travel")]

    class Meta:
        verbose_name = _("image reuse")
        verbose_name_plural = _("image reuse")

    def __str__(self) -> str:
        return f"{self.image.title}: {_('may travel') if self.may_travel else _('stays here')}"


class RepublishedView(models.Model):
    """How often one republisher's page showed an article, counted by the tiny image in the
    republished HTML: one row per article and page, no cookie, no IP address."""

    article = models.ForeignKey(
        "news.ArticlePage",
        on_delete=models.CASCADE,
        related_name="republished_views",
        verbose_name=_("article"),
    )
    # Scheme, host and path of the republisher's page: no query string, no fragment.
    page_url = models.URLField(_("republishing page"), max_length=2000)
    page_title = models.CharField(_("page title"), max_length=300, blank=True)
    title_looked_up_at = models.DateTimeField(null=True, blank=True)
    views = models.PositiveBigIntegerField(_("views"), default=0)
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("republished view count")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "page_url"], name="one_view_count_per_article_and_page"
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_url}: {self.views}"

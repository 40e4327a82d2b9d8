"""Membership joins the reader's pages through news' extension point, and the admin."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from masthead.news import extensions
from masthead.server.csv_cells import FormulaSafeIndexView
from masthead.server.page_cache import until_purged

from .access import current_membership, reader_of, without_members_only
from .models import BlockedEmailDomain, Campaign, Gift, Membership, MembersOnlyArticle, Tier
from .paywall import members_only_part, serve_members_only
from .receipts import queue_thanks
from .selectors import campaign_progress, running_campaign

hooks.register(extensions.READABLE_ARTICLES_HOOK, without_members_only)
hooks.register(extensions.PAYWALLED_PART_HOOK, members_only_part)


class ReaderAccounts:
    """Reader accounts for the apps that act for a signed-in reader (comments), through news's
    extension point, so they never import membership."""

    def account(self, user: Any) -> extensions.ReaderAccount | None:
        reader = reader_of(user)
        if reader is None:
            return None
        return extensions.ReaderAccount(
            user_id=reader.user_id,
            name=reader.name,
            email=reader.email,
            account_url=reverse("membership:account"),
        )

    def sign_in_url(self, next_url: str) -> str:
        return f"{reverse('membership:sign_in')}?{urlencode({'next': next_url})}"


hooks.register(extensions.READER_ACCOUNTS_HOOK, ReaderAccounts())
# After Wagtail's own view-restriction check (order 0): a private article stays private.
hooks.register("on_serve_page", serve_members_only, order=100)


# --- Fragments (the same for every anonymous reader: pages are cached) ---------------------------
@extensions.fragment("header", order=50)
def account_link(context: extensions.FragmentContext) -> str:
    return render_to_string("membership/includes/account_link.html")


@extensions.fragment("article_top", order=40)
def share_by_email(context: extensions.FragmentContext) -> str:
    """Signed-in readers may have the outlet send an article (limited, fixed text); anonymous
    readers have the share control's mailto: link. Pages are cached per access level, and this
    depends on the level only."""
    article = context.article
    request = context.request
    if article is None or request is None or reader_of(getattr(request, "user", None)) is None:
        return ""
    return render_to_string("membership/includes/share_by_email.html", {"article_id": article.id})


@extensions.fragment("head", order=40)
def membership_assets(context: extensions.FragmentContext) -> str:
    return render_to_string("membership/includes/assets.html")


@extensions.fragment("banner", order=10)
def campaign_banner(context: extensions.FragmentContext) -> str:
    """While a campaign runs, its banner on every page: cached with the page, its figures
    refreshed from the campaign's JSON endpoint, so a gift never empties the page cache. Read
    once a minute at most (its figures are as old as the page anyway; a change to a campaign
    purges every page)."""
    campaign = until_purged("membership.running_campaign", running_campaign, seconds=60)
    if campaign is None or campaign.ends_at <= timezone.now():
        return ""
    own_page = reverse("membership:campaign", args=[campaign.slug])
    if context.request is not None and context.request.path == own_page:
        return ""  # the campaign's page shows its progress itself
    return render_to_string(
        "membership/includes/campaign_banner.html",
        {"campaign": campaign, "progress": campaign_progress(campaign)},
    )


@extensions.fragment("article_end", order=30)
def membership_prompt(context: extensions.FragmentContext) -> str:
    member = context.request is not None and current_membership(
        reader_of(getattr(context.request, "user", None))
    )
    if member:
        return ""
    return render_to_string("membership/includes/article_end.html")


# --- Admin --------------------------------------------------------------------------------------
class TierViewSet(SnippetViewSet):
    model = Tier
    icon = "pick"
    menu_label = _("Tiers")
    list_display = ["name", "rank", "monthly_amount", "yearly_amount", "currency", "active"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("benefits"),
        FieldRowPanel(
            [FieldPanel("monthly_amount"), FieldPanel("yearly_amount"), FieldPanel("currency")]
        ),
        FieldRowPanel([FieldPanel("rank"), FieldPanel("active")]),
        MultiFieldPanel(
            [
                FieldPanel("stripe_product_id", read_only=True),
                FieldPanel("stripe_monthly_price_id", read_only=True),
                FieldPanel("stripe_yearly_price_id", read_only=True),
            ],
            heading=_("Stripe (filled in by membership-stripe-sync)"),
        ),
    ]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Members")
    index_view_class = FormulaSafeIndexView
    list_display = ["reader", "tier", "status", "since", "current_period_end"]
    list_filter = ["tier", "status"]
    list_export = ["reader.email", "reader.name", "tier.name", "status", "since"]
    export_headings = {"reader.email": "Email", "reader.name": "Name", "tier.name": "Tier"}
    export_filename = "members"
    add_to_admin_menu = False
    panels = [FieldPanel("tier", read_only=True), FieldPanel("status", read_only=True)]


class MembersOnlyArticleViewSet(SnippetViewSet):
    model = MembersOnlyArticle
    icon = "lock"
    menu_label = _("Members-only articles")
    list_display = ["article", "minimum_tier", "created_at"]
    panels = [FieldPanel("article"), FieldPanel("minimum_tier")]


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "success"
    menu_label = _("Campaigns")
    list_display = ["title", "starts_at", "ends_at", "goal_amount", "goal_donors"]


class GiftViewSet(SnippetViewSet):
    model = Gift
    icon = "tick"
    menu_label = _("Gifts")
    index_view_class = FormulaSafeIndexView
    list_display = ["received_at", "campaign", "amount", "currency", "status", "source"]
    list_filter = ["campaign", "status", "source"]
    list_export = ["received_at", "campaign.title", "donor_name", "amount", "currency", "status"]
    panels = [
        FieldPanel("campaign"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("currency"), FieldPanel("source")]),
        FieldRowPanel([FieldPanel("donor_name"), FieldPanel("donor_email")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("received_at")]),
        FieldPanel("amount_refunded"),
        FieldRowPanel(
            [FieldPanel("receipt_number", read_only=True), FieldPanel("thanked_at", read_only=True)]
        ),
    ]


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def thank_gifts_recorded_by_hand(request: Any, instance: Any) -> None:
    """A transfer or cheque recorded as received gets the same thank-you and receipt."""
    if isinstance(instance, Gift):
        queue_thanks(instance)


class BlockedEmailDomainViewSet(SnippetViewSet):
    model = BlockedEmailDomain
    icon = "warning"
    menu_label = _("Blocked email domains")
    list_display = ["domain", "note", "created_at"]


class MembershipGroup(SnippetViewSetGroup):
    menu_label = _("Members and giving")
    menu_icon = "group"
    menu_order = 350
    items = (
        TierViewSet,
        MembershipViewSet,
        MembersOnlyArticleViewSet,
        CampaignViewSet,
        GiftViewSet,
        BlockedEmailDomainViewSet,
    )


register_snippet(MembershipGroup)

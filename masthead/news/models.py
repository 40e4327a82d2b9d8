"""What an outlet publishes: articles, their authors, and the regions, themes and in-depth
reports that file them, plus the home page and the publication's own settings.

Authors, regions, themes and reports are pages so each has its own URL, landing page, feeds
and place in the sitemap, and editors manage them in the same page explorer as articles.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index
from wagtail.url_routing import RouteResult

from masthead.server.page_cache import until_purged
from masthead.server.site_settings import SiteSetting

from . import feeds, queries
from .reader_articles import reader_articles
from .selectors import (
    article_to_serve,
    governing_paths,
    may_be_restricted,
    readable_articles,
    readable_pages,
)

INLINE_FEATURES = ["bold", "italic", "link", "superscript", "subscript", "strikethrough"]
BODY_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "ol", "ul", "blockquote", "hr"]


# --- Images ----------------------------------------------------------------------------------
class CreditedImage(AbstractImage):
    """An image in the library, carrying where it came from so every use can credit it."""

    credit = models.CharField(
        _("source credit"),
        max_length=255,
        blank=True,
        help_text=_("Who made or supplied the image, e.g. 'Photo: Jane Doe / Example Agency'."),
    )
    credit_url = models.URLField(_("source link"), blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit", "credit_url")


class CreditedRendition(AbstractRendition):
    image = models.ForeignKey(CreditedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


# --- Article body ------------------------------------------------------------------------------
class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text=_("Describe the image for readers who can't see it."),
    )
    caption = blocks.CharBlock(required=False, max_length=500)

    class Meta:
        icon = "image"
        template = "news/blocks/captioned_image.html"


class BlockQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "news/blocks/block_quote.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=BODY_FEATURES)
    image = CaptionedImageBlock()
    quote = BlockQuoteBlock()


# --- Site settings -----------------------------------------------------------------------------
@register_setting(icon="site")
class PublicationSettings(SiteSetting):
    """Who the publication is; used in every page's chrome and in every attribution line."""

    publication_name = models.CharField(max_length=255, default="Masthead")
    tagline = models.CharField(max_length=255, blank=True)
    copyright_holder = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Named in the copyright line; the publication name is used when empty."),
    )
    republishing_policy = RichTextField(features=[*INLINE_FEATURES, "ol", "ul"], blank=True)
    disclaimer = RichTextField(features=INLINE_FEATURES, blank=True)
    article_footer_note = RichTextField(
        _("note under every article"), features=INLINE_FEATURES, blank=True
    )
    media_inquiries_email = models.EmailField(blank=True)
    mastodon_url = models.URLField(blank=True)
    bluesky_url = models.URLField(blank=True)
    x_url = models.URLField("X (Twitter) URL", blank=True)
    facebook_url = models.URLField(blank=True)
    linkedin_url = models.URLField(blank=True)
    x_handle = models.CharField(
        "X (Twitter) handle", max_length=50, blank=True, help_text=_("e.g. @outlet, for card tags")
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("publication_name"), FieldPanel("tagline"), FieldPanel("copyright_holder")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                # Kept as a free-text note: the policy itself is data in the republishing
                # app's settings, which shows this note under the policy it generates.
                FieldPanel(
                    "republishing_policy",
                    heading=_("Republishing: a note from the editors"),
                    help_text=_(
                        "Optional. Shown on the republishing policy page, under the policy "
                        "generated from Settings → Republishing."
                    ),
                ),
                FieldPanel("disclaimer"),
                FieldPanel("article_footer_note"),
                FieldPanel("media_inquiries_email"),
            ],
            heading=_("Policies and notes"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("x_url"),
                FieldPanel("x_handle"),
                FieldPanel("facebook_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("publication settings")

    @property
    def copyright_name(self) -> str:
        return self.copyright_holder or self.publication_name

    @property
    def social_links(self) -> list[tuple[str, str]]:
        candidates = [
            ("Mastodon", self.mastodon_url),
            ("Bluesky", self.bluesky_url),
            ("X", self.x_url),
            ("Facebook", self.facebook_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(name, url) for name, url in candidates if url]


# --- Listing pages -----------------------------------------------------------------------------
def paginate(request: HttpRequest, items: Any, per_page: int) -> Any:
    """The requested page of ``items``; a missing, malformed or out-of-range page is a 404."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        raise Http404(_("There is no such page of results.")) from None
    # A deep page of an IdsFirst listing reads its ids and the count at once; a page number
    # no listing reaches (an offset past 2**31) is left to the paginator's 404.
    if isinstance(items, queries.IdsFirst) and number > 1 and number * per_page < 2**31:
        items.prefetch_window((number - 1) * per_page, number * per_page)
    try:
        return Paginator(items, per_page).page(number)
    except (EmptyPage, PageNotAnInteger):
        raise Http404(_("There is no such page of results.")) from None


class FeedRoutesMixin(RoutablePageMixin):
    """RSS 2.0 and Atom feeds of a page's articles at ``feed/rss/`` and ``feed/atom/``."""

    def listed_articles(self) -> models.QuerySet[ArticlePage]:
        raise NotImplementedError

    def feed_title(self) -> str:
        return self.title

    @path("feed/rss/", name="rss")
    def rss_feed(self, request: HttpRequest) -> HttpResponse:
        return feeds.ArticleRssFeed()(request, landing_page=self)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request: HttpRequest) -> HttpResponse:
        return feeds.ArticleAtomFeed()(request, landing_page=self)


class ArticleListingMixin(FeedRoutesMixin):
    """A landing page that lists its articles, newest first, paginated, with feeds."""

    def article_queryset(self) -> models.QuerySet[ArticlePage]:
        raise NotImplementedError

    def listed_articles(self) -> models.QuerySet[ArticlePage]:
        return queries.with_listing_relations(self.article_queryset())

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        listed = queries.IdsFirst(self.listed_articles())
        articles = paginate(request, listed, settings.MASTHEAD_ARTICLES_PER_PAGE)
        articles.object_list = reader_articles(
            articles.object_list, request=request, with_filing=False
        )
        return self.render(request, context_overrides={"articles": articles})


class SectionIndexPage(Page):
    """A folder page (Authors, Regions, Themes, Reports) listing its children by name."""

    introduction = models.TextField(blank=True)
    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    template = "news/section_index_page.html"
    subpage_types = ["news.AuthorPage", "news.RegionPage", "news.ThemePage", "news.ReportPage"]
    parent_page_types = ["news.HomePage"]

    class Meta:
        verbose_name = _("section index")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        children = readable_pages(self.get_children()).specific().order_by("title")
        context["children"] = paginate(request, children, 60)
        return context


class ArticleIndexPage(ArticleListingMixin, Page):
    """Where articles live (``/articles/``): every article, newest first."""

    introduction = models.TextField(blank=True)
    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    template = "news/article_index_page.html"
    subpage_types = ["news.ArticlePage"]
    parent_page_types = ["news.HomePage"]

    class Meta:
        verbose_name = _("article index")

    def article_queryset(self) -> models.QuerySet[ArticlePage]:
        return readable_articles().child_of(self)

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        """An article's address (``/articles/<slug>/``) in one query for its specific row, where
        Wagtail takes two (the page, then its specific page); everything else as Wagtail does."""
        if len(path_components) == 1 and self.live:
            try:
                self.resolve_subpage(f"/{path_components[0]}/")
            except Http404:
                article = article_to_serve(self, path_components[0])
                if article is not None:
                    article._cached_parent_obj = self  # as Wagtail does: no query for the parent
                    return article.route(request, [])
        return super().route(request, path_components)


class AuthorPage(ArticleListingMixin, Page):
    """A writer: their bio and photo, and the "Articles by <name>" listing at their URL."""

    bio = models.TextField(
        help_text=_("One paragraph, in the third person: 'X is a Cairo-based researcher…'"),
    )
    photo = models.ForeignKey(
        CreditedImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField(blank=True, help_text=_("Not shown to readers."))
    website_url = models.URLField(blank=True)
    mastodon_url = models.URLField(blank=True)
    bluesky_url = models.URLField(blank=True)
    x_url = models.URLField("X (Twitter) URL", blank=True)
    linkedin_url = models.URLField(blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("bio"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldPanel("email"),
                FieldPanel("website_url"),
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("x_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Links"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("bio")]
    parent_page_types = ["news.SectionIndexPage"]
    subpage_types: list[str] = []
    template = "news/author_page.html"

    class Meta:
        verbose_name = _("author")

    @property
    def name(self) -> str:
        return self.title

    @property
    def links(self) -> list[tuple[str, str]]:
        candidates = [
            (_("Website"), self.website_url),
            ("Mastodon", self.mastodon_url),
            ("Bluesky", self.bluesky_url),
            ("X", self.x_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(label, url) for label, url in candidates if url]

    def article_queryset(self) -> models.QuerySet[ArticlePage]:
        return readable_articles().filter(article_authors__author=self)

    def feed_title(self) -> str:
        return str(_("Articles by %(name)s") % {"name": self.title})


class RegionPage(ArticleListingMixin, Page):
    description = models.TextField(blank=True)
    content_panels = [*Page.content_panels, FieldPanel("description")]
    parent_page_types = ["news.SectionIndexPage"]
    subpage_types: list[str] = []
    template = "news/taxonomy_page.html"

    class Meta:
        verbose_name = _("region")

    def article_queryset(self) -> models.QuerySet[ArticlePage]:
        return readable_articles().filter(regions=self)


class ThemePage(ArticleListingMixin, Page):
    description = models.TextField(blank=True)
    content_panels = [*Page.content_panels, FieldPanel("description")]
    parent_page_types = ["news.SectionIndexPage"]
    subpage_types: list[str] = []
    template = "news/taxonomy_page.html"

    class Meta:
        verbose_name = _("theme")

    def article_queryset(self) -> models.QuerySet[ArticlePage]:
        return readable_articles().filter(themes=self)


class ReportPage(ArticleListingMixin, Page):
    """An in-depth report: a long-running dossier with an introduction and pinned articles."""

    introduction = RichTextField(features=BODY_FEATURES, blank=True)
    image = models.ForeignKey(
        CreditedImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("image"),
        InlinePanel("pinned_articles", label=_("Pinned articles"), max_num=6),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["news.SectionIndexPage"]
    subpage_types: list[str] = []
    template = "news/report_page.html"

    class Meta:
        verbose_name = _("in-depth report")

    def article_queryset(self) -> models.QuerySet[ArticlePage]:
        return readable_articles().filter(reports=self)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["pinned"] = queries.pinned_articles(self, request)
        return context


class ReportPinnedArticle(Orderable):
    report = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="pinned_articles")
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")
    panels = [PageChooserPanel("article", "news.ArticlePage")]


# --- Articles ------------------------------------------------------------------------------------
class ArticlePage(Page):
    standfirst = models.TextField(
        help_text=_("The one- or two-sentence lede shown under the headline."), max_length=600
    )
    body = StreamField(ArticleBodyBlock(), use_json_field=True)
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Shown to readers and used to order listings; set to the moment of first publication "
            "when left empty."
        ),
    )
    updated_at = models.DateTimeField(
        _("last updated"),
        null=True,
        blank=True,
        help_text=_("Set when a correction or substantial update is made."),
    )
    regions = ParentalManyToManyField(RegionPage, blank=True, related_name="articles")
    themes = ParentalManyToManyField(ThemePage, blank=True, related_name="articles")
    reports = ParentalManyToManyField(ReportPage, blank=True, related_name="articles")
    featured_image = models.ForeignKey(
        CreditedImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    featured_image_alt = models.CharField(
        _("featured image alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for readers who can't see it; the title is used if empty."),
    )
    featured_image_caption = models.CharField(max_length=500, blank=True)
    originally_published_at = models.URLField(
        _("originally published at"),
        blank=True,
        help_text=_("For a piece republished from elsewhere: the original's URL."),
    )
    selected_for_newsletter = models.BooleanField(
        _("selected for the newsletter"), default=False, db_index=True
    )

    content_panels = [
        FieldPanel("title", heading=_("Headline")),
        FieldPanel("standfirst"),
        InlinePanel("article_authors", label=_("Authors"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("featured_image"),
                FieldPanel("featured_image_alt"),
                FieldPanel("featured_image_caption"),
            ],
            heading=_("Featured image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("reports", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Filing"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("published_at"), FieldPanel("updated_at")]),
                FieldPanel("originally_published_at"),
                FieldPanel("selected_for_newsletter"),
            ],
            heading=_("Publication"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("published_at"),
        index.RelatedFields(
            "article_authors", [index.RelatedFields("author", [index.SearchField("title")])]
        ),
    ]
    parent_page_types = ["news.ArticleIndexPage"]
    subpage_types: list[str] = []
    template = "news/article_page.html"

    class Meta:
        verbose_name = _("article")

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Invariant: a live article always has a publication date to show and sort by.
        if self.live and self.published_at is None:
            self.published_at = self.go_live_at or self.first_published_at or timezone.now()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.updated_at and self.published_at and self.updated_at < self.published_at:
            raise ValidationError(
                {"updated_at": _("The last update can't come before the publication date.")}
            )

    def get_view_restrictions(self) -> models.QuerySet[PageViewRestriction]:
        """The restrictions on the article, above it and, for an alias or an article under
        one, on its source and above the source (Wagtail's own check skips the source's
        sections, so an alias of an article in a password-protected section would open for
        anyone). No query where none can apply (no restriction on the article or above it, and
        no alias in the site)."""
        if not may_be_restricted(self):
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page__path__in=governing_paths(self))

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(queries.article_page_context(self, request))
        return context


class ArticleAuthor(Orderable):
    """One author's place in an article's byline."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(AuthorPage, on_delete=models.PROTECT, related_name="article_links")
    panels = [PageChooserPanel("author", "news.AuthorPage")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_author_per_article")
        ]


# --- Home ---------------------------------------------------------------------------------------
class HomePage(FeedRoutesMixin, Page):
    """The front page: the lead story, the latest articles and a block per in-depth report."""

    lead_article = models.ForeignKey(
        ArticlePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the newest article."),
    )
    content_panels = [*Page.content_panels, PageChooserPanel("lead_article", "news.ArticlePage")]
    subpage_types = ["news.SectionIndexPage", "news.ArticleIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "news/home_page.html"

    class Meta:
        verbose_name = _("home page")

    @path("")
    def front_page(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, context_overrides=queries.front_page_context(self, request))

    def listed_articles(self) -> models.QuerySet[ArticlePage]:
        return queries.with_listing_relations(readable_articles())

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        """A child's address (``/articles/…``, ``/regions/…``) in one query for the child with
        its specific row, where Wagtail takes two (the page, then its specific page); the home
        page's own routes (the front page, its feeds) first, as Wagtail does."""
        if not path_components or self._routes_itself(path_components):
            return super().route(request, path_components)
        # The sections change rarely and every change to one purges: read once per process,
        # all together (keyed by what a visitor typed, made-up names would pile up).
        children = until_purged(("news.home_children", self.pk), self._children)
        child = children.get(path_components[0])
        if child is None:
            raise Http404
        return child.route(request, path_components[1:])

    def _children(self) -> dict[str, Page]:
        found = {}
        for child in Page.objects.child_of(self).specific():  # a query per kind of page
            child._cached_parent_obj = self  # as Wagtail does: no query for the parent
            found[child.slug] = child
        return found

    def _routes_itself(self, path_components: list[str]) -> bool:
        if not self.live:
            return False
        try:
            self.resolve_subpage(f"/{'/'.join(path_components)}/")
        except Http404:
            return False
        return True

"""Factories for the publication's content, placing each page under its section in the tree.

Use them in any app's tests: ``ArticleFactory(authors=[author], regions=[region])``.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import factory
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Page
from wagtail.rich_text import RichText

from masthead.news.models import (
    ArticleAuthor,
    ArticleIndexPage,
    ArticlePage,
    AuthorPage,
    CreditedImage,
    RegionPage,
    ReportPage,
    SectionIndexPage,
    ThemePage,
)


def section(slug: str) -> Page:
    """The section page (``articles``, ``authors``, ``regions``, ``themes``, ``reports``)."""
    if slug == "articles":
        return ArticleIndexPage.objects.get()
    return SectionIndexPage.objects.get(slug=slug)


def png_bytes(width: int = 1200, height: int = 675, colour: str = "#3a6ea5") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


class CreditedImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CreditedImage

    title = factory.Sequence(lambda n: f"Test image {n}")
    credit = "Photo: Test Agency"
    credit_url = "https://agency.example/photo"
    file = factory.LazyAttribute(lambda o: ImageFile(io.BytesIO(png_bytes()), name="test.png"))


class PageFactory(factory.django.DjangoModelFactory):
    """Creates the page as a published child of its section (``parent_slug``), or of
    ``parent=`` when given; ``live=False`` leaves it a draft."""

    class Meta:
        abstract = True

    parent_slug = ""

    @classmethod
    def _create(cls, model_class: type[Page], *args: Any, **kwargs: Any) -> Page:
        parent_slug = kwargs.pop("parent_slug")
        parent = kwargs.pop("parent", None) or section(parent_slug)
        live = kwargs.pop("live", True)
        page = model_class(*args, live=live, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        page.refresh_from_db()
        return page


class AuthorFactory(PageFactory):
    class Meta:
        model = AuthorPage

    parent_slug = "authors"
    title = factory.Sequence(lambda n: f"Author Number{n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    bio = factory.LazyAttribute(lambda o: f"{o.title} is a researcher based in Lisbon.")


class RegionFactory(PageFactory):
    class Meta:
        model = RegionPage

    parent_slug = "regions"
    title = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")


class ThemeFactory(PageFactory):
    class Meta:
        model = ThemePage

    parent_slug = "themes"
    title = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class ReportFactory(PageFactory):
    class Meta:
        model = ReportPage

    parent_slug = "reports"
    title = factory.Sequence(lambda n: f"Report {n}")
    slug = factory.Sequence(lambda n: f"report-{n}")
    introduction = "A long-running dossier."


def body(*paragraphs: str) -> list[tuple[str, Any]]:
    """A StreamField value of rich-text paragraphs (HTML allowed)."""
    return [("paragraph", RichText(html)) for html in paragraphs]


class ArticleFactory(PageFactory):
    """``ArticleFactory(authors=[...], regions=[...], themes=[...], reports=[...])``."""

    class Meta:
        model = ArticlePage

    parent_slug = "articles"
    title = factory.Sequence(lambda n: f"Test headline number {n}")
    slug = factory.Sequence(lambda n: f"test-article-{n}")
    standfirst = "A short standfirst that says what the story is about."
    body = factory.LazyFunction(
        lambda: body(
            '<p>The first paragraph, with <a href="https://example.org/">a link</a>.</p>',
            "<p>The second paragraph, with <i>emphasis</i>.</p>",
        )
    )
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))

    @classmethod
    def _create(cls, model_class: type[Page], *args: Any, **kwargs: Any) -> Page:
        authors = kwargs.pop("authors", None)
        taxonomy = {name: kwargs.pop(name, []) for name in ("regions", "themes", "reports")}
        live = kwargs.get("live", True)
        kwargs["live"] = False
        article = super()._create(model_class, *args, **kwargs)
        for position, author in enumerate(authors or [AuthorFactory()]):
            ArticleAuthor.objects.create(article=article, author=author, sort_order=position)
        for name, pages in taxonomy.items():
            getattr(article, name).set(pages)
        revision = article.save_revision()
        if live:
            revision.publish()
        return ArticlePage.objects.get(pk=article.pk)

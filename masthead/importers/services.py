"""The one importer: neutral records (from any source) into articles, authors, taxonomy pages,
images and redirects.

Guarantees:
- Nothing is written until the whole export has been read once (``reader.scan()``), so a
  malformed, truncated or foreign file leaves the database as it was.
- Each post is written in its own transaction: it is imported whole or not at all, and a post
  that fails is skipped and listed while the others go on.
- Re-running updates what changed and duplicates nothing: every page made is recorded against
  the source's own id (``ImportedItem``), with a digest of what was imported.
- Private and password-protected posts get their view restriction before they are published,
  so they are never readable by the public, not even for a moment; a re-import never lifts a
  restriction.
- ``dry_run`` runs the same code in one transaction that is rolled back, and fetches no media.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from masthead.news.models import (
    ArticleAuthor,
    ArticleIndexPage,
    ArticlePage,
    AuthorPage,
    HomePage,
    RegionPage,
    ReportPage,
    SectionIndexPage,
    ThemePage,
)
from masthead.server.purging import purges_held, purges_not_held

from .comments import CommentTally, import_comments
from .content import (
    PAGE_LINK_SCHEME,
    Conversion,
    ImageChoice,
    convert,
    original_image_url,
    plain_text,
    prepare_wordpress,
    shorten,
)
from .indexing import indexing_deferred
from .mapping import DROP, TaxonomyMapping
from .media import MediaMissing, MediaOptions, import_image
from .models import ImportedItem
from .records import (
    BodyFormat,
    ExportIndex,
    ExportReader,
    SkippedItem,
    SourceAuthor,
    SourceMedia,
    SourcePost,
    SourceTerm,
    Status,
)
from .summary import ImportSummary

# Bump when the conversion changes, so a re-run re-imports posts whose source did not change.
CONVERSION_VERSION = "1"
SECTION_MODELS: dict[str, type[Page]] = {
    "regions": RegionPage,
    "themes": ThemePage,
    "reports": ReportPage,
}
# Who may read a post that was private at the source: the outlet's editorial groups.
PRIVATE_READER_GROUPS = ("Editors", "Moderators")
STANDFIRST_LIMIT = 600


@dataclass(frozen=True)
class ImportOptions:
    source_label: str = "WordPress"
    dry_run: bool = False
    media: MediaOptions = field(default_factory=MediaOptions)
    mapping: TaxonomyMapping = field(default_factory=TaxonomyMapping)
    sticky_as_lead: bool = False


def _digest(record: Any) -> str:
    return hashlib.sha256(f"{CONVERSION_VERSION}|{record!r}".encode()).hexdigest()


def _normalised(path: str) -> str:
    return Redirect.normalise_path(path) if path else ""


class Importer:
    """Turns one export's records into pages; built per run from the export's index."""

    def __init__(self, index: ExportIndex, options: ImportOptions, summary: ImportSummary) -> None:
        self.index = index
        self.options = options
        self.summary = summary
        self.source = index.source
        self.articles = ArticleIndexPage.objects.first()
        if self.articles is None:
            raise ValidationError("The site has no article index page to import articles into.")
        self.sections = {s.slug: s for s in SectionIndexPage.objects.all()}
        self.authors: dict[str, AuthorPage | None] = {}
        self.terms: dict[tuple[str, str], Page | None] = {}
        self.images: dict[str, ImageChoice] = {}
        self.media_by_url = index.media_by_url()
        self.media_by_url.update({original_image_url(u): m for u, m in self.media_by_url.items()})
        self.post_paths = {_normalised(path): key for path, key in index.post_paths.items()}
        self.lead: tuple[Any, ArticlePage] | None = None
        self.comments = CommentTally()

    # --- Import records -------------------------------------------------------------------------
    def _record(self, kind: str, source_id: str) -> ImportedItem | None:
        return (
            ImportedItem.objects.filter(source=self.source, kind=kind, source_id=source_id)
            .select_related("page")
            .first()
        )

    def _remember(self, kind: str, source_id: str, page: Page, digest: str = "") -> None:
        ImportedItem.objects.update_or_create(
            source=self.source,
            kind=kind,
            source_id=source_id,
            defaults={"page": page, "digest": digest},
        )

    # --- Redirects ------------------------------------------------------------------------------
    def _redirect(self, path: str, *, page: Page | None = None, link: str = "") -> None:
        old_path = _normalised(path)
        if not old_path or old_path == "/" or len(old_path) > 255:
            return
        if page is not None and page.url and _normalised(page.url) == old_path:
            return  # the new address is the old one
        _redirect, created = Redirect.objects.update_or_create(
            old_path=old_path,
            site=None,
            defaults={"redirect_page": page, "redirect_link": link, "is_permanent": True},
        )
        self.summary.redirects += int(created)

    def _redirect_with_feed(self, paths: Iterable[str], page: Page) -> None:
        for path in paths:
            if path.rstrip("/").endswith(("/feed", "/rss")):
                self._redirect(path, link=f"{page.url}feed/rss/")
            else:
                self._redirect(path, page=page)

    # --- Authors and taxonomy -------------------------------------------------------------------
    def _unique_slug(self, parent: Page, wanted: str, own: Page | None = None) -> str:
        base = (slugify(wanted, allow_unicode=True) or "imported")[:240]
        slug, number = base, 1
        siblings = parent.get_children()
        if own is not None and own.pk:
            siblings = siblings.exclude(pk=own.pk)
        while siblings.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    def _publish_new(self, parent: Page, page: Page) -> Page:
        with transaction.atomic():  # an author or term page is made whole or not at all
            parent.add_child(instance=page)
            page.save_revision().publish()
        return page

    def author(self, key: str) -> AuthorPage | None:
        if key in self.authors:
            return self.authors[key]
        spec = self.index.authors.get(key) or SourceAuthor(key=key, name=key)
        record = self._record(ImportedItem.Kind.AUTHOR, key)
        page = record.page.specific if record and record.page else None
        if page is None and spec.email:
            page = AuthorPage.objects.filter(email__iexact=spec.email).first()
        if page is None:
            # An author page the outlet already made for this writer, named as at the source.
            slugs = {slugify(s, allow_unicode=True) for s in (spec.slug, spec.name) if s}
            page = AuthorPage.objects.filter(slug__in=slugs).first()
        if page is None:
            parent = self.sections["authors"]
            page = AuthorPage(
                title=shorten(spec.name or key, 255),
                slug=self._unique_slug(parent, spec.slug or spec.name or key),
                bio=spec.bio
                or f"{spec.name or key} wrote for {self.index.site_name or 'the publication'}.",
                email=spec.email if "@" in spec.email else "",
            )
            self._publish_new(parent, page)
            self.summary.created["authors"] += 1
        self._remember(ImportedItem.Kind.AUTHOR, key, page)
        self._redirect_with_feed(spec.old_paths, page)
        self.authors[key] = page
        return page

    def term(self, kind: str, key: str) -> Page | None:
        if (kind, key) in self.terms:
            return self.terms[(kind, key)]
        target = self.options.mapping.target(kind, key)
        page: Page | None = None
        spec = self.index.terms.get((kind, key)) or SourceTerm(kind=kind, key=key, name=key)
        if target.section != DROP:
            model = SECTION_MODELS[target.section]
            parent = self.sections[target.section]
            source_id = f"{kind}/{key}"
            record = self._record(ImportedItem.Kind.TERM, source_id)
            page = record.page.specific if record and record.page else None
            if page is None:
                slug = slugify(target.slug or key, allow_unicode=True)
                page = model.objects.child_of(parent).filter(slug=slug).first()
            if page is None:
                description = plain_text(spec.description)
                fields = (
                    {"introduction": f"<p>{description}</p>" if description else ""}
                    if model is ReportPage
                    else {"description": description}
                )
                page = model(
                    title=shorten(spec.name, 255),
                    slug=self._unique_slug(parent, target.slug or key),
                    **fields,
                )
                self._publish_new(parent, page)
                self.summary.created[str(model._meta.verbose_name_plural)] += 1
            self._remember(ImportedItem.Kind.TERM, source_id, page)
            self._redirect_with_feed(spec.old_paths, page)
        self.terms[(kind, key)] = page
        return page

    # --- Images ---------------------------------------------------------------------------------
    def _media_for(self, src: str, attachment: str) -> SourceMedia | None:
        if attachment and attachment in self.index.media:
            return self.index.media[attachment]
        if not src:
            return None
        site_url = self.index.site_url
        url = urljoin(site_url, src) if site_url else src
        return (
            self.media_by_url.get(url)
            or self.media_by_url.get(original_image_url(url))
            or SourceMedia(key=url, url=original_image_url(url))
        )

    def image(self, src: str, attachment: str) -> ImageChoice:
        media = self._media_for(src, attachment)
        if media is None or not media.url:
            return ImageChoice(None, "the export has no address for it")
        if media.url in self.images:
            return self.images[media.url]
        if self.options.dry_run:
            choice = ImageChoice(None)
            self.summary.created["images (not fetched in a dry run)"] += 1
        else:
            try:
                existed = ImportedItem.objects.filter(
                    source=self.source, kind=ImportedItem.Kind.IMAGE, source_id=media.url
                ).exists()
                library_image = import_image(self.source, media, self.options.media)
            except MediaMissing as missing:
                choice = ImageChoice(None, str(missing))
            else:
                if not existed:
                    self.summary.created["images"] += 1
                    for path in media.old_paths:
                        self._redirect(path, link=library_image.file.url)
                choice = ImageChoice(
                    library_image, alt=media.alt, caption=plain_text(media.caption)
                )
        self.images[media.url] = choice
        return choice

    # --- Links ----------------------------------------------------------------------------------
    def rewrite_link(self, href: str) -> str:
        """A link to another imported post points at its page; any other link to the old site
        keeps only its path, which a redirect now answers."""
        parts = urlsplit(href)
        old_host = urlsplit(self.index.site_url).hostname
        if parts.scheme not in {"", "http", "https"}:
            return href
        if parts.hostname and parts.hostname != old_host:
            return href
        path = parts.path or "/"
        if parts.query:
            path += f"?{parts.query}"
        key = self.post_paths.get(_normalised(path))
        if key is not None:
            record = self._record(ImportedItem.Kind.POST, key)
            if record is not None and record.page_id:
                return f"{PAGE_LINK_SCHEME}:{record.page_id}"
        return path if parts.hostname else href

    # --- Posts ----------------------------------------------------------------------------------
    def post(self, post: SourcePost) -> None:
        # Comments are compared one by one (comments.py): a new comment re-imports no post.
        digest = _digest(replace(post, comments=(), comments_left_out=()))
        record = self._record(ImportedItem.Kind.POST, post.key)
        page = record.page.specific if record and record.page else None
        if page is not None and record is not None and record.digest == digest:
            with purges_not_held(), transaction.atomic():
                import_comments(self.source, post, page, self.comments)
            self.summary.unchanged["articles"] += 1
            self._consider_lead(post, page)
            return
        # Authors, taxonomy and images are committed on their own before the post's transaction.
        authors = [a for a in (self.author(k) for k in post.author_keys) if a is not None]
        taxonomy: dict[str, list[Page]] = {"regions": [], "themes": [], "reports": []}
        for kind, key in post.terms:
            term_page = self.term(kind, key)
            if term_page is not None:
                for section, model in SECTION_MODELS.items():
                    if isinstance(term_page, model) and term_page not in taxonomy[section]:
                        taxonomy[section].append(term_page)
        conversion = self._convert(post)
        featured = self._featured(post)
        # A page readers may have seen (and cached) is purged as soon as it changes.
        with purges_not_held() if page is not None else nullcontext(), transaction.atomic():
            created = page is None
            page = self._write(post, page, authors, taxonomy, conversion, featured)
            self._remember(ImportedItem.Kind.POST, post.key, page, digest)
            if post.status != Status.DRAFT:
                for path in post.old_paths:
                    self._redirect(path, page=page)
            import_comments(self.source, post, page, self.comments)
        label = post.title or f"post {post.key}"
        self.summary.notes.extend(f"{label}: {note}" for note in conversion.notes)
        self.summary.missing_images.extend(f"{label}: {m}" for m in conversion.missing_images)
        (self.summary.created if created else self.summary.updated)["articles"] += 1
        self._consider_lead(post, page)

    def _convert(self, post: SourcePost) -> Conversion:
        html_text = post.html
        if post.body_format == BodyFormat.WORDPRESS:
            html_text = prepare_wordpress(html_text)
        return convert(html_text, self.image, self.rewrite_link)

    def _featured(self, post: SourcePost) -> ImageChoice:
        if not post.featured_media_key:
            return ImageChoice(None)
        key = post.featured_media_key
        if key in self.index.media:
            return self.image("", key)
        return self.image(key, "")

    def _standfirst(self, post: SourcePost, conversion: Conversion, title: str) -> str:
        text = plain_text(post.excerpt)
        if not text:
            for kind, value in conversion.blocks:
                if kind == "paragraph":
                    text = plain_text(str(value.source))
                    break
        return shorten(text or title, STANDFIRST_LIMIT)

    def _write(
        self,
        post: SourcePost,
        page: ArticlePage | None,
        authors: list[AuthorPage],
        taxonomy: dict[str, list[Page]],
        conversion: Conversion,
        featured: ImageChoice,
    ) -> ArticlePage:
        title = shorten(post.title, 255) or (
            f"(Untitled {self.options.source_label} post {post.key})"
        )
        blocks = conversion.blocks or [
            ("paragraph", RichText("<p>(The original post had no text.)</p>"))
        ]
        if post.status == Status.SCHEDULED and post.published_at is None:
            # A schedule with no date would publish at once: keep it a draft instead.
            post = replace(post, status=Status.DRAFT)
        dated = post.status != Status.DRAFT
        fields: dict[str, Any] = {
            "title": title,
            "standfirst": self._standfirst(post, conversion, title),
            "body": blocks,
            "published_at": post.published_at if dated else None,
            "updated_at": post.modified_at
            if dated
            and post.modified_at
            and post.published_at
            and (post.modified_at - post.published_at).total_seconds() > 60
            else None,
            "featured_image": featured.image,
            "featured_image_alt": shorten(post.featured_alt or featured.alt, 255),
            "featured_image_caption": shorten(post.featured_caption or featured.caption, 500),
            "go_live_at": post.published_at if post.status == Status.SCHEDULED else None,
        }
        is_new = page is None
        if page is None:
            page = ArticlePage(live=False, **fields)
            page.slug = self._unique_slug(self.articles, post.slug or title or f"post-{post.key}")
            self.articles.add_child(instance=page)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        page.article_authors = [
            ArticleAuthor(author=author, sort_order=i) for i, author in enumerate(authors)
        ]
        for section, pages in taxonomy.items():
            getattr(page, section).set(pages)
        self._restrict(page, post)
        self._apply_status(page, post, new=is_new)
        return ArticlePage.objects.get(pk=page.pk)

    def _restrict(self, page: ArticlePage, post: SourcePost) -> None:
        if post.status != Status.PRIVATE:
            if PageViewRestriction.objects.filter(page=page).exists():
                self.summary.warnings.append(
                    f"“{page.title}” is public at the source but kept its view restriction here; "
                    "lift it in the admin if readers should see it."
                )
            return
        PageViewRestriction.objects.filter(page=page).delete()
        if post.password:
            PageViewRestriction.objects.create(
                page=page,
                restriction_type=PageViewRestriction.PASSWORD,
                password=post.password[:255],
            )
            return
        groups = list(Group.objects.filter(name__in=PRIVATE_READER_GROUPS))
        restriction = PageViewRestriction.objects.create(
            page=page,
            restriction_type=PageViewRestriction.GROUPS if groups else PageViewRestriction.LOGIN,
        )
        restriction.groups.set(groups)

    def _apply_status(self, page: ArticlePage, post: SourcePost, *, new: bool) -> None:
        # A page just added was validated by add_child's save, with the same fields.
        revision = page.save_revision(clean=not new)
        if post.status == Status.DRAFT:
            if page.live:
                page.unpublish()
            return
        revision.publish()
        if post.status != Status.SCHEDULED and post.published_at is not None:
            # Publishing stamps "now"; the archive's history says otherwise.
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=post.published_at,
                last_published_at=post.modified_at or post.published_at,
            )

    def _consider_lead(self, post: SourcePost, page: ArticlePage) -> None:
        if not (self.options.sticky_as_lead and post.sticky and post.status == Status.PUBLISHED):
            return
        when = post.published_at or timezone.now()
        if self.lead is None or when > self.lead[0]:
            self.lead = (when, page)

    def finish(self) -> None:
        tally = self.comments
        for counter, count in (
            (self.summary.created, tally.created),
            (self.summary.updated, tally.updated),
            (self.summary.unchanged, tally.unchanged),
        ):
            if count:
                counter["comments"] += count
        self.summary.comments_not_imported = tally.not_imported
        self.summary.comments_left_out.update(tally.left_out)
        self._redirect("/feed/", link="/feed/rss/")
        if self.lead is not None:
            home = HomePage.objects.first()
            if home is not None and home.lead_article_id != self.lead[1].pk:
                home.lead_article = self.lead[1]
                home.save_revision().publish()
                self.summary.updated["lead story"] += 1


def import_export(
    reader: ExportReader,
    options: ImportOptions,
    *,
    progress: Callable[[Iterator[Any], int], Iterable[Any]] = lambda items, total: items,
) -> ImportSummary:
    """Import everything ``reader`` holds; raises ``ExportError`` (before writing anything)
    when the export can't be read."""
    index = reader.scan()
    summary = ImportSummary(dry_run=options.dry_run, mapping=options.mapping.describe())
    summary.warnings.extend(index.warnings)
    # A dry run is one transaction rolled back at the end, each post in a savepoint of it.
    # New pages are purged from the page cache once, and indexed once, after the run.
    with (
        transaction.atomic() if options.dry_run else nullcontext(),
        purges_held(),
        indexing_deferred(),
    ):
        importer = Importer(index, options, summary)
        for item in progress(reader.posts(), index.post_count):
            if isinstance(item, SkippedItem):
                summary.skipped.append(f"{item.label}: {item.reason}")
                continue
            try:
                with transaction.atomic() if options.dry_run else nullcontext():
                    importer.post(item)
            except (ValidationError, DatabaseError, ValueError) as error:
                reason = "; ".join(getattr(error, "messages", None) or [str(error)])
                summary.skipped.append(f"post {item.key} “{item.title[:60]}”: {reason}")
        importer.finish()
        _import_subscribers(reader, index, summary)
        if options.dry_run:
            transaction.set_rollback(True)
    return summary


def _import_subscribers(reader: ExportReader, index: ExportIndex, summary: ImportSummary) -> None:
    """Readers who subscribed at the source, as confirmed newsletter subscribers."""
    lines = reader.subscribers()
    if len(lines) <= 1:
        return
    from masthead.newsletter.services import import_subscribers, normalise_email

    valid, seen = [lines[0]], set()
    for line in lines[1:]:
        try:
            email = normalise_email(line)
        except ValidationError:
            summary.skipped.append(f"newsletter subscriber “{line[:80]}”: not an email address")
            continue
        if email.lower() not in seen:
            seen.add(email.lower())
            valid.append(email)
    result = import_subscribers(valid, form=f"{index.source.split(':')[0]}-import")
    if result.created:
        summary.created["newsletter subscribers"] += result.created
    if result.skipped_existing:
        summary.unchanged["newsletter subscribers"] += result.skipped_existing
    summary.warnings.extend(f"Newsletter subscribers: {error}" for error in result.errors)

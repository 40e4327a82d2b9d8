"""Ghost's JSON export (Settings → Advanced → Export) read as neutral records.

A Ghost export is one JSON document (``{"db": [{"meta": ..., "data": {...}}]}``, or the older
``{"meta": ..., "data": ...}``), so it is read whole; the reader refuses files over a size cap
instead of exhausting memory. Posts come with their rendered HTML, which is what is imported,
or, where the export left it out, their Lexical or mobiledoc document rendered to HTML here
(``ghost_documents.py``); members who are subscribed to the newsletter become newsletter
subscribers.

Members-only and paid posts arrive restricted to logged-in staff: Masthead has no paying
members yet, and such posts must never become public by moving house.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..records import (
    BodyFormat,
    ExportError,
    ExportIndex,
    SkippedItem,
    SourceAuthor,
    SourcePost,
    SourceTerm,
    Status,
)
from .ghost_documents import DocumentError, lexical_to_html, mobiledoc_to_html

GHOST_URL = "__GHOST_URL__"
STATUSES = {"published": Status.PUBLISHED, "draft": Status.DRAFT, "scheduled": Status.SCHEDULED}


def _date(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        if isinstance(value, int | float):  # old exports: milliseconds since the epoch
            return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC)
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except (ValueError, OverflowError, OSError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


class GhostExport:
    """``GhostExport(path, site_url=...).scan()`` then ``.posts()`` and ``.subscribers()``."""

    def __init__(self, path: Path, *, site_url: str = "", max_bytes: int = 500_000_000) -> None:
        self.path = path
        self.site_url = site_url.rstrip("/")
        self.max_bytes = max_bytes
        self._data: dict[str, Any] = {}

    def _load(self) -> dict[str, Any]:
        if self._data:
            return self._data
        try:
            size = self.path.stat().st_size
            if size > self.max_bytes:
                raise ExportError(
                    f"{self.path.name} is {size / 1e6:.0f} MB, more than the "
                    f"{self.max_bytes / 1e6:.0f} MB a Ghost export is read into memory for."
                )
            document = json.loads(self.path.read_bytes())
        except OSError as error:
            raise ExportError(f"Can't read {self.path}: {error.strerror}.") from None
        except (ValueError, RecursionError) as error:
            raise ExportError(
                f"{self.path.name} is not valid JSON ({error}). Export the site again from "
                "Ghost (Settings → Advanced → Export). Nothing was imported."
            ) from None
        if isinstance(document, dict) and isinstance(document.get("db"), list) and document["db"]:
            document = document["db"][0]
        data = document.get("data") if isinstance(document, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("posts"), list):
            raise ExportError(
                f"{self.path.name} is JSON but not a Ghost export (no data.posts). Export the "
                "site from Ghost with Settings → Advanced → Export."
            )
        self._data = data
        return data

    def _rows(self, table: str) -> list[dict[str, Any]]:
        rows = self._load().get(table) or []
        return [row for row in rows if isinstance(row, dict)]

    def _url(self, value: Any) -> str:
        text = str(value or "")
        return text.replace(GHOST_URL, self.site_url) if self.site_url else text

    def scan(self) -> ExportIndex:
        self._load()
        settings = {row.get("key"): row.get("value") for row in self._rows("settings")}
        index = ExportIndex(
            source=f"ghost:{self.site_url or settings.get('title') or 'site'}",
            site_name=str(settings.get("title") or ""),
            site_url=self.site_url,
        )
        for user in self._rows("users"):
            slug = str(user.get("slug") or user.get("id"))
            index.authors[str(user.get("id"))] = SourceAuthor(
                key=str(user.get("id")),
                name=str(user.get("name") or slug),
                email=str(user.get("email") or ""),
                bio=str(user.get("bio") or ""),
                slug=slug,
                old_paths=(f"/author/{slug}/", f"/author/{slug}/rss/"),
            )
        for tag in self._rows("tags"):
            name = str(tag.get("name") or "")
            if not tag.get("slug") or name.startswith("#") or tag.get("visibility") == "internal":
                continue  # internal tags organise Ghost's own theme, not the archive
            slug = str(tag["slug"])
            index.terms[("tag", slug)] = SourceTerm(
                kind="tag",
                key=slug,
                name=name or slug,
                description=str(tag.get("description") or ""),
                old_paths=(f"/tag/{slug}/", f"/tag/{slug}/rss/"),
            )
        for post in self._rows("posts"):
            if post.get("type", "post") == "post":
                index.post_count += 1
                index.post_paths[f"/{post.get('slug')}/"] = str(post.get("id"))
        return index

    def posts(self) -> Iterator[SourcePost | SkippedItem]:
        kept = {key for _kind, key in self.scan().terms}
        tag_slugs = {  # tag id -> slug, for the tags imported
            str(tag.get("id")): str(tag.get("slug")) for tag in self._rows("tags")
            if tag.get("slug") in kept
        }  # fmt: skip
        meta = {str(row.get("post_id")): row for row in self._rows("posts_meta")}
        tags: dict[str, list[tuple[int, str]]] = {}
        for row in self._rows("posts_tags"):
            tags.setdefault(str(row.get("post_id")), []).append(
                (int(row.get("sort_order") or 0), str(row.get("tag_id")))
            )
        authors: dict[str, list[tuple[int, str]]] = {}
        for row in self._rows("posts_authors"):
            authors.setdefault(str(row.get("post_id")), []).append(
                (int(row.get("sort_order") or 0), str(row.get("author_id")))
            )
        for post in self._rows("posts"):
            if post.get("type", "post") != "post":
                continue
            yield self._post(post, meta, tags, authors, tag_slugs)

    def _post(
        self,
        post: dict[str, Any],
        meta: dict[str, dict[str, Any]],
        tags: dict[str, list[tuple[int, str]]],
        authors: dict[str, list[tuple[int, str]]],
        tag_slugs: dict[str, str],
    ) -> SourcePost | SkippedItem:
        post_id = str(post.get("id"))
        title = " ".join(str(post.get("title") or "").split())
        label = f"post {post_id} “{title[:60]}”" if title else f"post {post_id}"
        status = STATUSES.get(str(post.get("status")))
        if status is None:
            return SkippedItem(label, f"its status is “{post.get('status')}” (sent by email only)")
        visibility = str(post.get("visibility") or "public")
        if status == Status.PUBLISHED and visibility != "public":
            status = Status.PRIVATE
        html = post.get("html")
        if not (isinstance(html, str) and html.strip()):
            html = self._document_html(post)
            if html is None:
                return SkippedItem(label, "the export has no HTML, Lexical or mobiledoc for it")
            if isinstance(html, DocumentError):
                return SkippedItem(label, f"its editor document can't be read: {html}")
        post_meta = meta.get(post_id, {})
        author_ids = [a for _o, a in sorted(authors.get(post_id, []))]
        if not author_ids and post.get("author_id"):
            author_ids = [str(post["author_id"])]
        slug = str(post.get("slug") or "")
        return SourcePost(
            key=post_id,
            title=title,
            slug=slug,
            html=self._url(html),
            body_format=BodyFormat.HTML,
            status=status,
            excerpt=str(post.get("custom_excerpt") or ""),
            published_at=_date(post.get("published_at")),
            modified_at=_date(post.get("updated_at")),
            author_keys=tuple(author_ids),
            terms=tuple(
                ("tag", tag_slugs[tag_id])
                for _order, tag_id in sorted(tags.get(post_id, []))
                if tag_id in tag_slugs
            ),
            featured_media_key=self._url(post.get("feature_image")),
            featured_caption=str(post_meta.get("feature_image_caption") or ""),
            featured_alt=str(post_meta.get("feature_image_alt") or ""),
            sticky=bool(post.get("featured")),
            old_paths=tuple(p for p in (f"/{slug}/", f"/p/{post.get('uuid')}/") if "None" not in p),
        )

    @staticmethod
    def _document_html(post: dict[str, Any]) -> str | DocumentError | None:
        """The post's editor document (Lexical, else mobiledoc) as HTML; None if it has none."""
        for field, render in (("lexical", lexical_to_html), ("mobiledoc", mobiledoc_to_html)):
            document = post.get(field)
            if isinstance(document, str) and document.strip():
                try:
                    return render(document)
                except DocumentError as error:
                    return error
        return None

    def subscribers(self) -> list[str]:
        """CSV lines (``email``) of members who are subscribed to the newsletter."""
        lines = ["email"]
        for member in self._rows("members"):
            subscribed = member.get("subscribed", member.get("email_disabled") is False)
            if member.get("email") and subscribed and not member.get("email_disabled"):
                lines.append(str(member["email"]).replace(",", " "))
        return lines

"""Substack's export (Settings → Exports) read as neutral records.

The export is a zip: ``posts.csv`` (one row per post: ``post_id`` such as
``123456.my-first-post``, ``post_date``, ``is_published``, ``type``, ``audience``, ``title``,
``subtitle``), one ``posts/<post_id>.html`` per post, and ``email_list.*.csv`` with the
subscribers. Members read straight from the zip, one at a time and never extracted; a member
larger than the post size cap is refused, so a zip bomb can't fill memory.

Paid-only posts arrive restricted (never public); the export names no author, so the
command's ``--author`` gives one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from ..records import (
    BodyFormat,
    ExportError,
    ExportIndex,
    SkippedItem,
    SourceAuthor,
    SourcePost,
    Status,
)

PUBLIC_AUDIENCES = {"everyone", "only_free", ""}


def _date(value: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


class SubstackExport:
    """``SubstackExport(path, author=...).scan()`` then ``.posts()`` and ``.subscribers()``."""

    def __init__(
        self, path: Path, *, author: str = "", site_url: str = "", max_member_bytes: int = 0
    ) -> None:
        self.path = path
        self.author = author
        self.site_url = site_url.rstrip("/")
        self.max_member_bytes = max_member_bytes or 50_000_000

    def _zip(self) -> zipfile.ZipFile:
        try:
            return zipfile.ZipFile(self.path)
        except (OSError, zipfile.BadZipFile) as error:
            raise ExportError(
                f"{self.path.name} is not a zip file ({error}). Download the export again from "
                "Substack (Settings → Exports). Nothing was imported."
            ) from None

    def _read(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
        if info.file_size > self.max_member_bytes:
            raise ExportError(
                f"{info.filename} in {self.path.name} unpacks to {info.file_size:,} bytes, over "
                f"the {self.max_member_bytes:,}-byte limit."
            )
        try:
            return archive.read(info)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise ExportError(
                f"{info.filename} in {self.path.name} is damaged ({error})."
            ) from None

    def _rows(self, archive: zipfile.ZipFile, name_endswith: str) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = []
        for info in archive.infolist():
            if PurePosixPath(info.filename).name.startswith(name_endswith.split("*")[0]) and (
                info.filename.endswith(".csv")
            ):
                text = self._read(archive, info).decode("utf-8-sig", errors="replace")
                rows.extend(csv.DictReader(io.StringIO(text)))
        return rows

    def _posts_csv(self, archive: zipfile.ZipFile) -> list[dict[str, str]]:
        try:
            info = archive.getinfo("posts.csv")
        except KeyError:
            raise ExportError(
                f"{self.path.name} is a zip but not a Substack export (it has no posts.csv)."
            ) from None
        text = self._read(archive, info).decode("utf-8-sig", errors="replace")
        rows = list(csv.DictReader(io.StringIO(text)))
        if rows and "post_id" not in rows[0]:
            raise ExportError(f"posts.csv in {self.path.name} has no post_id column.")
        return rows

    def scan(self) -> ExportIndex:
        with self._zip() as archive:
            rows = self._posts_csv(archive)
            bad = archive.testzip()
            if bad is not None:
                raise ExportError(f"{bad} in {self.path.name} is damaged; nothing was imported.")
        index = ExportIndex(source=f"substack:{self.site_url or self.path.stem}")
        index.site_url = self.site_url
        if self.author:
            index.authors[self.author] = SourceAuthor(key=self.author, name=self.author)
        for row in rows:
            slug = row["post_id"].partition(".")[2]
            index.post_count += 1
            index.post_paths[f"/p/{slug}"] = row["post_id"]
        return index

    def posts(self) -> Iterator[SourcePost | SkippedItem]:
        with self._zip() as archive:
            names = {info.filename: info for info in archive.infolist()}
            for row in self._posts_csv(archive):
                yield self._post(archive, names, row)

    def _post(
        self, archive: zipfile.ZipFile, names: dict[str, Any], row: dict[str, str]
    ) -> SourcePost | SkippedItem:
        post_id = row.get("post_id") or ""
        title = " ".join((row.get("title") or "").split())
        label = f"post {post_id} “{title[:60]}”" if title else f"post {post_id}"
        info = names.get(f"posts/{post_id}.html")
        if info is None:
            return SkippedItem(label, f"posts/{post_id}.html is not in the export")
        try:
            html = self._read(archive, info).decode("utf-8", errors="replace")
        except ExportError as error:
            return SkippedItem(label, str(error))
        published = (row.get("is_published") or "").strip().lower() == "true"
        audience = (row.get("audience") or "").strip()
        status = Status.PUBLISHED if published else Status.DRAFT
        if published and audience not in PUBLIC_AUDIENCES:
            status = Status.PRIVATE
        slug = post_id.partition(".")[2]
        return SourcePost(
            key=post_id,
            title=title,
            slug=slug,
            html=html,
            body_format=BodyFormat.HTML,
            status=status,
            excerpt=row.get("subtitle") or "",
            published_at=_date(row.get("post_date") or ""),
            author_keys=(self.author,) if self.author else (),
            old_paths=(f"/p/{slug}",) if slug else (),
        )

    def subscribers(self) -> list[str]:
        lines = ["email"]
        with self._zip() as archive:
            for row in self._rows(archive, "email_list"):
                disabled = (row.get("email_disabled") or "").strip().lower() == "true"
                email = (row.get("email") or "").strip()
                if email and not disabled:
                    lines.append(email)
        return lines

"""WordPress export files (WXR: RSS with the ``wp:`` namespace) read as neutral records.

Streaming: lxml's ``iterparse`` hands over one ``<item>`` at a time and each is cleared once
read, so memory stays flat however large the file. The parser resolves no entities, loads no
DTD and fetches nothing from the network, so entity-expansion and external-entity attacks do
nothing. Control characters that XML forbids (real exports contain them) are removed as the
file is read, and where is said.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils.text import slugify
from lxml import etree

from ..content import plain_text
from ..records import (
    BodyFormat,
    ExportError,
    ExportIndex,
    SkippedItem,
    SourceAuthor,
    SourceComment,
    SourceMedia,
    SourcePost,
    SourceTerm,
    Status,
)

WP_NS_PREFIX = "http://wordpress.org/export/"
STATUSES = {
    "publish": Status.PUBLISHED,
    "draft": Status.DRAFT,
    "pending": Status.DRAFT,
    "future": Status.SCHEDULED,
    "private": Status.PRIVATE,
}
# wp:comment_approved values other than "1", as the summary names them.
COMMENT_STATES = {"spam": "spam", "trash": "in the trash", "post-trashed": "in the trash"}
_FORBIDDEN_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
NO_DATE = "0000-00-00 00:00:00"


class _RepairingReader:
    """A file wrapper that repairs what real exports get wrong, counting where:

    - control characters XML 1.0 forbids are dropped;
    - a ``]]>`` inside a CDATA section (written by exporters that forget to escape it) is
      escaped as WordPress itself does (``]]]]><![CDATA[>``). A ``]]>`` ends the section only
      when the next thing after it is markup (``<``), as it always is in a WXR file.
    """

    LOOKAHEAD = 64  # bytes held back so a marker or what follows it is never cut in two

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.offset = 0  # bytes of the original file handed on so far
        self.pending = b""
        self.in_cdata = False
        self.controls_removed = 0
        self.first_control_at: int | None = None
        self.cdata_repaired = 0
        self.first_cdata_at: int | None = None

    def read(self, size: int = -1) -> bytes:
        # Empty means the end of the file to the parser, so keep reading until there is output.
        while True:
            chunk = self.raw.read(size if size and size > 0 else 1 << 16)
            output = self._repair(chunk, at_end=not chunk)
            if output or not chunk:
                return output

    def _repair(self, chunk: bytes, *, at_end: bool) -> bytes:
        found = _FORBIDDEN_CONTROL.search(chunk)
        if found:
            if self.first_control_at is None:
                self.first_control_at = self.offset + len(self.pending) + found.start()
            chunk, count = _FORBIDDEN_CONTROL.subn(b"", chunk)
            self.controls_removed += count
        data = self.pending + chunk
        limit = len(data) if at_end else max(0, len(data) - self.LOOKAHEAD)
        out, i = [], 0
        while i < limit:
            if not self.in_cdata:
                j = data.find(b"<![CDATA[", i)
                if j == -1 or j >= limit:
                    break
                self.in_cdata, i = True, j + 9
                continue
            j = data.find(b"]]>", i)
            if j == -1 or j >= limit:
                break
            following = data[j + 3 : j + 3 + self.LOOKAHEAD].lstrip()
            if following.startswith(b"<") or (at_end and not following):
                self.in_cdata, i = False, j + 3
                continue
            if self.first_cdata_at is None:
                self.first_cdata_at = self.offset + j
            self.cdata_repaired += 1
            out.append(data[:j] + b"]]]]><![CDATA[>")
            data, limit = data[j + 3 :], limit - (j + 3)
            self.offset += j + 3
            i = 0
        cut = max(i, limit)
        out.append(data[:cut])
        self.pending = data[cut:]
        self.offset += cut
        return b"".join(out)

    def notes(self) -> list[str]:
        notes = []
        if self.controls_removed:
            notes.append(
                f"Removed {self.controls_removed} control character(s) that XML forbids, the "
                f"first at byte {self.first_control_at}."
            )
        if self.cdata_repaired:
            notes.append(
                f"Escaped {self.cdata_repaired} “]]>” inside CDATA sections (the exporter "
                f"forgot to), the first at byte {self.first_cdata_at}."
            )
        return notes


def _local(tag: Any) -> tuple[str, str]:
    """(namespace, local name) of an element's tag."""
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def _child_text(element: Any, name: str, namespace_prefix: str = "") -> str:
    for child in element:
        namespace, local = _local(child.tag)
        if local == name and namespace.startswith(namespace_prefix):
            return child.text or ""
    return ""


def _path(url: str) -> str:
    """The path (and query) of a URL, which is what a redirect matches."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


class WordPressExport:
    """``WordPressExport(path).scan()`` then ``.posts()``; see :class:`records.ExportReader`."""

    def __init__(self, path: Path, *, time_zone: str = "UTC", max_field_bytes: int = 0) -> None:
        self.path = path
        try:
            self.time_zone = ZoneInfo(time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ExportError(f"“{time_zone}” is not a time zone (e.g. Europe/Lisbon).") from None
        self.max_field_bytes = max_field_bytes
        self.site_url = ""
        self._repairs: list[str] = []

    # --- Reading ----------------------------------------------------------------------------
    def _elements(self) -> Iterator[tuple[str, str, Any]]:
        """(namespace, local name, element) at the end of each top-level item or definition."""
        try:
            raw = self.path.open("rb")
        except OSError as error:
            raise ExportError(f"Can't read {self.path}: {error.strerror}.") from None
        with raw:
            filtered = _RepairingReader(raw)
            parser = etree.iterparse(
                filtered,
                events=("start", "end"),
                resolve_entities=False,
                load_dtd=False,
                no_network=True,
                huge_tree=False,
                remove_comments=True,
            )
            depth = 0
            seen_root = False
            try:
                for event, element in parser:
                    namespace, name = _local(element.tag)
                    if event == "start":
                        if not seen_root:
                            seen_root = True
                            if name != "rss":
                                raise ExportError(
                                    f"{self.path.name} is not a WordPress export: it is an XML "
                                    f"file whose root element is <{name}>, not <rss>."
                                )
                        depth += 1
                        continue
                    depth -= 1
                    # rss > channel > (item | wp:author | ...): elements at depth 2.
                    if depth == 2:
                        yield namespace, name, element
                        element.clear()
                        while element.getprevious() is not None:
                            del element.getparent()[0]
            except etree.XMLSyntaxError as error:
                line = getattr(error, "lineno", "?")
                raise ExportError(
                    f"{self.path.name} is not well-formed XML near line {line}: {error.msg}. "
                    "A truncated download or a file edited by hand looks like this; export it "
                    "again from WordPress (Tools → Export). Nothing was imported."
                ) from None
            self._repairs = filtered.notes()

    def scan(self) -> ExportIndex:
        index = ExportIndex(source="wordpress")
        wxr_version = ""
        for namespace, name, element in self._elements():
            is_wp = namespace.startswith(WP_NS_PREFIX)
            if not namespace and name == "link" and not self.site_url:
                self.site_url = (element.text or "").strip()
            elif not namespace and name == "title" and not index.site_name:
                index.site_name = (element.text or "").strip()
            elif is_wp and name == "wxr_version":
                wxr_version = (element.text or "").strip()
            elif is_wp and name == "base_blog_url" and element.text:
                self.site_url = element.text.strip()
            elif is_wp and name == "author":
                author = self._author(element)
                index.authors[author.key] = author
            elif is_wp and name in {"category", "tag", "term"}:
                term = self._term(element, name)
                if term is not None:
                    index.terms[(term.kind, term.key)] = term
            elif not namespace and name == "item":
                self._scan_item(element, index)
        if not wxr_version:
            raise ExportError(
                f"{self.path.name} is an RSS file but not a WordPress export (it has no "
                "<wp:wxr_version>). Export the site from WordPress with Tools → Export."
            )
        host = urlsplit(self.site_url).hostname or "unknown-site"
        index.source = f"wordpress:{host}"
        index.site_url = self.site_url
        index.warnings.extend(self._repairs)
        return index

    def _scan_item(self, element: Any, index: ExportIndex) -> None:
        post_type = _child_text(element, "post_type", WP_NS_PREFIX)
        post_id = _child_text(element, "post_id", WP_NS_PREFIX).strip()
        if post_type == "attachment":
            meta = self._postmeta(element)
            url = _child_text(element, "attachment_url", WP_NS_PREFIX).strip()
            index.media[post_id] = SourceMedia(
                key=post_id,
                url=url,
                title=_child_text(element, "title").strip(),
                caption=_child_text(element, "encoded", "http://wordpress.org/export/1").strip(),
                alt=meta.get("_wp_attachment_image_alt", "").strip(),
                # WordPress has no credit field; outlets write it in the description.
                credit=plain_text(
                    _child_text(element, "encoded", "http://purl.org/rss/1.0/modules/content/")
                )[:255],
                old_paths=tuple(
                    p
                    for p in (
                        _path(_child_text(element, "link")),
                        f"/?attachment_id={post_id}",
                        _path(url),
                    )
                    if p
                ),
            )
        elif post_type == "post":
            index.post_count += 1
            for path in self._post_paths(element, post_id):
                index.post_paths[path] = post_id

    def posts(self) -> Iterator[SourcePost | SkippedItem]:
        for namespace, name, element in self._elements():
            if namespace or name != "item":
                continue
            post_type = _child_text(element, "post_type", WP_NS_PREFIX)
            if post_type != "post":
                continue
            yield self._post(element)

    def subscribers(self) -> list[str]:
        return ["email"]  # WordPress exports carry no newsletter list

    # --- Items --------------------------------------------------------------------------------
    def _author(self, element: Any) -> SourceAuthor:
        login = _child_text(element, "author_login", WP_NS_PREFIX).strip()
        name = _child_text(element, "author_display_name", WP_NS_PREFIX).strip()
        if not name:
            first = _child_text(element, "author_first_name", WP_NS_PREFIX).strip()
            last = _child_text(element, "author_last_name", WP_NS_PREFIX).strip()
            name = f"{first} {last}".strip() or login
        nicename = slugify(login, allow_unicode=True)
        author_id = _child_text(element, "author_id", WP_NS_PREFIX).strip()
        paths = [f"/author/{nicename}/", f"/author/{nicename}/feed/"]
        if author_id:
            paths.append(f"/?author={author_id}")
        return SourceAuthor(
            key=login,
            name=name,
            email=_child_text(element, "author_email", WP_NS_PREFIX).strip(),
            slug=nicename,
            old_paths=tuple(paths),
        )

    def _term(self, element: Any, name: str) -> SourceTerm | None:
        if name == "term":
            taxonomy = _child_text(element, "term_taxonomy", WP_NS_PREFIX)
            if taxonomy not in {"category", "post_tag"}:
                return None
            kind = "category" if taxonomy == "category" else "tag"
            slug = _child_text(element, "term_slug", WP_NS_PREFIX)
            title = _child_text(element, "term_name", WP_NS_PREFIX)
        elif name == "category":
            kind = "category"
            slug = _child_text(element, "category_nicename", WP_NS_PREFIX)
            title = _child_text(element, "cat_name", WP_NS_PREFIX)
        else:
            kind = "tag"
            slug = _child_text(element, "tag_slug", WP_NS_PREFIX)
            title = _child_text(element, "tag_name", WP_NS_PREFIX)
        slug = unquote(slug.strip())
        if not slug:
            return None
        term_id = _child_text(element, "term_id", WP_NS_PREFIX).strip()
        base = "category" if kind == "category" else "tag"
        paths = [f"/{base}/{slug}/", f"/{base}/{slug}/feed/"]
        if term_id and kind == "category":
            paths.append(f"/?cat={term_id}")
        if kind == "tag":
            paths.append(f"/?tag={slug}")
        return SourceTerm(
            kind=kind,
            key=slug,
            name=(title or slug).strip(),
            description=_child_text(element, "category_description", WP_NS_PREFIX)
            or _child_text(element, "tag_description", WP_NS_PREFIX)
            or _child_text(element, "term_description", WP_NS_PREFIX),
            old_paths=tuple(paths),
        )

    @staticmethod
    def _postmeta(element: Any) -> dict[str, str]:
        meta = {}
        for child in element:
            if _local(child.tag)[1] == "postmeta":
                key = _child_text(child, "meta_key", WP_NS_PREFIX)
                meta[key] = _child_text(child, "meta_value", WP_NS_PREFIX)
        return meta

    def _post_paths(self, element: Any, post_id: str) -> list[str]:
        paths = [f"/?p={post_id}"]
        for url in (_child_text(element, "link"), _child_text(element, "guid")):
            path = _path(url)
            if path and path not in paths and path != "/":
                paths.append(path)
        return paths

    def _date(self, element: Any) -> dt.datetime | None:
        gmt = _child_text(element, "post_date_gmt", WP_NS_PREFIX).strip()
        if gmt and gmt != NO_DATE:
            try:
                return dt.datetime.fromisoformat(gmt).replace(tzinfo=dt.UTC)
            except ValueError:
                pass
        pub_date = _child_text(element, "pubDate").strip()
        if pub_date:
            try:
                parsed = email.utils.parsedate_to_datetime(pub_date)
                if parsed.tzinfo is not None and parsed.year > 1970:
                    return parsed
            except (TypeError, ValueError):
                pass
        local = _child_text(element, "post_date", WP_NS_PREFIX).strip()
        if local and local != NO_DATE:
            try:
                return dt.datetime.fromisoformat(local).replace(tzinfo=self.time_zone)
            except ValueError:
                return None
        return None

    def _modified(self, element: Any) -> dt.datetime | None:
        gmt = _child_text(element, "post_modified_gmt", WP_NS_PREFIX).strip()
        if gmt and gmt != NO_DATE:
            try:
                return dt.datetime.fromisoformat(gmt).replace(tzinfo=dt.UTC)
            except ValueError:
                return None
        return None

    def _post(self, element: Any) -> SourcePost | SkippedItem:
        post_id = _child_text(element, "post_id", WP_NS_PREFIX).strip()
        title = " ".join(_child_text(element, "title").split())
        label = f"post {post_id} “{title[:60]}”" if title else f"post {post_id}"
        raw_status = _child_text(element, "status", WP_NS_PREFIX).strip()
        status = STATUSES.get(raw_status)
        if status is None:
            return SkippedItem(label, f"its status is “{raw_status}” (trash and auto-drafts stay)")
        content = _child_text(element, "encoded", "http://purl.org/rss/1.0/modules/content/")
        excerpt = _child_text(element, "encoded", "http://wordpress.org/export/1")
        if self.max_field_bytes and len(content.encode()) > self.max_field_bytes:
            size = len(content.encode()) / 1_000_000
            limit = self.max_field_bytes / 1_000_000
            return SkippedItem(label, f"its content is {size:.1f} MB, over the {limit:g} MB limit")
        meta = self._postmeta(element)
        terms = []
        for child in element:
            namespace, name = _local(child.tag)
            if not namespace and name == "category":
                domain = child.get("domain", "")
                slug = unquote(child.get("nicename", "") or "")
                if domain in {"category", "post_tag"} and slug:
                    terms.append(("category" if domain == "category" else "tag", slug))
        creator = _child_text(element, "creator", "http://purl.org/dc/elements/1.1/").strip()
        comments, left_out = self._comments(element)
        password = _child_text(element, "post_password", WP_NS_PREFIX)
        return SourcePost(
            key=post_id,
            title=title,
            slug=unquote(_child_text(element, "post_name", WP_NS_PREFIX).strip()),
            html=content,
            body_format=BodyFormat.WORDPRESS,
            status=Status.PRIVATE if password and status == Status.PUBLISHED else status,
            excerpt=excerpt,
            password=password,
            published_at=self._date(element),
            modified_at=self._modified(element),
            author_keys=(creator,) if creator else (),
            terms=tuple(dict.fromkeys(terms)),
            featured_media_key=meta.get("_thumbnail_id", "").strip(),
            sticky=_child_text(element, "is_sticky", WP_NS_PREFIX).strip() == "1",
            old_paths=tuple(self._post_paths(element, post_id)),
            comments=comments,
            comments_left_out=tuple(sorted(left_out.items())),
        )

    def _comments(self, element: Any) -> tuple[tuple[SourceComment, ...], Counter[str]]:
        """The post's approved comments, and how many others were left out, and why."""
        comments, left_out = [], Counter[str]()
        for child in element:
            if _local(child.tag)[1] != "comment":
                continue
            approved = _child_text(child, "comment_approved", WP_NS_PREFIX).strip()
            kind = _child_text(child, "comment_type", WP_NS_PREFIX).strip()
            if kind in {"pingback", "trackback"}:
                left_out["pingbacks and trackbacks"] += 1
            elif approved != "1":
                left_out[COMMENT_STATES.get(approved, "not approved")] += 1
            else:
                parent = _child_text(child, "comment_parent", WP_NS_PREFIX).strip()
                comments.append(
                    SourceComment(
                        key=_child_text(child, "comment_id", WP_NS_PREFIX).strip(),
                        author_name=_child_text(child, "comment_author", WP_NS_PREFIX),
                        html=_child_text(child, "comment_content", WP_NS_PREFIX),
                        parent_key="" if parent in {"", "0"} else parent,
                        author_email=_child_text(
                            child, "comment_author_email", WP_NS_PREFIX
                        ).strip(),
                        author_url=_child_text(child, "comment_author_url", WP_NS_PREFIX).strip(),
                        written_at=self._comment_date(child),
                    )
                )
        return tuple(c for c in comments if c.key), left_out

    def _comment_date(self, element: Any) -> dt.datetime | None:
        gmt = _child_text(element, "comment_date_gmt", WP_NS_PREFIX).strip()
        local = _child_text(element, "comment_date", WP_NS_PREFIX).strip()
        for value, zone in ((gmt, dt.UTC), (local, self.time_zone)):
            if value and value != NO_DATE:
                try:
                    return dt.datetime.fromisoformat(value).replace(tzinfo=zone)
                except ValueError:
                    continue
        return None

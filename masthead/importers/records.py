"""The neutral shape every export is read into, whatever its source.

A source module (``sources/wordpress.py``, ``ghost.py``, ``substack.py``) turns its file into
these records; ``services.py`` alone turns records into pages. Records are plain immutable
values: nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol


class Status(enum.Enum):
    PUBLISHED = "published"
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PRIVATE = "private"  # readable by the outlet's editors only


class BodyFormat(enum.Enum):
    WORDPRESS = "wordpress"  # shortcodes, and classic posts' paragraphs made from blank lines
    HTML = "html"


@dataclass(frozen=True)
class SourceAuthor:
    key: str  # the source's stable id: WordPress login, Ghost id, Substack name
    name: str
    email: str = ""
    bio: str = ""
    slug: str = ""
    old_paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceTerm:
    kind: str  # "category" or "tag"
    key: str  # the term's slug in the source
    name: str
    description: str = ""
    old_paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceMedia:
    key: str  # WordPress attachment id, or the URL where there is none
    url: str
    title: str = ""
    caption: str = ""
    alt: str = ""
    credit: str = ""
    old_paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceComment:
    """A reader's comment the source approved (the reader leaves out spam, trash, unapproved
    comments, pingbacks and trackbacks, counting them in ``SourcePost.comments_left_out``)."""

    key: str  # the source's comment id
    author_name: str
    html: str  # as the source stored it: text with a little HTML
    parent_key: str = ""  # the comment it replies to; "" at the top of the thread
    author_email: str = ""
    author_url: str = ""
    written_at: dt.datetime | None = None


@dataclass(frozen=True)
class SourcePost:
    key: str
    title: str
    slug: str
    html: str
    body_format: BodyFormat
    status: Status
    excerpt: str = ""
    password: str = ""
    published_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    author_keys: tuple[str, ...] = ()
    terms: tuple[tuple[str, str], ...] = ()  # (kind, key)
    featured_media_key: str = ""  # a SourceMedia key, or an image URL
    featured_caption: str = ""
    featured_alt: str = ""
    sticky: bool = False
    old_paths: tuple[str, ...] = ()
    comments: tuple[SourceComment, ...] = ()
    comments_left_out: tuple[tuple[str, int], ...] = ()  # (why, how many), e.g. ("spam", 3)


@dataclass(frozen=True)
class SkippedItem:
    """An item the source could not turn into a post, and why (listed in the summary)."""

    label: str
    reason: str


@dataclass
class ExportIndex:
    """What a first pass over the export learns: everything posts refer to, and the posts'
    old addresses (so links between posts can be rewritten)."""

    source: str  # e.g. "wordpress:old.example"
    site_name: str = ""
    site_url: str = ""  # the old site's address, for relative links and images
    authors: dict[str, SourceAuthor] = field(default_factory=dict)
    terms: dict[tuple[str, str], SourceTerm] = field(default_factory=dict)
    media: dict[str, SourceMedia] = field(default_factory=dict)
    post_paths: dict[str, str] = field(default_factory=dict)  # old path -> post key
    post_count: int = 0
    warnings: list[str] = field(default_factory=list)

    def media_by_url(self) -> dict[str, SourceMedia]:
        return {media.url: media for media in self.media.values() if media.url}


class ExportReader(Protocol):
    """One export file: ``scan()`` reads it whole (so a broken file fails before any write),
    then ``posts()`` reads it again, one post at a time."""

    def scan(self) -> ExportIndex: ...

    def posts(self) -> Iterator[SourcePost | SkippedItem]: ...

    def subscribers(self) -> list[str]:
        """CSV lines (header ``email`` first) of newsletter readers who consented at the
        source; just the header where the source has none."""
        ...


class ExportError(Exception):
    """The export can't be imported at all (not an export, malformed, truncated); the message
    says what and where, and nothing has been written."""

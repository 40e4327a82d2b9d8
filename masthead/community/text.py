"""What a comment's words become on the page: a small Markdown subset, then nh3's allow-list.

Readers type plain text; emphasis, links, quotes and lists render, nothing else does: raw HTML
is shown as text, images never load, and links carry ``rel="nofollow ugc noopener"`` and only
http, https or mailto schemes. Rendering happens when the thread is shown, from the stored
text, so a change to these rules applies to every comment at once.
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "em", "strong", "a", "blockquote", "ul", "ol", "li", "br", "code"}
URL_SCHEMES = {"http", "https", "mailto"}
_URL = re.compile(r"(?:https?://|www\.)\S+|\[[^\]]*\]\(\s*[^)\s]+", re.IGNORECASE)

# commonmark without HTML, images, headings, code blocks or tables: the subset the outlet offers.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True}).disable(
    ["image", "heading", "lheading", "code", "fence", "hr", "html_block", "html_inline"]
)


def render_comment(text: str) -> str:
    """Safe HTML for a comment's text."""
    return nh3.clean(
        _markdown.render(text),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )


def count_links(text: str) -> int:
    """Links a comment carries, written out or in Markdown."""
    return len(_URL.findall(text))


def linked_domains(text: str) -> set[str]:
    """The host names a comment links to, lower-cased."""
    hosts = re.findall(r"(?:https?://|www\.)([^/\s)\]>\"']+)", text, re.IGNORECASE)
    return {host.rsplit("@", 1)[-1].split(":")[0].casefold().removeprefix("www.") for host in hosts}

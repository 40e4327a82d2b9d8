"""What a comment's words become on the page: a small Markdown subset, then nh3's allow-list;
and what HTML written elsewhere (an imported comment) becomes as a comment's words.

Readers type plain text; emphasis, links, quotes and lists render, nothing else does: raw HTML
is shown as text, images never load, and links carry ``rel="nofollow ugc noopener"`` and only
http, https or mailto schemes. Rendering happens when the thread is shown, from the stored
text, so a change to these rules applies to every comment at once.
"""

from __future__ import annotations

import re

import nh3
from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
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


# Tags whose content is never a comment's words.
_DROPPED = {"script", "style", "iframe", "object", "embed", "template", "noscript", "head", "svg"}
_BLOCKS = {"p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table"}
# Characters Markdown would read as markup anywhere in a line, and at the start of one.
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>])")
_LINE_START_MARKUP = re.compile(r"^([ \t]*)([#>+-]|\d+(?=[.)]))", re.MULTILINE)


def text_from_html(html_text: str) -> str:
    """A comment written elsewhere as HTML (WordPress's comment text: plain lines with a few
    tags), in the form comments are stored here: text with a little Markdown. Links keep only
    the schemes comments allow; scripts, styles, frames and images go; anything else is
    text, escaped, so it reads as written and renders as nothing more."""
    soup = BeautifulSoup(html_text or "", "html.parser")
    text = _markdown_of(soup).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.groups()
    # A digit can't be escaped; the full stop or bracket after it can.
    return f"{indent}{marker}\\" if marker[0].isdigit() else f"{indent}\\{marker}"


def _markdown_of(node: PageElement) -> str:
    if isinstance(node, NavigableString):
        if type(node) is not NavigableString:
            return ""  # HTML comments, CDATA, doctypes, processing instructions
        return _LINE_START_MARKUP.sub(_escape_line_start, _INLINE_MARKUP.sub(r"\\\1", str(node)))
    if not isinstance(node, Tag):
        return ""
    name = node.name
    if name in _DROPPED:
        return ""
    if name == "img":
        return ""  # comments show no images
    if name == "br":
        return "\n"
    inner = "".join(_markdown_of(child) for child in node.children)
    if name == "a":
        href = (node.get("href") or "").strip()  # type: ignore[union-attr]
        scheme = href.split(":", 1)[0].lower() if ":" in href else ""
        if scheme in URL_SCHEMES and inner.strip():
            target = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            return f"[{inner}]({target})"
        return inner
    if name in {"em", "i"} and inner.strip():
        return f"*{inner}*"
    if name in {"strong", "b"} and inner.strip():
        return f"**{inner}**"
    if name == "code" and inner.strip() and "`" not in node.get_text():
        return f"`{node.get_text()}`"
    if name == "blockquote":
        quoted = "\n".join(f"> {line}".rstrip() for line in inner.strip().split("\n"))
        return f"\n\n{quoted}\n\n"
    if name in {"ul", "ol"}:
        items = [child for child in node.children if isinstance(child, Tag) and child.name == "li"]
        lines = []
        for number, item in enumerate(items, start=1):
            marker = f"{number}." if name == "ol" else "-"
            words = _markdown_of(item).strip().replace("\n", "\n   ")
            lines.append(f"{marker} {words}")
        return "\n\n" + "\n".join(lines) + "\n\n"
    if name in _BLOCKS:
        return f"\n\n{inner}\n\n"
    return inner

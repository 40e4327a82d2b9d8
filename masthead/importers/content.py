"""Post HTML from any source into the article body: rich-text paragraphs, images and quotes.

Pure functions, no database: the caller passes how to find an image and how to rewrite a link.
WordPress bodies are first prepared (classic posts' blank-line paragraphs as ``wpautop`` makes
them, and shortcodes); Gutenberg's block comments need nothing, since its blocks are plain
HTML between them. Whatever the body has no place for (a table, an unknown shortcode, a form)
is kept as a visible note for editors, never dropped; script and event-handler attributes are
removed by nh3 on the way into rich text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import nh3
from bs4 import BeautifulSoup, Comment, NavigableString, Tag

# What an ArticleBodyBlock paragraph accepts (news.models.BODY_FEATURES) in Wagtail's format.
RICH_TEXT_TAGS = {"p", "h2", "h3", "h4", "b", "i", "a", "ol", "ul", "li", "blockquote", "hr", "br"}
RENAMED_TAGS = {"strong": "b", "em": "i", "h1": "h2", "h5": "h4", "h6": "h4", "cite": "i"}
# Link scheme for a link to an imported page, turned into Wagtail's page link after cleaning.
PAGE_LINK_SCHEME = "masthead-page"
CONTAINER_TAGS = {
    "div", "section", "article", "main", "header", "footer", "aside", "center", "body", "html",
    "span", "font", "picture",
}  # fmt: skip
EMBED_TAGS = {"iframe", "video", "audio", "object", "embed"}
NOTED_TAGS = {"form", "input", "button", "select", "textarea", "svg", "canvas", "math"}
# What, found inside a paragraph, must come out of it to become a block or a note.
NOT_RICH_TEXT = [*EMBED_TAGS, *NOTED_TAGS, "img", "figure", "div", "blockquote", "table", "pre"]
# Platform chrome inside exported posts (Substack's and Ghost's sign-up boxes), not content.
DROPPED_CLASSES = {
    "subscription-widget-wrap",
    "subscribe-widget",
    "button-wrapper",
    "kg-signup-card",
}
DROPPED_TAGS = {"script", "style", "noscript", "template", "head", "link", "meta", "source"}
BLOCK_TAGS = "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|script"  # noqa: E501
_BLOCK_TAG_RE = re.compile(rf"(<(?:{BLOCK_TAGS})[\s/>]|</(?:{BLOCK_TAGS})>)", re.IGNORECASE)
_STARTS_WITH_BLOCK = re.compile(rf"^</?(?:{BLOCK_TAGS})[\s/>]", re.IGNORECASE)
_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"']+)[ \t]*$", re.MULTILINE)
_SHORTCODE = re.compile(
    r"\[(?P<name>[a-zA-Z][\w-]*)(?P<attrs>(?:\s[^\]]*)?)\](?:(?P<inner>.*?)\[/(?P=name)\])?",
    re.DOTALL,
)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")


@dataclass(frozen=True)
class ImageChoice:
    """What an image in the body turned out to be in the library, or why it is missing."""

    image: Any  # a CreditedImage, or None when missing
    missing_reason: str = ""
    alt: str = ""  # the library's own alt text and caption, used when the post gives none
    caption: str = ""


@dataclass
class Conversion:
    blocks: list[tuple[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # kept-as-is content, for the summary
    missing_images: list[str] = field(default_factory=list)


FindImage = Callable[[str, str], ImageChoice]  # (src URL, attachment key) -> choice
RewriteLink = Callable[[str], str]  # href -> href, or "masthead-page:<id>"


# --- WordPress preparation ------------------------------------------------------------------
def autop(text: str) -> str:
    """WordPress's ``wpautop``: blank lines make paragraphs and single newlines line breaks,
    except around block-level elements and inside ``<pre>``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    preserved: list[str] = []

    def keep(match: re.Match[str]) -> str:
        preserved.append(match.group(0))
        return f"<!--keep{len(preserved) - 1}-->"

    text = re.sub(r"<pre[\s>].*?</pre>", keep, text, flags=re.DOTALL | re.IGNORECASE)
    text = _BLOCK_TAG_RE.sub(lambda m: "\n\n" + m.group(1), text)
    text = re.sub(rf"(</(?:{BLOCK_TAGS})>)", r"\1\n\n", text, flags=re.IGNORECASE)
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _STARTS_WITH_BLOCK.match(chunk) or chunk.startswith("<!--keep"):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    result = "\n".join(out)
    return re.sub(r"<!--keep(\d+)-->", lambda m: preserved[int(m.group(1))], result)


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in
            _ATTR.finditer(raw)}  # fmt: skip


def _is_shortcode(match: re.Match[str], text: str) -> bool:
    """Plain bracketed words ("[sic]", "[1]") are text; a shortcode has attributes, a closing
    tag, a name no prose has, or a line of its own."""
    name, attrs, inner = match.group("name"), match.group("attrs"), match.group("inner")
    if inner is not None or "=" in attrs or "_" in name or "-" in name:
        return True
    start, end = match.span()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return line.strip() == match.group(0)


def expand_shortcodes(text: str) -> str:
    """``[caption]`` and ``[gallery]`` become figures, ``[embed]`` and a URL alone on its line
    become embeds; any other shortcode becomes a note element that conversion keeps."""

    def replace(match: re.Match[str]) -> str:
        if not _is_shortcode(match, text):
            return match.group(0)
        name = match.group("name").lower()
        attrs = _attrs(match.group("attrs"))
        inner = match.group("inner") or ""
        if name in {"caption", "wp_caption"}:
            caption = attrs.get("caption", "")
            image_html = inner
            found = re.search(r"(<a[^>]*>\s*)?<img[^>]*>(\s*</a>)?", inner, re.IGNORECASE)
            if found:
                image_html = found.group(0)
                caption = caption or inner[found.end() :].strip()
            return f"\n\n<figure>{image_html}<figcaption>{caption}</figcaption></figure>\n\n"
        if name == "gallery":
            ids = [i.strip() for i in attrs.get("ids", attrs.get("include", "")).split(",")]
            figures = "".join(
                f'<figure><img data-attachment="{html.escape(i)}"></figure>'
                for i in ids
                if i.isdigit()
            )
            if figures:
                return f"\n\n{figures}\n\n"
        if name == "embed" and inner.strip():
            return f'\n\n<iframe src="{html.escape(inner.strip())}"></iframe>\n\n'
        return f"\n\n<aside data-import-note>{html.escape(match.group(0))}</aside>\n\n"

    text = _SHORTCODE.sub(replace, text)
    return _URL_LINE.sub(
        lambda m: f'\n\n<iframe src="{html.escape(m.group(1))}"></iframe>\n\n', text
    )


def prepare_wordpress(text: str) -> str:
    """A WordPress body as plain HTML: shortcodes expanded, and classic posts paragraphed."""
    text = expand_shortcodes(text)
    # Gutenberg posts are already HTML paragraphs; only classic ones need wpautop.
    return text if "<!-- wp:" in text else autop(text)


# --- Conversion -----------------------------------------------------------------------------
def plain_text(fragment: str) -> str:
    """The readable text of an HTML fragment, whitespace collapsed."""
    text = BeautifulSoup(fragment, "lxml").get_text(" ") if "<" in fragment else fragment
    return " ".join(html.unescape(text).split())


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def clean_rich_text(fragment: str) -> str:
    """Only what the body's rich text allows; scripts, styles and on* attributes go."""
    cleaned = nh3.clean(
        fragment,
        tags=RICH_TEXT_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto", PAGE_LINK_SCHEME},
        link_rel=None,
        strip_comments=True,
    )
    return re.sub(rf'<a href="{PAGE_LINK_SCHEME}:(\d+)">', r'<a linktype="page" id="\1">', cleaned)


def _embed_paragraph(url: str) -> str:
    host = urlsplit(url).hostname or ""
    label = host.removeprefix("www.") or "the original"
    escaped = html.escape(url)
    return f'<p>Embedded from {html.escape(label)}: <a href="{escaped}">{escaped}</a></p>'


def _note_paragraph(text: str) -> str:
    return f"<p><b>Imported as it was (no equivalent here; an editor should look):</b> {html.escape(text)}</p>"  # noqa: E501


class _Converter:
    def __init__(self, find_image: FindImage, rewrite_link: RewriteLink) -> None:
        self.find_image = find_image
        self.rewrite_link = rewrite_link
        self.result = Conversion()
        self.rich: list[str] = []  # rich-text pieces waiting to become one paragraph block
        self.inline: list[str] = []  # loose inline content waiting for its <p>

    # Output
    def flush_inline(self) -> None:
        joined = "".join(self.inline).strip()
        self.inline = []
        if plain_text(joined) or "<a " in joined:
            self.rich.append(f"<p>{joined}</p>")

    def flush_rich(self) -> None:
        self.flush_inline()
        if self.rich:
            from wagtail.rich_text import RichText

            cleaned = clean_rich_text("".join(self.rich))
            cleaned = re.sub(r"<p>(\s|&nbsp;|<br>)*</p>", "", cleaned)
            if cleaned.strip():
                self.result.blocks.append(("paragraph", RichText(cleaned)))
        self.rich = []

    def add_block(self, kind: str, value: Any) -> None:
        self.flush_rich()
        self.result.blocks.append((kind, value))

    def add_rich(self, fragment: str) -> None:
        self.flush_inline()
        self.rich.append(fragment)

    def note(self, text: str) -> None:
        self.result.notes.append(text)
        self.add_rich(_note_paragraph(text))

    # Input
    def prepare_links(self, node: Tag) -> None:
        for name, replacement in RENAMED_TAGS.items():
            for tag in node.find_all(name):
                tag.name = replacement
        if node.name in RENAMED_TAGS:
            node.name = RENAMED_TAGS[node.name]
        for link in [node, *node.find_all("a")]:
            if link.name == "a" and link.get("href"):
                link["href"] = self.rewrite_link(str(link["href"]))

    def walk(self, node: Tag) -> None:
        for child in list(node.children):
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if str(child).strip() or self.inline:
                    self.inline.append(html.escape(str(child), quote=False))
                continue
            if isinstance(child, Tag):
                self.element(child)

    def element(self, tag: Tag) -> None:
        name = tag.name.lower()
        if name in DROPPED_TAGS or DROPPED_CLASSES.intersection(tag.get("class", [])):
            return
        if tag.has_attr("data-import-note"):
            self.note(tag.get_text().strip())
        elif name in CONTAINER_TAGS and not self._is_embed_figure(tag):
            if name in {"span", "font"} and not tag.find(["img", "p", "div", "figure", "iframe"]):
                self.prepare_links(tag)
                self.inline.append(tag.decode_contents())
            else:
                self.walk(tag)
        elif name == "figure":
            self.figure(tag)
        elif name == "img":
            self.image(tag, caption="")
        elif name in EMBED_TAGS:
            self.embed(tag)
        elif name == "p":
            if tag.find(NOT_RICH_TEXT):
                self.walk(tag)
                self.flush_inline()
            else:
                self.prepare_links(tag)
                self.add_rich(str(tag))
        elif name in {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "hr"}:
            self.prepare_links(tag)
            self.add_rich(str(tag))
        elif name == "blockquote":
            self.quote(tag)
        elif name == "pre":
            lines = html.escape(tag.get_text()).strip().split("\n")
            self.add_rich("<p>" + "<br>".join(lines) + "</p>")
        elif name == "table":
            rows = [
                " | ".join(
                    plain_text(cell.decode_contents()) for cell in row.find_all(["td", "th"])
                )
                for row in tag.find_all("tr")
            ]
            self.note("table: " + " / ".join(row for row in rows if row))
        elif name in NOTED_TAGS:
            self.note(f"<{name}> element: {' '.join(tag.get_text(' ').split())}".strip())
        elif name in {"dl", "dt", "dd", "figcaption", "li"}:
            self.walk(tag)
            self.flush_inline()
        else:  # inline: a, b, i, strong, em, br, code, sup, sub, small, u, ...
            self.prepare_links(tag)
            self.inline.append(str(tag))

    @staticmethod
    def _is_embed_figure(tag: Tag) -> bool:
        return tag.name == "figure" and "wp-block-embed" in tag.get("class", [])

    def embed(self, tag: Tag) -> None:
        url = tag.get("src") or tag.get("data") or ""
        if not url:
            source = tag.find("source")
            url = source.get("src", "") if source else ""
        url = str(url).strip()
        if url.startswith(("http://", "https://")):
            self.add_rich(_embed_paragraph(url))
        else:
            self.note(f"<{tag.name}> embed with no usable address")

    def figure(self, tag: Tag) -> None:
        if self._is_embed_figure(tag):
            text = tag.get_text(" ").split()
            url = next((word for word in text if word.startswith(("http://", "https://"))), "")
            if url:
                self.add_rich(_embed_paragraph(url))
            else:
                self.walk(tag)
            return
        images = tag.find_all("img")
        nested = tag.find_all("figure")
        if nested or len(images) > 1:  # a gallery: one image block per picture
            for inner in nested or images:
                if inner.name == "figure":
                    self.figure(inner)
                else:
                    self.image(inner, caption="")
            return
        caption_tag = tag.find("figcaption")
        caption = " ".join(caption_tag.get_text(" ").split()) if caption_tag else ""
        if images:
            self.image(images[0], caption=caption)
        elif tag.find(EMBED_TAGS):
            self.embed(tag.find(EMBED_TAGS))
        elif tag.find("blockquote"):
            self.quote(tag.find("blockquote"))
        else:
            self.walk(tag)

    def image(self, tag: Tag, *, caption: str) -> None:
        src = str(tag.get("src") or tag.get("data-src") or "").strip()
        attachment = str(tag.get("data-attachment") or tag.get("data-id") or "")
        found = _WP_IMAGE_CLASS.search(" ".join(tag.get("class", [])))
        if found and not attachment:
            attachment = found.group(1)
        alt = " ".join(str(tag.get("alt", "")).split())
        choice = self.find_image(src, attachment)
        if choice.image is None:
            label = src or f"attachment {attachment}"
            if choice.missing_reason:
                self.result.missing_images.append(f"{label} ({choice.missing_reason})")
            if caption:
                self.add_rich(f"<p><i>{html.escape(caption)}</i></p>")
            return
        alt, caption = alt or choice.alt, caption or choice.caption
        self.add_block(
            "image",
            {"image": choice.image, "alt_text": alt[:255], "caption": shorten(caption, 500)},
        )

    def quote(self, tag: Tag) -> None:
        cite = tag.find(["cite", "footer"])
        attribution = " ".join(cite.get_text(" ").split()) if cite else ""
        if cite:
            cite.extract()
        if tag.find(["a", "ul", "ol", "img", "h2", "h3"]):
            self.prepare_links(tag)
            self.add_rich(f"<blockquote>{tag.decode_contents()}</blockquote>")
            return
        paragraphs = [" ".join(p.get_text(" ").split()) for p in tag.find_all("p")]
        text = "\n\n".join(p for p in paragraphs if p) or " ".join(tag.get_text(" ").split())
        if text:
            self.add_block(
                "quote",
                {"quote": text, "attribution": shorten(attribution.lstrip("\u2014\u2013 "), 255)},
            )


def convert(html_text: str, find_image: FindImage, rewrite_link: RewriteLink) -> Conversion:
    """The body blocks for ``html_text`` (already prepared, for WordPress), with notes on what
    was kept as-is and which images were missing."""
    soup = BeautifulSoup(html_text, "lxml")
    converter = _Converter(find_image, rewrite_link)
    converter.walk(soup.body or soup)
    converter.flush_rich()
    return converter.result


def original_image_url(url: str) -> str:
    """WordPress's resized copy (``photo-1024x768.jpg``) points back to the original."""
    return _SIZE_SUFFIX.sub("", url)

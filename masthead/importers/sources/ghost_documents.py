"""Ghost's editor documents as HTML, for posts whose export carries no rendered HTML.

Ghost 5 stores a post as Lexical editor state (``lexical``, a JSON string) and older Ghost as
mobiledoc (``mobiledoc``); exports often leave ``html`` empty. No maintained Python library
renders either, so this module does, for what the body can hold: paragraphs, headings, lists,
quotes, links, bold/italic/code and the other text formats, images and galleries with their
captions. Ghost's cards become the HTML the importer already understands (an embed becomes an
embed, a bookmark a link, an HTML or Markdown card its HTML); a card with no equivalent becomes
a note for editors (``data-import-note``), never silently lost. The HTML goes on to the same
conversion and cleaning as any imported post, so nothing here has to be trusted.
"""

from __future__ import annotations

import html
import json
from typing import Any

from markdown_it import MarkdownIt

# Lexical's text format bits, in the order the tags nest.
TEXT_FORMATS = (
    (1, "strong"),
    (2, "em"),
    (4, "s"),
    (8, "u"),
    (16, "code"),
    (32, "sub"),
    (64, "sup"),
    (128, "mark"),
)
# Cards that are Ghost's own machinery, with nothing for a reader on the web.
SILENT_CARDS = {"paywall", "email", "email-cta", "signup"}
MAX_DEPTH = 200  # nesting deeper than any editor makes: a hostile file


class DocumentError(ValueError):
    """The document is not JSON of the expected shape."""


def _escape(value: Any) -> str:
    return html.escape(str(value or ""))


def _load(document: str) -> dict[str, Any]:
    try:
        data = json.loads(document)
    except (TypeError, ValueError, RecursionError) as error:
        raise DocumentError(f"not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise DocumentError("not a JSON object")
    return data


def _note(kind: str, text: str) -> str:
    words = " ".join(str(text or "").split())
    return f"<aside data-import-note>{_escape(f'Ghost {kind} card: {words}'.strip())}</aside>"


def _figure(inner: str, caption: Any) -> str:
    caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>{inner}{caption_html}</figure>"


def _img(src: Any, alt: Any = "", title: Any = "") -> str:
    title_attr = f' title="{_escape(title)}"' if title else ""
    return f'<img src="{_escape(src)}" alt="{_escape(alt)}"{title_attr}>'


def card_html(name: str, payload: dict[str, Any]) -> str:
    """One of Ghost's cards (the same payload in Lexical and mobiledoc) as HTML."""
    caption = payload.get("caption") or ""
    if name in SILENT_CARDS:
        return ""
    if name == "image":
        if not payload.get("src"):
            return _note("image", "an image with no address")
        image = _img(payload.get("src"), payload.get("alt"), payload.get("title"))
        if payload.get("href"):
            image = f'<a href="{_escape(payload["href"])}">{image}</a>'
        return _figure(image, caption)
    if name == "gallery":
        images = [i for i in payload.get("images") or [] if isinstance(i, dict) and i.get("src")]
        inner = "".join(_figure(_img(i["src"], i.get("alt")), i.get("caption")) for i in images)
        return f"<figure>{inner}</figure>" + (f"<p>{caption}</p>" if caption else "")
    if name == "embed":
        url = str(payload.get("url") or "")
        if url.startswith(("http://", "https://")):
            return f'<iframe src="{_escape(url)}"></iframe>' + (
                f"<p>{caption}</p>" if caption else ""
            )
        return str(payload.get("html") or "") or _note("embed", "an embed with no address")
    if name == "bookmark":
        metadata = payload.get("metadata") if isinstance(payload.get("metadata"), dict) else {}
        url = _escape(payload.get("url"))
        title = _escape(metadata.get("title") or payload.get("url"))
        description = _escape(metadata.get("description"))
        return f'<p><a href="{url}">{title}</a>{f" — {description}" if description else ""}</p>' + (
            f"<p>{caption}</p>" if caption else ""
        )
    if name == "html":
        return str(payload.get("html") or "")
    if name == "markdown":
        return MarkdownIt("commonmark").render(str(payload.get("markdown") or ""))
    if name in {"code", "codeblock"}:
        code = payload.get("code") or ""
        return f"<pre><code>{_escape(code)}</code></pre>" + (f"<p>{caption}</p>" if caption else "")
    if name in {"hr", "horizontalrule"}:
        return "<hr>"
    if name == "callout":
        emoji = _escape(payload.get("calloutEmoji"))
        return f"<p>{emoji} {payload.get('calloutText') or ''}</p>"
    if name == "toggle":
        return f"<p><b>{payload.get('heading') or ''}</b></p>{payload.get('content') or ''}"
    if name == "button" and payload.get("buttonUrl"):
        url, text = _escape(payload["buttonUrl"]), _escape(payload.get("buttonText"))
        return f'<p><a href="{url}">{text or url}</a></p>'
    if name == "file" and payload.get("src"):
        label = _escape(payload.get("fileTitle") or payload.get("fileName") or payload["src"])
        return f'<p><a href="{_escape(payload["src"])}">{label}</a></p>'
    if name in {"video", "audio"} and payload.get("src"):
        return f'<{name} src="{_escape(payload["src"])}"></{name}>' + (
            f"<p>{caption}</p>" if caption else ""
        )
    if name == "header":
        heading, sub = payload.get("header") or payload.get("heading"), payload.get("subheader")
        return (f"<h2>{heading}</h2>" if heading else "") + (f"<p>{sub}</p>" if sub else "")
    text = " ".join(
        str(value)
        for key, value in payload.items()
        if key != "type" and isinstance(value, str) and len(value) < 2000
    )
    return _note(name, text)


# --- Lexical --------------------------------------------------------------------------------
def lexical_to_html(document: str) -> str:
    """A Lexical document (Ghost 5's ``lexical`` field) as HTML."""
    root = _load(document).get("root")
    if not isinstance(root, dict):
        raise DocumentError("no root node")
    return _lexical_children(root, 0)


def _lexical_children(node: dict[str, Any], depth: int) -> str:
    children = node.get("children")
    if not isinstance(children, list):
        return ""
    return "".join(_lexical(child, depth + 1) for child in children if isinstance(child, dict))


def _lexical(node: dict[str, Any], depth: int) -> str:
    if depth > MAX_DEPTH:
        raise DocumentError(f"nested more than {MAX_DEPTH} levels deep")
    kind = str(node.get("type") or "").removeprefix("extended-")
    inner = _lexical_children(node, depth)
    if kind == "text":
        return _text(node)
    if kind == "linebreak":
        return "<br>"
    if kind == "tab":
        return "\t"
    if kind == "paragraph":
        return f"<p>{inner}</p>"
    if kind == "heading":
        tag = str(node.get("tag") or "h2")
        return f"<{tag}>{inner}</{tag}>" if tag in {f"h{n}" for n in range(1, 7)} else inner
    if kind in {"quote", "aside"}:
        return f"<blockquote><p>{inner}</p></blockquote>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" or node.get("tag") == "ol" else "ul"
        return f"<{tag}>{inner}</{tag}>"
    if kind == "listitem":
        return f"<li>{inner}</li>"
    if kind in {"link", "autolink"}:
        return f'<a href="{_escape(node.get("url"))}">{inner}</a>'
    if kind in {"root", "at-link", "zwnj"}:
        return inner
    return card_html(kind, node)


def _text(node: dict[str, Any]) -> str:
    text = _escape(node.get("text"))
    bits = node.get("format") if isinstance(node.get("format"), int) else 0
    for bit, tag in TEXT_FORMATS:
        if bits & bit:
            text = f"<{tag}>{text}</{tag}>"
    return text


# --- Mobiledoc ------------------------------------------------------------------------------
def mobiledoc_to_html(document: str) -> str:
    """A mobiledoc document (Ghost 1-4's ``mobiledoc`` field) as HTML."""
    data = _load(document)
    markups = [m for m in data.get("markups") or [] if isinstance(m, list) and m]
    atoms = [a for a in data.get("atoms") or [] if isinstance(a, list) and a]
    cards = [c for c in data.get("cards") or [] if isinstance(c, list) and c]
    out = []
    for section in data.get("sections") or []:
        if not isinstance(section, list) or not section:
            continue
        kind = section[0]
        if kind == 1 and len(section) >= 3:  # markup section: [1, tag, markers]
            tag = str(section[1]).lower()
            tag = tag if tag in {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"} else "p"
            body = _markers(section[2], markups, atoms)
            out.append(f"<blockquote><p>{body}</p></blockquote>" if tag == "blockquote" else (
                f"<{tag}>{body}</{tag}>"
            ))  # fmt: skip
        elif kind == 2 and len(section) >= 2:  # image section: [2, src]
            out.append(_figure(_img(section[1]), ""))
        elif kind == 3 and len(section) >= 3:  # list section: [3, tag, [markers, ...]]
            tag = "ol" if str(section[1]).lower() == "ol" else "ul"
            items = "".join(f"<li>{_markers(item, markups, atoms)}</li>" for item in section[2])
            out.append(f"<{tag}>{items}</{tag}>")
        elif kind == 10 and len(section) >= 2:  # card section: [10, card index]
            index = section[1]
            if isinstance(index, int) and 0 <= index < len(cards):
                name, payload = cards[index][0], cards[index][1] if len(cards[index]) > 1 else {}
                out.append(card_html(str(name), payload if isinstance(payload, dict) else {}))
    return "".join(out)


def _markers(markers: Any, markups: list[list[Any]], atoms: list[list[Any]]) -> str:
    """Mobiledoc markers: [type, markups opened, how many close after, text or atom index]."""
    out, open_tags = [], []
    for marker in markers if isinstance(markers, list) else []:
        if not isinstance(marker, list) or len(marker) < 4:
            continue
        kind, opened, closed, value = marker[:4]
        for index in opened if isinstance(opened, list) else []:
            if isinstance(index, int) and 0 <= index < len(markups):
                tag, attributes = _markup(markups[index])
                out.append(f"<{tag}{attributes}>")
                open_tags.append(tag)
        if kind == 0:
            out.append(_escape(value))
        elif kind == 1 and isinstance(value, int) and 0 <= value < len(atoms):
            atom = atoms[value]
            out.append("<br>" if atom[0] == "soft-return" else _escape(atom[1:2] and atom[1]))
        for _ in range(min(closed if isinstance(closed, int) else 0, len(open_tags))):
            out.append(f"</{open_tags.pop()}>")
    out.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(out)


def _markup(markup: list[Any]) -> tuple[str, str]:
    tag = str(markup[0]).lower()
    if tag not in {"a", "b", "strong", "i", "em", "u", "s", "code", "sub", "sup"}:
        return "span", ""
    attributes = markup[1] if len(markup) > 1 and isinstance(markup[1], list) else []
    pairs = dict(zip(attributes[::2], attributes[1::2], strict=False))
    if tag == "a" and pairs.get("href"):
        return "a", f' href="{_escape(pairs["href"])}"'
    return tag, ""

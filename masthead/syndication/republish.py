"""Ready-to-paste HTML and plain text of an article, for other sites to republish.

Built from the same :class:`~masthead.news.reader_articles.ReaderArticle` as the article's
page, so it can never carry text a reader of the page could not see. Only common tags
survive (:data:`ALLOWED_TAGS`), every link and image is absolute, each image travels with its
own credit or is left out with a note, and the attribution line links to the original with
``rel="license"`` markup for the licence. The result goes through nh3 before anyone sees it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from masthead.news.attribution import attribution_for, byline_names
from masthead.server.base_url import absolute_url

from .models import SyndicationSettings
from .queries import RepublishingPolicy, travelling_images

if TYPE_CHECKING:
    from masthead.news.models import CreditedImage
    from masthead.news.reader_articles import ReaderArticle

# Wide enough for any column, small enough not to weigh down a republisher's page.
RENDITION = "max-1200x1200"
ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "p", "br", "hr", "a", "em", "strong", "b", "i", "s", "sup", "sub",
    "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "time",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "rel"},
    # referrerpolicy: the view counter needs the republisher's page, not just its origin.
    "img": {"src", "alt", "width", "height", "referrerpolicy"},
    "time": {"datetime"},
}
URL_ATTRIBUTES = (("a", "href"), ("img", "src"))


@dataclass(frozen=True)
class TravellingImage:
    src: str
    width: int
    height: int
    alt: str
    caption: str
    credit: str


@dataclass(frozen=True)
class RepublishPackage:
    """What a republisher copies: the article's HTML, its plain text and the tag for their
    page's ``<head>``."""

    html: str
    text: str
    head_html: str
    canonical_url: str
    left_out_images: int


def build_package(
    article: ReaderArticle,
    policy: RepublishingPolicy,
    site_settings: SyndicationSettings,
    request: HttpRequest,
) -> RepublishPackage:
    attribution = attribution_for(article, request)
    images = _body_images(article)
    if article.image is not None:
        images.append(article.image)
    travelling = travelling_images(images, site_settings)
    left_out = [0]

    def picture(image: CreditedImage | None, alt: str, caption: str) -> TravellingImage | None:
        if image is None:
            return None
        if image.pk not in travelling:
            left_out[0] += 1
            return None
        rendition = image.get_rendition(RENDITION)
        return TravellingImage(
            src=absolute_url(rendition.url),
            width=rendition.width,
            height=rendition.height,
            alt=alt,
            caption=caption,
            credit=image.credit,
        )

    blocks = []
    for block in article.body or []:
        if block.block_type == "image":
            value = block.value
            blocks.append(
                {
                    "type": "image",
                    "image": picture(value["image"], value["alt_text"], value["caption"]),
                    "credit": value["image"].credit if value["image"] else "",
                }
            )
        else:
            blocks.append({"type": block.block_type, "block": block})
    lead_image = picture(
        article.image, article.image_alt or article.headline, article.image_caption
    )
    canonical = article.originally_published_at or article.full_url
    raw = render_to_string(
        "syndication/republished_article.html",
        {
            "article": article,
            "byline": byline_names(article),
            "lead_image": lead_image,
            "lead_left_out": article.image is not None and lead_image is None,
            "blocks": blocks,
            "attribution": attribution,
            "licence_html": licence_sentence(policy, request),
            "view_counter_url": absolute_url(reverse("syndication:view_counter", args=[article.id]))
            if site_settings.count_republished_views
            else "",
        },
        request=request,
    )
    html = sanitise(absolutize(raw, article.full_url))
    return RepublishPackage(
        html=html,
        text=plain_text(html),
        # Plain text, not safe HTML: it is shown as code to copy, escaped like the article.
        head_html=f'<link rel="canonical" href="{escape(canonical)}">',
        canonical_url=canonical,
        left_out_images=left_out[0],
    )


def licence_sentence(policy: RepublishingPolicy, request: HttpRequest) -> SafeString:
    """'Licensed under <a rel="license">CC BY-ND 4.0</a>.' or the policy page's link."""
    licence = policy.licence
    if licence is not None:
        link = format_html(
            '<a rel="license" href="{}">{}</a>', licence.deed_url, licence.short_name
        )
        return _sentence_with_link(_("This article is licensed under %(licence)s."), link)
    link = format_html(
        '<a rel="license" href="{}">{}</a>',
        absolute_url(reverse("syndication:policy")),
        _("the publication's republishing policy"),
    )
    return _sentence_with_link(_("It is republished under %(licence)s."), link)


def _sentence_with_link(sentence: str, link: SafeString) -> SafeString:
    # The translated sentence is escaped before the (already safe) link goes into it.
    return mark_safe(conditional_escape(sentence) % {"licence": link})  # noqa: S308


def _body_images(article: ReaderArticle) -> list[CreditedImage]:
    return [
        block.value["image"]
        for block in article.body or []
        if block.block_type == "image" and block.value["image"] is not None
    ]


def absolutize(html: str, base_url: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag, attribute in URL_ATTRIBUTES:
        for element in soup.find_all(tag):
            if element.get(attribute):
                element[attribute] = urljoin(base_url, element[attribute])
    return str(soup)


def sanitise(html: str) -> str:
    """Only common tags and attributes; links keep ``rel="license"``; no script, no style."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )
    return "\n".join(line.strip() for line in cleaned.splitlines() if line.strip())


def problems(html: str) -> list[str]:
    """What would make ``html`` unfit to paste elsewhere: unknown tags, relative URLs."""
    found = []
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        if element.name not in ALLOWED_TAGS:
            found.append(f"<{element.name}> is not a common tag")
    for tag, attribute in URL_ATTRIBUTES:
        for element in soup.find_all(tag):
            url = element.get(attribute, "")
            parts = urlsplit(url)
            if parts.scheme not in {"http", "https", "mailto"} or (
                parts.scheme != "mailto" and not parts.netloc
            ):
                found.append(f"<{tag} {attribute}={url!r}> is not an absolute URL")
    for image in soup.find_all("img"):
        if not image.get("alt") and image.get("alt") != "":
            found.append(f"<img src={image.get('src')!r}> has no alt text")
    return found


# --- Plain text ----------------------------------------------------------------------------
def plain_text(html: str) -> str:
    """The same article as plain text: paragraphs apart, links as 'text (URL)'."""
    soup = BeautifulSoup(html, "html.parser")
    paragraphs = [text for element in soup.children if (text := _block_text(element))]
    return "\n\n".join(paragraphs) + "\n"


def _block_text(element: Any) -> str:
    if isinstance(element, NavigableString):
        return element.strip()
    if not isinstance(element, Tag):
        return ""
    if element.name == "h1":
        title = _inline_text(element)
        return f"{title}\n{'=' * len(title)}"
    if element.name in {"h2", "h3", "h4"}:
        title = _inline_text(element)
        return f"{title}\n{'-' * len(title)}"
    if element.name in {"ul", "ol"}:
        items = element.find_all("li", recursive=False)
        marks = [f"{n}." for n in range(1, len(items) + 1)] if element.name == "ol" else None
        return "\n".join(
            f"{marks[i] if marks else '-'} {_inline_text(item)}" for i, item in enumerate(items)
        )
    if element.name == "blockquote":
        return "\n".join(f"> {line}" for line in _inline_text(element).splitlines() if line)
    if element.name == "figure":
        image = element.find("img")
        caption = element.find("figcaption")
        lines = []
        if image is not None:
            lines.append(f"[{_('Image')}: {image.get('alt', '')}] {image['src']}")
        if caption is not None:
            lines.append(_inline_text(caption))
        return "\n".join(lines)
    if element.name == "hr":
        return "* * *"
    return _inline_text(element)


def _inline_text(element: Tag) -> str:
    parts: list[str] = []
    for node in element.descendants:
        if isinstance(node, NavigableString):
            if node.find_parent("a") is not None:
                continue
            parts.append(str(node))
        elif node.name == "a":
            text = node.get_text()
            href = node.get("href", "")
            parts.append(text if not href or text == href else f"{text} ({href})")
        elif node.name == "br" or (node.name in {"p", "li"} and parts):
            parts.append("\n")
    lines = [" ".join(line.split()) for line in "".join(parts).splitlines()]
    return "\n".join(line for line in lines if line)

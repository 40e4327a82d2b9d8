"""Read the demo publication's content from its data files under ``demo/content/``.

The prose lives in files an editor can read: one Markdown file per article with YAML front matter
(``articles/NN-<slug>.md``, created in the order of ``NN``) and YAML for the publication, its
authors, regions, themes and reports. An article is either ``published`` some days before the load
or ``scheduled`` to go live some minutes after it (a draft that ``masthead clock`` publishes).
What this guarantees: a file that is malformed, misses a field or names an author, region, theme
or report that does not exist stops the load with a :class:`DemoContentError` naming the file,
before anything is written to the database.

An article's body becomes StreamField blocks: each section that opens with a ``##`` heading is one
rich-text block, each paragraph before the first heading is a block of its own, and a block quote
whose last paragraph starts with "— " is a quote block with that line as its attribution.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

CONTENT_DIR = Path(__file__).with_name("content")
ATTRIBUTION_DASH = "— "

AUTHOR_FIELDS = {
    "required": {"slug", "name", "bio", "photo_colour"},
    "optional": {"website_url", "mastodon_url"},
}
TAXONOMY_FIELDS = {"required": {"slug", "title", "description"}, "optional": set()}
REPORT_FIELDS = {"required": {"slug", "title", "introduction", "image_colour"}, "optional": set()}
PUBLICATION_FIELDS = {
    "required": {
        "name",
        "tagline",
        "copyright_holder",
        "republishing_note",
        "disclaimer",
        "article_footer_note",
        "media_inquiries_email",
        "syndication",
    },
    "optional": {"mastodon_url", "bluesky_url"},
}
SYNDICATION_FIELDS = {
    "required": {"default_policy", "permissions_email", "images_that_stay_home_credited"},
    "optional": set(),
}
ARTICLE_FIELDS = {
    "required": {
        "slug",
        "title",
        "standfirst",
        "authors",
        "regions",
        "themes",
        "image",
    },
    "optional": {
        "published",
        "scheduled",
        "reports",
        "newsletter",
        "members_only",
        "behind_page_password",
        "republishing",
        "originally_published_at",
    },
}
PUBLISHED_FIELDS = {"required": {"days_ago", "hour"}, "optional": set()}
SCHEDULED_FIELDS = {"required": {"minutes_after_load"}, "optional": set()}
IMAGE_FIELDS = {
    "required": {"title", "alt", "caption", "credit", "colours"},
    "optional": {"credit_url"},
}
REPUBLISHING_FIELDS = {"required": {"policy", "note"}, "optional": set()}


class DemoContentError(ValueError):
    """A demo data file is malformed or names something that does not exist."""


@dataclass(frozen=True)
class DemoContent:
    """Everything the demo loader makes pages and settings from, as plain dicts and lists."""

    publication: dict[str, Any]
    authors: list[dict[str, Any]]
    regions: list[dict[str, Any]]
    themes: list[dict[str, Any]]
    reports: list[dict[str, Any]]
    # Every article in file order; those behind a page password and those scheduled are
    # loaded last, apart.
    articles: list[dict[str, Any]]

    @property
    def listed_articles(self) -> list[dict[str, Any]]:
        """The articles published at load time, which every reader can find."""
        return [
            spec
            for spec in self.articles
            if not spec["behind_page_password"] and not spec["scheduled"]
        ]

    @property
    def password_protected_articles(self) -> list[dict[str, Any]]:
        return [spec for spec in self.articles if spec["behind_page_password"]]

    @property
    def scheduled_articles(self) -> list[dict[str, Any]]:
        """Drafts scheduled to go live a few minutes after the load, for the clock to publish."""
        return [spec for spec in self.articles if spec["scheduled"]]

    @property
    def syndication(self) -> dict[str, Any]:
        """The site's republishing settings with each article's own policy, by slug."""
        return {
            **self.publication["syndication"],
            "article_policies": {
                spec["slug"]: (spec["republishing"]["policy"], spec["republishing"]["note"])
                for spec in self.articles
                if spec["republishing"]
            },
        }


@cache
def demo_content(folder: Path = CONTENT_DIR) -> DemoContent:
    """Read and check every data file in ``folder`` (read once per process)."""
    path = folder / "publication.yaml"
    publication = _checked(_read_yaml(path), PUBLICATION_FIELDS, str(path))
    _checked(publication["syndication"], SYNDICATION_FIELDS, f"{path}: syndication")
    for field in ("republishing_note", "disclaimer", "article_footer_note"):
        publication[field] = markdown_html(publication[field])
    authors = _read_list(folder / "authors.yaml", AUTHOR_FIELDS)
    regions = _read_list(folder / "regions.yaml", TAXONOMY_FIELDS)
    themes = _read_list(folder / "themes.yaml", TAXONOMY_FIELDS)
    reports = _read_list(folder / "reports.yaml", REPORT_FIELDS)
    known = {
        "authors": {spec["slug"] for spec in authors},
        "regions": {spec["slug"] for spec in regions},
        "themes": {spec["slug"] for spec in themes},
        "reports": {spec["slug"] for spec in reports},
    }
    articles = [read_article(path, known) for path in sorted((folder / "articles").glob("*.md"))]
    slugs = [spec["slug"] for spec in articles]
    if len(set(slugs)) != len(slugs):
        twice = sorted({slug for slug in slugs if slugs.count(slug) > 1})
        raise DemoContentError(f"{folder / 'articles'}: more than one article has slug {twice}")
    return DemoContent(publication, authors, regions, themes, reports, articles)


def read_article(path: Path, known: dict[str, set[str]]) -> dict[str, Any]:
    """One article file as the loader's spec; ``known`` holds the slugs it may name."""
    try:
        post = frontmatter.load(path)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DemoContentError(f"{path}: the front matter is not valid YAML ({exc})") from exc
    spec = _checked(dict(post.metadata), ARTICLE_FIELDS, str(path))
    if ("published" in spec) == ("scheduled" in spec):
        raise DemoContentError(
            f"{path}: give either published (days_ago, hour) or scheduled (minutes_after_load)"
        )
    if "published" in spec:
        _checked(spec["published"], PUBLISHED_FIELDS, f"{path}: published")
    else:
        _checked(spec["scheduled"], SCHEDULED_FIELDS, f"{path}: scheduled")
        if spec.get("behind_page_password"):
            raise DemoContentError(
                f"{path}: a scheduled article can't also be behind a page password"
            )
    _checked(spec["image"], IMAGE_FIELDS, f"{path}: image")
    if spec.get("republishing"):
        _checked(spec["republishing"], REPUBLISHING_FIELDS, f"{path}: republishing")
    if not path.stem.endswith(spec["slug"]):
        raise DemoContentError(f"{path}: the file name should end with its slug {spec['slug']!r}")
    for kind, slugs in known.items():
        missing = [slug for slug in spec.get(kind, []) if slug not in slugs]
        if missing:
            raise DemoContentError(
                f"{path}: {kind} {missing} not found; known {kind}: {sorted(slugs)}"
            )
    spec.setdefault("reports", [])
    for flag in ("newsletter", "members_only", "behind_page_password"):
        spec.setdefault(flag, False)
    spec.setdefault("published", None)
    spec.setdefault("scheduled", None)
    spec.setdefault("republishing", None)
    spec.setdefault("originally_published_at", "")
    spec["image"].setdefault("credit_url", "")
    spec["body"] = body_blocks(post.content)
    if not spec["body"]:
        raise DemoContentError(f"{path}: the article has no body")
    return spec


# --- Markdown ---------------------------------------------------------------------------------
@cache
def _markdown() -> MarkdownIt:
    """CommonMark without raw HTML, writing the tags Wagtail's rich text editor writes."""
    md = MarkdownIt("commonmark", {"html": False})
    for name, tag in (("strong", "b"), ("em", "i")):
        md.add_render_rule(f"{name}_open", lambda *_args, tag=tag: f"<{tag}>")
        md.add_render_rule(f"{name}_close", lambda *_args, tag=tag: f"</{tag}>")
    # A line wrapped in the file is a space in the text, not a newline in the stored HTML.
    md.add_render_rule("softbreak", lambda *_args: " ")
    return md


def _render(tokens: list[Token]) -> str:
    md = _markdown()
    # Markdown-it ends each block tag with a newline; rich text stores none between them.
    return md.renderer.render(tokens, md.options, {}).replace(">\n", ">").strip()


def markdown_html(text: str) -> str:
    """Markdown as the HTML a rich-text field stores."""
    return _render(_markdown().parse(text))


def body_blocks(text: str) -> list[tuple[str, Any]]:
    """An article's Markdown body as StreamField blocks: ``("paragraph", html)`` and
    ``("quote", {"quote": ..., "attribution": ...})``."""
    blocks: list[tuple[str, Any]] = []
    section: list[Token] | None = None  # the open block that began with a heading
    for node in _top_level(_markdown().parse(text)):
        if node[0].type == "blockquote_open":
            section = None
            blocks.append(("quote", _quote(node)))
        elif node[0].type == "heading_open":
            section = list(node)
            blocks.append(("paragraph", section))
        elif section is not None:
            section.extend(node)
        else:
            blocks.append(("paragraph", list(node)))
    return [(kind, _render(value) if kind == "paragraph" else value) for kind, value in blocks]


def _top_level(tokens: list[Token]) -> list[list[Token]]:
    """Split the token stream into its top-level blocks (a heading, a paragraph, a list …)."""
    nodes: list[list[Token]] = []
    for token in tokens:
        if token.level == 0 and token.nesting >= 0:
            nodes.append([token])
        else:
            nodes[-1].append(token)
    return nodes


def _quote(tokens: list[Token]) -> dict[str, str]:
    paragraphs = [token.content.replace("\n", " ") for token in tokens if token.type == "inline"]
    attribution = ""
    if paragraphs and paragraphs[-1].startswith(ATTRIBUTION_DASH):
        attribution = paragraphs.pop().removeprefix(ATTRIBUTION_DASH)
    return {"quote": "\n\n".join(paragraphs), "attribution": attribution}


# --- YAML -------------------------------------------------------------------------------------
def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DemoContentError(f"{path}: could not be read as YAML ({exc})") from exc


def _read_list(path: Path, fields: dict[str, set[str]]) -> list[dict[str, Any]]:
    items = _read_yaml(path)
    if not isinstance(items, list):
        raise DemoContentError(f"{path}: should be a list of entries")
    checked = [_checked(item, fields, f"{path}: entry {n + 1}") for n, item in enumerate(items)]
    slugs = [item["slug"] for item in checked]
    if len(set(slugs)) != len(slugs):
        raise DemoContentError(f"{path}: a slug appears more than once")
    return checked


def _checked(item: Any, fields: dict[str, set[str]], where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise DemoContentError(f"{where}: should be a mapping of field names to values")
    missing = sorted(fields["required"] - item.keys())
    if missing:
        raise DemoContentError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(item.keys() - fields["required"] - fields["optional"])
    if unknown:
        allowed = sorted(fields["required"] | fields["optional"])
        raise DemoContentError(f"{where}: unknown {', '.join(unknown)} (allowed: {allowed})")
    return item

"""Ghost posts that come as Lexical (Ghost 5) or mobiledoc (Ghost 1-4) with no HTML: rendered,
then imported like any other post; cards with no equivalent kept as notes, never lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from masthead.importers.sources.ghost_documents import (
    DocumentError,
    lexical_to_html,
    mobiledoc_to_html,
)
from masthead.news.models import ArticlePage

from .conftest import run


def text(value: str, format_bits: int = 0) -> dict[str, Any]:
    return {"type": "extended-text", "text": value, "format": format_bits, "version": 1}


def node(kind: str, *children: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"type": kind, "children": list(children), "version": 1, **fields}


LEXICAL = {
    "root": node(
        "root",
        node(
            "paragraph",
            text("Tide "),
            text("tables", 1),
            text(" and ", 0),
            text("surge", 2),
            text(" with "),
            text("code()", 16),
            {"type": "linebreak", "version": 1},
            node("link", text("the harbour office"), url="https://harbour.example/office"),
            node("link", text("bad link"), url="javascript:alert(1)"),
            text(" <script>alert('x')</script>"),
        ),
        node("extended-heading", text("What changes"), tag="h2"),
        node(
            "list",
            node("listitem", text("Earlier ferries")),
            node("listitem", text("Later buses"), node("list", node("listitem", text("Nested")))),
            listType="number",
            tag="ol",
        ),
        node("extended-quote", text("The sea decides.")),
        {
            "type": "image",
            "src": "https://tide.example/content/images/2024/06/quay.jpg",
            "alt": "The quay at dawn",
            "caption": "<span>Dawn on the <b>quay</b></span>",
            "version": 1,
        },
        {
            "type": "gallery",
            "images": [
                {"src": "https://tide.example/content/images/a.jpg", "alt": "A", "caption": ""},
                {"src": "https://tide.example/content/images/b.jpg", "alt": "B", "caption": ""},
            ],
            "caption": "Two boats",
            "version": 1,
        },
        {
            "type": "embed",
            "url": "https://www.youtube.com/watch?v=tide42",
            "html": "<iframe src='https://www.youtube.com/embed/tide42'></iframe>",
            "caption": "The storm on video",
            "version": 1,
        },
        {
            "type": "bookmark",
            "url": "https://coast.example/report",
            "metadata": {"title": "Coast report", "description": "Every beach, measured."},
            "version": 1,
        },
        {"type": "html", "html": "<p>Raw <em>HTML</em> card</p><script>steal()</script>"},
        {"type": "markdown", "markdown": "A **markdown** card."},
        {"type": "codeblock", "code": "if tide > 3:\n    close()", "language": "python"},
        {"type": "horizontalrule", "version": 1},
        {"type": "paywall", "version": 1},
        {"type": "product", "productTitle": "Tide almanac", "productDescription": "Printed"},
        {"type": "callout", "calloutText": "Roads may flood.", "calloutEmoji": "⚠️"},
    )
}

MOBILEDOC = {
    "version": "0.3.1",
    "atoms": [["soft-return", "", {}]],
    "markups": [["b"], ["a", ["href", "https://harbour.example/old"]], ["em"]],
    "cards": [
        ["image", {"src": "https://tide.example/content/images/old.jpg", "caption": "Old quay"}],
        ["hr", {}],
        ["unknown-widget", {"title": "Poll: best beach"}],
    ],
    "sections": [
        [1, "p", [[0, [], 0, "Before "], [0, [0], 1, "bold"], [1, [], 0, 0], [0, [1], 1, "link"]]],
        [1, "h2", [[0, [2], 1, "Old heading"]]],
        [3, "ul", [[[0, [], 0, "one"]], [[0, [], 0, "two"]]]],
        [10, 0],
        [10, 1],
        [10, 2],
        [1, "blockquote", [[0, [], 0, "Quoted"]]],
    ],
}


def test_lexical_renders_text_formats_blocks_and_cards() -> None:
    html = lexical_to_html(json.dumps(LEXICAL))
    assert "<p>Tide <strong>tables</strong> and <em>surge</em> with <code>code()</code><br>" in html
    assert '<a href="https://harbour.example/office">the harbour office</a>' in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html  # text stays text
    assert "<h2>What changes</h2>" in html
    assert "<ol><li>Earlier ferries</li><li>Later buses<ul><li>Nested</li></ul></li></ol>" in html
    assert "<blockquote><p>The sea decides.</p></blockquote>" in html
    assert (
        '<img src="https://tide.example/content/images/2024/06/quay.jpg" alt="The quay at dawn">'
        in (html)
    )
    assert "<figcaption><span>Dawn on the <b>quay</b></span></figcaption>" in html
    assert '<iframe src="https://www.youtube.com/watch?v=tide42"></iframe>' in html
    assert (
        '<a href="https://coast.example/report">Coast report</a> — Every beach, measured.' in html
    )
    assert "<strong>markdown</strong>" in html
    assert "<pre><code>if tide &gt; 3:\n    close()</code></pre>" in html
    assert "<hr>" in html and "paywall" not in html
    assert "<aside data-import-note>Ghost product card: Tide almanac Printed</aside>" in html


def test_mobiledoc_renders_sections_markups_atoms_and_cards() -> None:
    html = mobiledoc_to_html(json.dumps(MOBILEDOC))
    assert '<p>Before <b>bold</b><br><a href="https://harbour.example/old">link</a></p>' in html
    assert "<h2><em>Old heading</em></h2>" in html
    assert "<ul><li>one</li><li>two</li></ul>" in html
    assert "<figcaption>Old quay</figcaption>" in html and "<hr>" in html
    assert "Ghost unknown-widget card: Poll: best beach" in html
    assert "<blockquote><p>Quoted</p></blockquote>" in html


@pytest.mark.parametrize(
    "document",
    ["{not json", "[]", '{"root": 3}', "[" * 100_000 + "]" * 100_000],
)
def test_a_broken_lexical_document_is_an_error_not_a_crash(document: str) -> None:
    with pytest.raises(DocumentError):
        lexical_to_html(document)


def test_deep_nesting_is_refused() -> None:
    deep: dict[str, Any] = text("bottom")
    for _ in range(300):
        deep = node("paragraph", deep)
    with pytest.raises(DocumentError, match="nested"):
        lexical_to_html(json.dumps({"root": node("root", deep)}))


def ghost_export(path: Path) -> Path:
    """A Ghost 5 export whose posts have no HTML: one Lexical, one mobiledoc, one neither,
    one with a broken document."""
    posts = [
        {"id": "l1", "title": "Tide tables", "slug": "tide-tables", "lexical": json.dumps(LEXICAL)},
        {"id": "m1", "title": "Old quay", "slug": "old-quay", "mobiledoc": json.dumps(MOBILEDOC)},
        {"id": "n1", "title": "Nothing here", "slug": "nothing-here"},
        {"id": "b1", "title": "Broken", "slug": "broken", "lexical": '{"root": '},
    ]
    for post in posts:
        post.update(
            {
                "uuid": f"uuid-{post['id']}",
                "type": "post",
                "status": "published",
                "visibility": "public",
                "html": None,
                "published_at": "2024-06-01T08:00:00.000Z",
            }
        )
    document = {
        "db": [
            {
                "meta": {"version": "5.90.0"},
                "data": {
                    "settings": [{"key": "title", "value": "Tide Notes"}],
                    "users": [{"id": "u1", "name": "Ines Carvalho", "slug": "ines"}],
                    "posts": posts,
                    "posts_authors": [
                        {"post_id": p["id"], "author_id": "u1", "sort_order": 0} for p in posts
                    ],
                },
            }
        ]
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_ghost_5_posts_without_html_are_imported_from_their_documents(
    client: Any, site: Any, tmp_path: Path
) -> None:
    export = ghost_export(tmp_path / "ghost5.json")
    summary = run("import-ghost", str(export), "--site-url", "https://tide.example")

    assert "Created: 2 articles, 1 authors." in summary
    assert "post n1 “Nothing here”: the export has no HTML, Lexical or mobiledoc for it" in summary
    assert "post b1 “Broken”: its editor document can't be read: not valid JSON" in summary
    assert "Ghost product card: Tide almanac Printed" in summary  # a note for editors
    assert "Ghost unknown-widget card: Poll: best beach" in summary

    tide = ArticlePage.objects.get(slug="tide-tables")
    kinds = [block.block_type for block in tide.body]
    assert kinds.count("image") == 0  # no uploads: the images are listed missing, not fatal
    assert "quay.jpg" in summary
    page = client.get(tide.url).content.decode()
    for expected in (
        "<b>tables</b>",
        "<i>surge</i>",
        "with code()",  # the body has no code format: the words stay
        'href="https://harbour.example/office"',
        "<h2>What changes</h2>",
        "<li>Earlier ferries</li>",
        "The sea decides.",
        "Dawn on the quay",
        "Two boats",
        'href="https://www.youtube.com/watch?v=tide42"',
        'href="https://coast.example/report"',
        "Raw <i>HTML</i> card",
        "<b>markdown</b>",
        "Roads may flood.",
        "Imported as it was",
    ):
        assert expected in page, expected
    for hostile in ("javascript:", "steal()", "<script>alert"):
        assert hostile not in page, hostile

    quay = client.get(ArticlePage.objects.get(slug="old-quay").url).content.decode()
    assert "<b>bold</b>" in quay and 'href="https://harbour.example/old"' in quay
    assert "Old heading" in quay and "<li>two</li>" in quay and "Quoted" in quay

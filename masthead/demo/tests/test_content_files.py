"""The demo's data files: every one parses, names only what exists, and a broken one is named."""

import shutil
from pathlib import Path

import pytest

from masthead.demo.content_files import (
    CONTENT_DIR,
    DemoContentError,
    body_blocks,
    demo_content,
    markdown_html,
)


def test_every_shipped_data_file_is_read_and_names_only_what_exists():
    content = demo_content()
    read = {CONTENT_DIR / name for name in ("publication.yaml", "authors.yaml")}
    read |= {CONTENT_DIR / f"{kind}.yaml" for kind in ("regions", "themes", "reports")}
    articles = sorted((CONTENT_DIR / "articles").glob("*.md"))
    # A file the loader would skip (a typo in its extension, say) is a missing article.
    assert {path for path in CONTENT_DIR.rglob("*") if path.is_file()} == read | set(articles)
    assert len(content.articles) == len(articles) == 32
    known = {
        kind: {spec["slug"] for spec in getattr(content, kind)}
        for kind in ("authors", "regions", "themes", "reports")
    }
    for spec in content.articles:
        for kind, slugs in known.items():
            assert set(spec[kind]) <= slugs, (spec["slug"], kind)
        assert spec["authors"] and spec["regions"] and spec["themes"], spec["slug"]
        assert spec["body"] and spec["image"]["alt"], spec["slug"]
    assert [spec["slug"] for spec in content.password_protected_articles] == [
        "embargoed-budget-briefing"
    ]
    assert [spec["slug"] for spec in content.scheduled_articles] == [
        "cocoa-prices-and-west-african-farmers"
    ]
    assert len(content.listed_articles) == 30
    assert sum(spec["members_only"] for spec in content.articles) == 2
    assert set(content.syndication["article_policies"]) == {
        "export-controls-and-allies",
        "what-open-source-investigators-can-prove",
    }


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "replacement", "named"),
    [
        (
            "authors: [johanna-lindqvist]",
            "authors: [johanna-lindqvist, nobody]",
            "authors ['nobody']",
        ),
        ("regions: [europe]", "regions: [atlantis]", "regions ['atlantis']"),
        ("themes: [energy, security]", "themes: [energy, gossip]", "themes ['gossip']"),
        (
            "reports: [ukraine-reconstruction]",
            "reports: [no-such-report]",
            "reports ['no-such-report']",
        ),
    ],
)
def test_an_article_naming_a_missing_author_or_taxonomy_stops_the_load_naming_the_file(
    content_copy, line, replacement, named
):
    article = content_copy / "articles" / "01-ukraine-grid-rebuilt-in-smaller-pieces.md"
    _edit(article, line, replacement)
    with pytest.raises(DemoContentError) as error:
        demo_content(content_copy)
    assert str(article) in str(error.value)
    assert named in str(error.value)


def test_a_missing_field_a_stray_field_and_bad_yaml_are_named_with_their_file(content_copy):
    article = content_copy / "articles" / "02-sahel-alliance-tests-west-african-institutions.md"
    _edit(article, "standfirst:", "standfrist:")
    with pytest.raises(DemoContentError, match="missing standfirst") as error:
        demo_content(content_copy)
    assert str(article) in str(error.value) and "unknown" not in str(error.value)

    _edit(article, "standfrist:", "standfirst:")
    _edit(article, "newsletter: true", "newsletter: true\nsponsored: true")
    with pytest.raises(DemoContentError, match="unknown sponsored") as error:
        demo_content(content_copy)
    assert str(article) in str(error.value)

    authors = content_copy / "authors.yaml"
    _edit(authors, "- slug: amara-okafor", "- slug: [amara-okafor")
    with pytest.raises(DemoContentError, match="could not be read as YAML") as error:
        demo_content(content_copy)
    assert str(authors) in str(error.value)


def test_an_article_is_either_published_or_scheduled_not_both_nor_neither(content_copy):
    article = content_copy / "articles" / "04-gulf-solar-bets-on-hydrogen-exports.md"
    _edit(article, "published:", "scheduled:\n  minutes_after_load: 5\npublished:")
    with pytest.raises(DemoContentError, match=r"either published .* or scheduled") as error:
        demo_content(content_copy)
    assert str(article) in str(error.value)

    _edit(article, "published:\n  days_ago: 1\n  hour: 8\n", "")
    _edit(article, "newsletter: true", "behind_page_password: true")
    with pytest.raises(DemoContentError, match="can't also be behind a page password"):
        demo_content(content_copy)
    _edit(article, "behind_page_password: true", "newsletter: true")

    _edit(article, "minutes_after_load: 5", "minutes_after_lunch: 5")
    with pytest.raises(DemoContentError, match="scheduled: missing minutes_after_load"):
        demo_content(content_copy)

    _edit(article, "scheduled:\n  minutes_after_lunch: 5\n", "")
    with pytest.raises(DemoContentError, match=r"either published .* or scheduled"):
        demo_content(content_copy)


def test_a_file_whose_name_disagrees_with_its_slug_is_refused(content_copy):
    article = content_copy / "articles" / "03-asia-chip-subsidies-same-bottlenecks.md"
    article.rename(content_copy / "articles" / "03-chips.md")
    with pytest.raises(DemoContentError, match="should end with its slug"):
        demo_content(content_copy)


def test_a_body_becomes_the_blocks_an_editor_would_make():
    body = body_blocks(
        "A first paragraph with **bold** and *italic*,\nwrapped in the file.\n\n"
        "A second, on its own.\n\n"
        "## A section\n\nIts text, with [a link](https://example.org/a?b=c).\n\n"
        "- one point\n- another\n\nAnd more.\n\n"
        "> Said once.\n>\n> — Someone, somewhere\n\n"
        "## After the quote\n\nThe end.\n"
    )
    assert body == [
        (
            "paragraph",
            "<p>A first paragraph with <b>bold</b> and <i>italic</i>, wrapped in the file.</p>",
        ),
        ("paragraph", "<p>A second, on its own.</p>"),
        (
            "paragraph",
            "<h2>A section</h2>"
            '<p>Its text, with <a href="https://example.org/a?b=c">a link</a>.</p>'
            "<ul><li>one point</li><li>another</li></ul><p>And more.</p>",
        ),
        ("quote", {"quote": "Said once.", "attribution": "Someone, somewhere"}),
        ("paragraph", "<h2>After the quote</h2><p>The end.</p>"),
    ]


def test_markdown_cannot_smuggle_raw_html_into_the_stored_rich_text():
    assert markdown_html("Hello <script>alert(1)</script> & bye") == (
        "<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; bye</p>"
    )

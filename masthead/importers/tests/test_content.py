"""Post HTML into body blocks, tested alone: no database, images and links by stand-in rules."""

from __future__ import annotations

from typing import Any

from masthead.importers.content import (
    ImageChoice,
    autop,
    clean_rich_text,
    convert,
    expand_shortcodes,
    prepare_wordpress,
)

PICTURE = object()


def find_image(src: str, attachment: str) -> ImageChoice:
    if "missing" in src:
        return ImageChoice(None, "not found")
    return ImageChoice(PICTURE, alt="library alt", caption="library caption")


def blocks(html: str, *, wordpress: bool = True) -> list[tuple[str, Any]]:
    prepared = prepare_wordpress(html) if wordpress else html
    result = convert(prepared, find_image, lambda href: href)
    return [(kind, getattr(value, "source", value)) for kind, value in result.blocks]


def test_autop_makes_paragraphs_and_line_breaks_but_leaves_blocks_and_pre_alone() -> None:
    text = "One\ntwo\n\nThree\n<ul>\n<li>item</li>\n</ul>\n<pre>a\n\nb</pre>"
    html = autop(text)
    assert "<p>One<br>\ntwo</p>" in html
    assert "<p>Three</p>" in html
    assert "<li>item" in html and "<p><li>" not in html
    assert "<pre>a\n\nb</pre>" in html


def test_gutenberg_posts_are_not_paragraphed_again() -> None:
    gutenberg = "<!-- wp:paragraph -->\n<p>One\ntwo</p>\n<!-- /wp:paragraph -->"
    assert blocks(gutenberg) == [("paragraph", "<p>One\ntwo</p>")]


def test_caption_shortcode_becomes_an_image_block_with_its_caption() -> None:
    html = (
        '[caption id="attachment_5" width="300"]<img src="/a.jpg" alt="Alt"> The caption[/caption]'
    )
    [(kind, value)] = blocks(html)
    assert kind == "image"
    assert value == {"image": PICTURE, "alt_text": "Alt", "caption": "The caption"}


def test_library_alt_and_caption_fill_in_what_the_post_left_out() -> None:
    [(_kind, value)] = blocks('<figure><img src="/a.jpg"></figure>', wordpress=False)
    assert value["alt_text"] == "library alt" and value["caption"] == "library caption"


def test_gallery_shortcode_gives_one_image_block_per_attachment() -> None:
    assert [kind for kind, _v in blocks('[gallery ids="3,4,5"]')] == ["image"] * 3


def test_embeds_become_links_to_what_was_embedded() -> None:
    html = "Before\n\nhttps://www.youtube.com/watch?v=x\n\n[embed]https://vimeo.com/1[/embed]"
    [(_kind, text)] = blocks(html)
    assert '<a href="https://www.youtube.com/watch?v=x">' in text
    assert "Embedded from youtube.com" in text and "Embedded from vimeo.com" in text


def test_unknown_shortcodes_are_kept_as_notes_and_bracketed_words_stay_text() -> None:
    result = convert(
        prepare_wordpress('A quote [sic] and [1].\n\n[poll id="3"]\n\n[audio]x[/audio]'),
        find_image,
        lambda href: href,
    )
    assert result.notes == ['[poll id="3"]', "[audio]x[/audio]"]
    text = result.blocks[0][1].source
    assert "A quote [sic] and [1]." in text and "Imported as it was" in text


def test_expand_shortcodes_leaves_plain_text_alone() -> None:
    assert expand_shortcodes("Prices [sic] rose.") == "Prices [sic] rose."


def test_quotes_headings_lists_and_emphasis_are_kept() -> None:
    html = (
        "<h1>Top</h1><h5>Small</h5><p><strong>S</strong> <em>E</em></p>"
        "<ol><li>one</li></ol><blockquote><p>Said.</p><cite>— Someone</cite></blockquote><hr>"
    )
    result = blocks(html, wordpress=False)
    assert result[0] == (
        "paragraph",
        "<h2>Top</h2><h4>Small</h4><p><b>S</b> <i>E</i></p><ol><li>one</li></ol>",
    )
    assert result[1] == ("quote", {"quote": "Said.", "attribution": "Someone"})
    assert result[2] == ("paragraph", "<hr>")


def test_a_missing_image_is_listed_and_its_caption_kept() -> None:
    result = convert(
        '<figure><img src="/missing.jpg"><figcaption>Kept</figcaption></figure>',
        find_image,
        lambda href: href,
    )
    assert result.missing_images == ["/missing.jpg (not found)"]
    assert result.blocks[0][1].source == "<p><i>Kept</i></p>"


def test_tables_and_forms_are_kept_as_notes_with_their_text() -> None:
    result = convert(
        "<table><tr><th>Year</th><th>Tonnes</th></tr><tr><td>2023</td><td>40</td></tr></table>",
        find_image,
        lambda href: href,
    )
    assert result.notes == ["table: Year | Tonnes / 2023 | 40"]


def test_links_to_imported_pages_become_page_links() -> None:
    result = convert('<p><a href="/old/">x</a></p>', find_image, lambda href: "masthead-page:42")
    assert result.blocks[0][1].source == '<p><a linktype="page" id="42">x</a></p>'


def test_clean_rich_text_keeps_only_what_the_body_allows() -> None:
    dirty = (
        '<p style="x" onclick="y">a<script>b</script><span>c</span><a href="javascript:z">d</a></p>'
    )
    assert clean_rich_text(dirty) == "<p>ac<a>d</a></p>"

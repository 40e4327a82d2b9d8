"""Cutting HTML into sentences and putting translated sentences and inline tags back."""

from __future__ import annotations

from masthead.translation.segmenting import (
    segment_texts,
    split_sentences,
    translate_plain_text,
    translate_rich_text,
)

# A deterministic stand-in for an engine so the markup rules can be checked exactly.
GLOSSARY = {
    "Dr. Smith met the mayor.": "El Dr. Smith se reunió con la alcaldesa.",
    "Read the report.": "Lea el informe.",
    "the report": "el informe",
    "the mayor": "la alcaldesa",
    "It was a long day.": "Fue un día largo.",
    "long": "extenso",
    "First line": "Primera línea",
    "second line.": "segunda línea.",
}


def glossary(text: str) -> str:
    return GLOSSARY.get(text, text)


def test_sentences_respect_abbreviations():
    text = "Dr. Smith met the mayor. Read the report."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Dr. Smith met the mayor.",
        "Read the report.",
    ]


def test_inline_tags_are_put_back_on_their_translation():
    html = '<p>Dr. Smith met <em>the mayor</em>. Read <a href="/r">the report</a>.</p>'

    result = translate_rich_text(html, glossary)

    assert result == (
        '<p>El Dr. Smith se reunió con <em>la alcaldesa</em>. Lea <a href="/r">el informe</a>.</p>'
    )


def test_a_tag_that_cannot_be_placed_is_dropped_and_flagged():
    flagged: list[str] = []

    result = translate_rich_text(
        "<p>It was a <strong>long</strong> day.</p>", glossary, on_dropped_tag=flagged.append
    )

    assert result == "<p>Fue un día largo.</p>"
    assert flagged == ["It was a long day."]


def test_line_breaks_headings_and_lists_keep_their_places():
    html = "<h2>Read the report.</h2><ul><li>First line<br/>second line.</li></ul><hr/>"

    result = translate_rich_text(html, glossary)

    assert result == (
        "<h2>Lea el informe.</h2><ul><li>Primera línea<br/>segunda línea.</li></ul><hr/>"
    )


def test_text_is_html_escaped_on_the_way_back():
    result = translate_rich_text("<p>Read the report.</p>", lambda s: "<script>x</script> & y")
    assert result == "<p>&lt;script&gt;x&lt;/script&gt; &amp; y</p>"


def test_segments_list_sentences_with_their_tagged_spans():
    [first, second] = segment_texts("<p>Dr. Smith met <em>the mayor</em>. Read the report.</p>")
    assert first.text == "Dr. Smith met the mayor."
    assert [(span.text, span.tags) for span in first.spans] == [("the mayor", (("em", ()),))]
    assert second.text == "Read the report." and second.spans == []


def test_plain_text_keeps_line_breaks():
    assert translate_plain_text("Read the report.\nIt was a long day.", glossary) == (
        "Lea el informe.\nFue un día largo."
    )


def test_a_span_whose_words_were_reordered_is_still_wrapped():
    translations = {
        "The old bridge will reopen.": "A ponte antiga vai reabrir.",
        "old bridge": "antiga ponte",
    }

    result = translate_rich_text(
        "<p>The <em>old bridge</em> will reopen.</p>", lambda s: translations.get(s, s)
    )

    assert result == "<p>A <em>ponte antiga</em> vai reabrir.</p>"


def test_a_span_translated_slightly_differently_is_found_by_similarity():
    translations = {
        "Green hydrogen is the new export.": "O hidrogênio verde é a nova exportação.",
        "Green hydrogen": "Hidrogénio verde",
        "ECOWAS met today.": "A CEDEAO reuniu-se hoje.",
        "ECOWAS": "da CEDEAO",
    }
    flagged: list[str] = []

    result = translate_rich_text(
        '<p><b>Green hydrogen</b> is the new export.</p><p><a href="/e">ECOWAS</a> met today.</p>',
        lambda s: translations.get(s, s),
        on_dropped_tag=flagged.append,
    )

    assert result == (
        "<p>O <b>hidrogênio verde</b> é a nova exportação.</p>"
        '<p><a href="/e">A CEDEAO</a> reuniu-se hoje.</p>'
    )
    assert flagged == []

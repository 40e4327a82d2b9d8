"""Cutting article text into segments (block, then sentence) and putting translations back.

Neural engines get plain sentences. Inline markup (links, emphasis) is restored by translating
each tagged span on its own and wrapping its translation where it appears in the translated
sentence; where it does not appear, the text is kept, the tag dropped, and the sentence flagged
for an editor. Block structure (paragraphs, headings, list items, quotes) is kept as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache

import pysbd
from bs4 import BeautifulSoup, NavigableString, Tag

# Elements whose text is one unit of prose; the innermost one holding text is translated.
TEXT_BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "td", "th",
    "dt", "dd", "caption",
}  # fmt: skip
# Elements that hold no translatable text and stay exactly where they are.
VOID = {"img", "embed", "hr", "wbr", "input", "source"}
SPACE = re.compile(r"\s+")
PYSBD_LANGUAGES = {
    "en", "hi", "mr", "zh", "es", "am", "ar", "hy", "bg", "ur", "ru", "pl", "fa", "nl", "da",
    "fr", "my", "el", "it", "ja", "de", "kk", "sk",
}  # fmt: skip

Translate = Callable[[str], str]
TagChain = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


@cache
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language if language in PYSBD_LANGUAGES else "en", clean=False)


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Character ranges of the sentences in ``text`` (whitespace between them excluded)."""
    ranges: list[tuple[int, int]] = []
    cursor = 0
    for sentence in _segmenter(language).segment(text):
        stripped = sentence.strip()
        if not stripped:
            continue
        start = text.find(stripped, cursor)
        if start < 0:  # the segmenter altered the text: fall back to one unit
            return [(0, len(text))] if text.strip() else []
        ranges.append((start, start + len(stripped)))
        cursor = start + len(stripped)
    return ranges


def sentences_of(text: str, language: str = "en") -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, language)]


@dataclass
class Run:
    """A stretch of text inside a block, with the inline elements around it (outermost first)."""

    text: str
    tags: TagChain = ()


@dataclass
class Sentence:
    text: str
    # Tagged runs inside the sentence: (text, tags).
    spans: list[Run] = field(default_factory=list)


def _runs(element: Tag, tags: TagChain = ()) -> list[Run | None]:
    """The element's text as runs; ``None`` marks a line break."""
    runs: list[Run | None] = []
    for child in element.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment or CDATA
                runs.append(Run(SPACE.sub(" ", str(child)), tags))
        elif isinstance(child, Tag):
            if child.name == "br":
                runs.append(None)
            elif child.name in VOID:
                continue
            else:
                attrs = tuple(
                    (key, " ".join(value) if isinstance(value, list) else value)
                    for key, value in child.attrs.items()
                )
                runs.extend(_runs(child, (*tags, (child.name, attrs))))
    return runs


def _lines(runs: list[Run | None]) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for run in runs:
        if run is None:
            lines.append([])
        elif run.text:
            lines[-1].append(run)
    return lines


def _sentences(line: list[Run], language: str) -> list[Sentence]:
    """Split a line of runs into sentences, never cutting through a tagged run."""
    text = ""
    positions: list[tuple[int, int, Run]] = []
    for run in line:
        piece = run.text
        if text.endswith(" ") and piece.startswith(" "):
            piece = piece[1:]
        positions.append((len(text), len(text) + len(piece), Run(piece, run.tags)))
        text += piece
    ranges = split_sentences(text, language)
    merged: list[list[int]] = []
    for start, end in ranges:
        crosses = any(
            run.tags and run.text.strip() and a < start < b and merged for a, b, run in positions
        )
        if crosses:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    sentences = []
    for start, end in merged:
        spans = [
            Run(run.text.strip(), run.tags)
            for a, b, run in positions
            if run.tags and run.text.strip() and a < end and b > start
        ]
        sentences.append(Sentence(text[start:end], spans))
    return sentences


WORD = re.compile(r"\w+")


def _find(haystack: str, needle: str, start: int) -> tuple[int, int]:
    """Where ``needle`` is in ``haystack`` (case-insensitive), preferring after ``start``:
    ``(begin, end)``, or ``(-1, -1)``."""
    for origin in (start, 0):
        position = haystack.lower().find(needle.lower(), origin)
        if position >= 0:
            return position, position + len(needle)
    return _find_reordered(haystack, needle)


def _find_reordered(haystack: str, needle: str) -> tuple[int, int]:
    """The same words in another order ("old bridge" -> "ponte antiga" in a sentence that
    says "a antiga ponte"): the shortest run of words of the haystack holding all of them."""
    wanted = sorted(w.lower() for w in WORD.findall(needle))
    if not wanted:
        return -1, -1
    words = list(WORD.finditer(haystack))
    size = len(wanted)
    for index in range(len(words) - size + 1):
        window = words[index : index + size]
        if sorted(w.group().lower() for w in window) == wanted:
            return window[0].start(), window[-1].end()
    return -1, -1


# How alike a stretch of the translated sentence must be to the span's own translation to carry
# its tag: "da CEDEAO" finds "A CEDEAO", "hidrogénio verde" finds "hidrogênio verde". Below
# SURE, the tag is placed but the sentence is flagged for an editor to check.
SIMILARITY = 0.72
SURE = 0.85


def _find_similar(
    haystack: str, needle: str, taken: list[tuple[int, int, TagChain]]
) -> tuple[int, int, float]:
    """The run of words in ``haystack`` most like ``needle`` (not overlapping ``taken``), and
    how alike they are."""
    wanted = " ".join(w.lower() for w in WORD.findall(needle))
    size = len(wanted.split())
    if not size:
        return -1, -1, 0.0
    words = list(WORD.finditer(haystack))
    best, best_range = SIMILARITY, (-1, -1)
    for length in range(max(1, size - 2), size + 3):
        for index in range(len(words) - length + 1):
            window = words[index : index + length]
            start, end = window[0].start(), window[-1].end()
            if any(start < b and end > a for a, b, _ in taken):
                continue
            text = " ".join(w.group().lower() for w in window)
            ratio = SequenceMatcher(None, wanted, text).ratio()
            if ratio > best:
                best, best_range = ratio, (start, end)
    return (*best_range, best)


def _place_spans(
    translated: str, sentence: Sentence, translate: Translate
) -> tuple[list[Run], bool]:
    """The translated sentence as runs with the original's inline tags put back.

    Returns the runs and whether an editor should check them (a tag dropped, or placed on
    words only somewhat like the span's own translation).
    """
    placed: list[tuple[int, int, TagChain]] = []
    dropped = False
    cursor = 0
    for span in sentence.spans:
        span_translation = translate(span.text)
        found = False
        for candidate in (span_translation, span.text):
            start, end = _find(translated, candidate, cursor) if candidate else (-1, -1)
            overlaps = any(start < b and end > a for a, b, _ in placed)
            if start >= 0 and not overlaps:
                found = True
                break
        if not found:
            start, end, similarity = _find_similar(translated, span_translation, placed)
            found = start >= 0
            dropped = dropped or similarity < SURE
        if found:
            placed.append((start, end, span.tags))
            cursor = end
        else:
            dropped = True
    placed.sort()
    runs: list[Run] = []
    cursor = 0
    for start, end, tags in placed:
        if start > cursor:
            runs.append(Run(translated[cursor:start]))
        runs.append(Run(translated[start:end], tags))
        cursor = end
    if cursor < len(translated):
        runs.append(Run(translated[cursor:]))
    return runs, dropped


def _append_run(soup: BeautifulSoup, parent: Tag, run: Run) -> None:
    node: Tag | None = None
    target = parent
    for name, attrs in run.tags:
        node = soup.new_tag(name, attrs=dict(attrs))
        target.append(node)
        target = node
    target.append(NavigableString(run.text))


def segment_texts(html: str, language: str = "en") -> list[Sentence]:
    """Every sentence of a rich-text fragment, in order (for counting and the editor)."""
    soup = BeautifulSoup(html, "html.parser")
    found: list[Sentence] = []
    for block in _text_blocks(soup):
        for line in _lines(_runs(block)):
            found.extend(_sentences(line, language))
    return found


def _text_blocks(soup: BeautifulSoup) -> list[Tag]:
    blocks = [
        element
        for element in soup.find_all(TEXT_BLOCKS)
        if not element.find(TEXT_BLOCKS) and element.get_text(strip=True)
    ]
    if not blocks and soup.get_text(strip=True):
        return [soup]  # a fragment with no block element: treat it as one block
    return blocks


def translate_rich_text(
    html: str,
    translate: Translate,
    language: str = "en",
    on_dropped_tag: Callable[[str], None] | None = None,
) -> str:
    """``html`` with every sentence translated; same elements, attributes and order."""
    soup = BeautifulSoup(html, "html.parser")
    for block in _text_blocks(soup):
        voids = [child.extract() for child in block.find_all(VOID)]
        lines = _lines(_runs(block))
        block.clear()
        for number, line in enumerate(lines):
            if number:
                block.append(soup.new_tag("br"))
            for index, sentence in enumerate(_sentences(line, language)):
                if index:
                    block.append(NavigableString(" "))
                translated = translate(sentence.text)
                runs, dropped = _place_spans(translated, sentence, translate)
                if dropped and on_dropped_tag:
                    on_dropped_tag(sentence.text)
                for run in runs:
                    _append_run(soup, block, run)
        for void in voids:
            block.append(void)
    return str(soup)


def translate_plain_text(text: str, translate: Translate, language: str = "en") -> str:
    """A plain field (headline, caption, quote) translated sentence by sentence, lines kept."""
    lines = []
    for line in text.split("\n"):
        normalised = SPACE.sub(" ", line).strip()
        lines.append(" ".join(translate(s) for s in sentences_of(normalised, language)))
    return "\n".join(lines)

"""Segments through a route, each hop answered by the translation memory before any engine.

Articles and content strings (region names, bios, the tagline) share this: a sentence is sent
to an engine once per hop, engine and language pair, wherever it appears. On a pivot route
(English → Spanish → Galician) the first hop is the same memory the Spanish translation uses,
and an editor's correction of the Spanish sentence feeds the second hop, so correcting the
intermediate fixes every language reached through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .engines import Engine, EngineError, EngineUnavailable
from .models import MachineSegment, SegmentCorrection, source_hash
from .routes import Hop, Route, routes_for

BATCH_SIZE = 64


@dataclass(frozen=True)
class SegmentResult:
    """Machine texts by source hash, the route that made them, and what it cost."""

    route: Route
    machine: dict[str, str]
    # The intermediate text of each segment on a pivot route (by source hash).
    intermediate: dict[str, str]
    translated_now: int


def corrections_for(hashes: list[str], source: str, target: str) -> dict[str, str]:
    return dict(
        SegmentCorrection.objects.filter(
            source_language=source, target_language=target, source_hash__in=hashes
        ).values_list("source_hash", "corrected_text")
    )


# Given a pivot language, what a person already wrote in it for some of the texts (by hash).
KnownIntermediate = Callable[[str], dict[str, str]]


def translate_segments(
    texts: dict[str, str],
    source: str,
    target: str,
    *,
    skip: set[str] = frozenset(),
    known_intermediate: KnownIntermediate | None = None,
) -> SegmentResult:
    """Translate ``{hash: text}`` into ``target`` by the first route that works.

    Hashes in ``skip`` (already corrected by an editor) are not sent to any engine. On a pivot
    route, ``known_intermediate`` may give the pivot language's text of some segments (the
    interface takes it from that language's catalogue); it feeds the second hop. Raises
    :class:`EngineUnavailable` when no route exists, :class:`EngineError` when every route
    failed (the message names each failure).
    """
    routes = routes_for(source, target)
    if not routes:
        raise EngineUnavailable(f"No installed engine reaches {target} from {source}.")
    errors: list[str] = []
    for route in routes:
        try:
            return _through(route, texts, skip, known_intermediate)
        except EngineError as error:
            errors.append(f"{route.label}: {error}")
    raise EngineError(" ".join(errors))


def _through(
    route: Route,
    texts: dict[str, str],
    skip: set[str],
    known_intermediate: KnownIntermediate | None = None,
) -> SegmentResult:
    wanted = {h: text for h, text in texts.items() if h not in skip}
    current = wanted
    called: set[str] = set()
    intermediate: dict[str, str] = {}
    for position, hop in enumerate(route.hops):
        last = position == len(route.hops) - 1
        translated, sent = _hop(hop, current)
        # A segment sent at an earlier hop is counted once.
        called |= {h for h, text in current.items() if source_hash(text) in sent}
        current = {h: translated[source_hash(text)] for h, text in current.items()}
        if not last:
            if known_intermediate:
                given = known_intermediate(hop.target)
                current.update({h: given[h] for h in current if h in given})
            # An editor's correction of the intermediate sentence feeds the next hop.
            hashes = {source_hash(text): h for h, text in wanted.items()}
            fixes = corrections_for(list(hashes), route.hops[0].source, hop.target)
            for digest, fixed in fixes.items():
                current[hashes[digest]] = fixed
            intermediate = dict(current)
    return SegmentResult(route, current, intermediate, len(called))


def _hop(hop: Hop, texts: dict[str, str]) -> tuple[dict[str, str], set[str]]:
    """``{hash of input text: output}`` for one hop, and the hashes sent to the engine."""
    by_hash = {source_hash(text): text for text in texts.values()}
    memory = dict(
        MachineSegment.objects.filter(
            source_language=hop.source,
            target_language=hop.target,
            engine=hop.engine.name,
            source_hash__in=list(by_hash),
        ).values_list("source_hash", "machine_text")
    )
    missing = [h for h in by_hash if h not in memory]
    if missing:
        results = _batches(hop.engine, [by_hash[h] for h in missing], hop.source, hop.target)
        MachineSegment.objects.bulk_create(
            [
                MachineSegment(
                    source_hash=h,
                    source_language=hop.source,
                    target_language=hop.target,
                    engine=hop.engine.name,
                    source_text=by_hash[h],
                    machine_text=text,
                )
                for h, text in zip(missing, results, strict=True)
            ],
            ignore_conflicts=True,
        )
        memory.update(zip(missing, results, strict=True))
    return memory, set(missing)


def _batches(engine: Engine, texts: list[str], source: str, target: str) -> list[str]:
    translated: list[str] = []
    for start in range(0, len(texts), BATCH_SIZE):
        chunk = texts[start : start + BATCH_SIZE]
        result = engine.translate_batch(chunk, source, target)
        if len(result) != len(chunk):
            raise EngineError(f"{engine.label} returned {len(result)} of {len(chunk)} segments.")
        translated.extend(result)
    return translated

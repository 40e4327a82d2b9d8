"""How a language is reached: directly by one engine, or through an allowed pivot language.

A *route* is one or two hops. Direct routes come first (each configured engine that has the
pair, in the configured order); when none exists, a pivot route chains the first engine able to
translate into the pivot with the first engine able to translate out of it, for each pivot the
outlet allows in ``MASTHEAD_TRANSLATION_PIVOTS`` (in that order). Two rule-based hops lose more
than one, so an outlet lists only the pivots whose results it accepts.

``MASTHEAD_TRANSLATION_LANGUAGES = "auto"`` offers exactly the languages some route reaches;
:func:`offered_languages` answers that question for every other module.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.conf import settings

from .engines import Engine, EngineUnavailable, configured_engine_names, get_engine
from .languages import NATIVE_NAMES

AUTO = "auto"


@dataclass(frozen=True)
class Hop:
    engine: Engine
    source: str
    target: str


@dataclass(frozen=True)
class Route:
    """One way from the publication's language to ``target``: one hop, or two through ``via``."""

    hops: tuple[Hop, ...]

    @property
    def target(self) -> str:
        return self.hops[-1].target

    @property
    def via(self) -> str:
        """The intermediate language of a pivot route; "" for a direct one."""
        return self.hops[0].target if len(self.hops) > 1 else ""

    @property
    def engine_names(self) -> list[str]:
        return [hop.engine.name for hop in self.hops]

    @property
    def label(self) -> str:
        """``apertium`` or ``apertium en→es → apertium es→gl``."""
        if not self.via:
            return self.hops[0].engine.name
        return " → ".join(f"{h.engine.name} {h.source}→{h.target}" for h in self.hops)


def _installed_engines(target: str) -> list[Engine]:
    engines = []
    for name in configured_engine_names(target):
        try:
            engine = get_engine(name)
        except EngineUnavailable:
            continue
        if engine.is_available():
            engines.append(engine)
    return engines


def _direct(source: str, target: str) -> list[Engine]:
    return [engine for engine in _installed_engines(target) if engine.supports(source, target)]


def allowed_pivots() -> list[str]:
    return [code for code in settings.MASTHEAD_TRANSLATION_PIVOTS if code in NATIVE_NAMES]


def routes_for(source: str, target: str) -> list[Route]:
    """Every route from ``source`` to ``target``, best first (direct before pivots)."""
    return list(_routes_for(source, target, tuple(allowed_pivots()), _engines_key()))


@cache
def _routes_for(
    source: str, target: str, pivots: tuple[str, ...], _key: tuple[object, ...]
) -> tuple[Route, ...]:
    routes = [Route((Hop(engine, source, target),)) for engine in _direct(source, target)]
    for via in pivots:
        if via in (source, target):
            continue
        first, second = _direct(source, via), _direct(via, target)
        if first and second:
            routes.append(Route((Hop(first[0], source, via), Hop(second[0], via, target))))
    return tuple(routes)


def _engines_key() -> tuple[object, ...]:
    """Settings the cached routes depend on (tests and outlets change them)."""
    orders = settings.MASTHEAD_TRANSLATION_ENGINES
    return tuple(sorted((key, tuple(value)) for key, value in orders.items()))


def best_route(source: str, target: str) -> Route | None:
    routes = routes_for(source, target)
    return routes[0] if routes else None


def reachable_languages() -> list[str]:
    """Every language some installed engine reaches from the publication's language."""
    source = settings.LANGUAGE_CODE
    return [code for code in NATIVE_NAMES if code != source and routes_for(source, code)]


def offered_languages() -> list[str]:
    """The languages Masthead translates into and serves: the configured list, or with
    ``auto`` those the installed engines reach."""
    configured = settings.MASTHEAD_TRANSLATION_LANGUAGES
    if configured == AUTO:
        return reachable_languages()
    return list(configured)


def pivot_languages(languages: list[str]) -> dict[str, str]:
    """``{language: pivot}`` for those of ``languages`` reached only through a pivot."""
    source = settings.LANGUAGE_CODE
    found = {}
    for code in languages:
        route = best_route(source, code)
        if route is not None and route.via:
            found[code] = route.via
    return found


def missing_languages() -> list[str]:
    """Configured languages no installed engine reaches (empty with ``auto``)."""
    source = settings.LANGUAGE_CODE
    return [code for code in offered_languages() if not routes_for(source, code)]


def install_hints(languages: list[str]) -> list[tuple[str, list[str]]]:
    """``[(what to install, [languages it would bring])]``: one line per command, not one per
    language; a language appears under every command that would bring it."""
    source = settings.LANGUAGE_CODE
    hints: dict[str, list[str]] = {}
    for code in languages:
        for name in configured_engine_names(code):
            try:
                engine = get_engine(name)
            except EngineUnavailable:
                continue
            hint = engine.reach_hint(source, code)
            if hint:
                hints.setdefault(f"{engine.label}: {hint}", []).append(code)
    return list(hints.items())

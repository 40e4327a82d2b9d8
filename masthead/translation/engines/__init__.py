"""Translation engines behind one small interface, chosen per language in settings.

Each engine module defines one :class:`Engine` subclass. ``MASTHEAD_TRANSLATION_ENGINES`` lists,
per target language (or ``default``), the engines to try in order; the first one that is
installed and has the language pair translates that language.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from functools import cache

from django.conf import settings


class EngineError(Exception):
    """A translation failed; the message says what went wrong in words an editor can act on."""


class EngineUnavailable(EngineError):
    """The engine or the language pair is not installed; the message names what to install."""


class Engine(ABC):
    """Translates batches of plain-text segments (sentences, no markup) between two languages."""

    name: str = ""
    label: str = ""
    # What to install (or configure) to make this engine available.
    install_hint: str = ""

    @abstractmethod
    def is_available(self) -> bool:
        """Whether the engine's software (or API key/URL) is present on this machine."""

    @abstractmethod
    def supported_pairs(self) -> set[tuple[str, str]]:
        """The (source, target) language pairs it can translate, in Masthead's language codes."""

    @abstractmethod
    def translate_batch(self, segments: list[str], source: str, target: str) -> list[str]:
        """Translate each segment; the result has the same length and order."""

    def supports(self, source: str, target: str) -> bool:
        return (source, target) in self.supported_pairs()

    def pair_hint(self, source: str, target: str) -> str:
        """What to install so that this engine translates ``source`` into ``target``."""
        return self.install_hint

    def reach_hint(self, source: str, target: str) -> str:
        """Like :meth:`pair_hint`, worded the same for every language so the admin can list
        one command with all the languages it brings; "" when nothing would."""
        return self.install_hint


ENGINE_CLASSES: dict[str, str] = {
    "fxtranslate": "masthead.translation.engines.fxtranslate.FirefoxTranslationsEngine",
    "apertium": "masthead.translation.engines.apertium.ApertiumEngine",
    "argos": "masthead.translation.engines.argos.ArgosEngine",
    "libretranslate": "masthead.translation.engines.libretranslate.LibreTranslateEngine",
    "deepl": "masthead.translation.engines.deepl.DeepLEngine",
    "google": "masthead.translation.engines.google.GoogleEngine",
}


@cache
def get_engine(name: str) -> Engine:
    """The engine called ``name`` (one instance per process; engines keep their own models)."""
    try:
        dotted = ENGINE_CLASSES[name]
    except KeyError:
        raise EngineUnavailable(
            f"Unknown translation engine {name!r}; choose from {', '.join(ENGINE_CLASSES)}."
        ) from None
    module_name, class_name = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(module_name), class_name)()


def configured_engine_names(target: str) -> list[str]:
    orders = settings.MASTHEAD_TRANSLATION_ENGINES
    return list(orders.get(target, orders["default"]))


def engines_for(source: str, target: str) -> list[Engine]:
    """The configured engines able to translate ``source`` into ``target``, best first.

    Raises :class:`EngineUnavailable` naming what to install when none of them can.
    """
    usable: list[Engine] = []
    hints: list[str] = []
    for name in configured_engine_names(target):
        engine = get_engine(name)
        if not engine.is_available():
            hints.append(f"{engine.label}: {engine.install_hint}")
        elif not engine.supports(source, target):
            hints.append(f"{engine.label}: {engine.pair_hint(source, target)}")
        else:
            usable.append(engine)
    if not usable:
        raise EngineUnavailable(
            f"No installed engine translates {source}→{target}. " + " ".join(hints)
        )
    return usable

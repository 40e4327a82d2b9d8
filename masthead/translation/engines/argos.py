"""Argos Translate (optional: ``pip install argostranslate`` plus its language packages).

Never a default dependency (it pulls torch and several GB). Without installed packages its
``translate()`` fails obscurely, so the installed languages are checked first.
"""

from __future__ import annotations

import importlib.util

from . import Engine, EngineError, EngineUnavailable

ARGOS_TO_MASTHEAD = {"zh": "zh-hans", "zt": "zh-hant", "nb": "nb"}


class ArgosEngine(Engine):
    name = "argos"
    label = "Argos Translate"
    install_hint = (
        "pip install argostranslate, then install language packages with argospm "
        "(e.g. argospm install translate-en_fr)."
    )

    def is_available(self) -> bool:
        return importlib.util.find_spec("argostranslate") is not None

    def pair_hint(self, source: str, target: str) -> str:
        return f"argospm install translate-{source}_{target}"

    def _languages(self) -> dict[str, object]:
        from argostranslate import translate

        return {
            ARGOS_TO_MASTHEAD.get(language.code, language.code): language
            for language in translate.get_installed_languages()
        }

    def supported_pairs(self) -> set[tuple[str, str]]:
        if not self.is_available():
            return set()
        pairs = set()
        for code, language in self._languages().items():
            for translation in getattr(language, "translations_from", []):
                target = translation.to_lang.code
                pairs.add((code, ARGOS_TO_MASTHEAD.get(target, target)))
        return pairs

    def translate_batch(self, segments: list[str], source: str, target: str) -> list[str]:
        languages = self._languages()
        if source not in languages or target not in languages:
            raise EngineUnavailable(self.pair_hint(source, target))
        translation = languages[source].get_translation(languages[target])
        if translation is None:
            raise EngineUnavailable(self.pair_hint(source, target))
        try:
            return [translation.translate(segment) for segment in segments]
        except Exception as error:  # Argos raises whatever its model stack raises
            raise EngineError(f"Argos Translate failed: {error}") from None

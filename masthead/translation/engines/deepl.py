"""DeepL's API, for outlets that accept a third party (``DEEPL_API_KEY``)."""

from __future__ import annotations

from django.conf import settings

from . import Engine, EngineError
from .http import request_json

# Target languages DeepL translates into, in Masthead's codes -> DeepL's.
TARGETS = {
    "ar": "AR",
    "bg": "BG",
    "cs": "CS",
    "da": "DA",
    "de": "DE",
    "el": "EL",
    "es": "ES",
    "et": "ET",
    "fi": "FI",
    "fr": "FR",
    "hu": "HU",
    "id": "ID",
    "it": "IT",
    "ja": "JA",
    "ko": "KO",
    "lt": "LT",
    "lv": "LV",
    "nb": "NB",
    "nl": "NL",
    "pl": "PL",
    "pt": "PT-PT",
    "ro": "RO",
    "ru": "RU",
    "sk": "SK",
    "sl": "SL",
    "sv": "SV",
    "tr": "TR",
    "uk": "UK",
    "zh-hans": "ZH-HANS",
    "zh-hant": "ZH-HANT",
    "en": "EN-GB",
}
SOURCES = {code: deepl.split("-")[0] for code, deepl in TARGETS.items()}


class DeepLEngine(Engine):
    name = "deepl"
    label = "DeepL"
    install_hint = "set DEEPL_API_KEY (and DEEPL_API_URL for a paid plan)."

    def is_available(self) -> bool:
        return bool(settings.DEEPL_API_KEY)

    def pair_hint(self, source: str, target: str) -> str:
        return f"DeepL does not translate {source}→{target}."

    def supported_pairs(self) -> set[tuple[str, str]]:
        if not self.is_available():
            return set()
        return {(s, t) for s in SOURCES for t in TARGETS if s != t}

    def translate_batch(self, segments: list[str], source: str, target: str) -> list[str]:
        body = request_json(
            "POST",
            settings.DEEPL_API_URL,
            service="DeepL",
            json={"text": segments, "source_lang": SOURCES[source], "target_lang": TARGETS[target]},
            headers={"Authorization": f"DeepL-Auth-Key {settings.DEEPL_API_KEY}"},
        )
        translations = body.get("translations") if isinstance(body, dict) else None
        if not isinstance(translations, list) or len(translations) != len(segments):
            raise EngineError("DeepL answered without one translation per segment.")
        return [str(item.get("text", "")) for item in translations]

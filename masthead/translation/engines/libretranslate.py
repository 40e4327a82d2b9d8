"""A LibreTranslate server, by URL (``LIBRETRANSLATE_URL``, optional ``LIBRETRANSLATE_API_KEY``)."""

from __future__ import annotations

from django.conf import settings

from . import Engine, EngineError
from .http import request_json

TO_LIBRE = {"zh-hans": "zh", "zh-hant": "zt"}
FROM_LIBRE = {libre: ours for ours, libre in TO_LIBRE.items()}


class LibreTranslateEngine(Engine):
    name = "libretranslate"
    label = "LibreTranslate"
    install_hint = "set LIBRETRANSLATE_URL to a LibreTranslate server (and LIBRETRANSLATE_API_KEY)."

    def __init__(self) -> None:
        self._pairs: set[tuple[str, str]] | None = None

    @property
    def url(self) -> str:
        return settings.LIBRETRANSLATE_URL.rstrip("/")

    def is_available(self) -> bool:
        return bool(self.url)

    def pair_hint(self, source: str, target: str) -> str:
        return f"install the {source}→{target} Argos package on the LibreTranslate server."

    def supported_pairs(self) -> set[tuple[str, str]]:
        if not self.is_available():
            return set()
        if self._pairs is None:
            try:
                languages = request_json(
                    "GET", f"{self.url}/languages", service="LibreTranslate", timeout=10
                )
            except EngineError:
                return set()
            self._pairs = {
                (FROM_LIBRE.get(entry["code"], entry["code"]), FROM_LIBRE.get(t, t))
                for entry in languages
                for t in entry.get("targets", [])
                if entry["code"] != t
            }
        return self._pairs

    def translate_batch(self, segments: list[str], source: str, target: str) -> list[str]:
        payload = {
            "q": segments,
            "source": TO_LIBRE.get(source, source),
            "target": TO_LIBRE.get(target, target),
            "format": "text",
        }
        if settings.LIBRETRANSLATE_API_KEY:
            payload["api_key"] = settings.LIBRETRANSLATE_API_KEY
        body = request_json("POST", f"{self.url}/translate", service="LibreTranslate", json=payload)
        translated = body.get("translatedText") if isinstance(body, dict) else None
        if not isinstance(translated, list) or len(translated) != len(segments):
            raise EngineError("LibreTranslate answered without one translation per segment.")
        return [str(text) for text in translated]

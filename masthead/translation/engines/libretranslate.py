"""A LibreTranslate server, by URL (``LIBRETRANSLATE_URL``, optional ``LIBRETRANSLATE_API_KEY``)."""

from __future__ import annotations

import time

from django.conf import settings

from . import Engine, EngineError
from .http import request_json

TO_LIBRE = {"zh-hans": "zh", "zh-hant": "zt"}
# How long the server's language list (or its absence) is remembered: a server that is down
# costs one timeout per minute, not one per language.
PAIRS_TTL_SECONDS = 60
FROM_LIBRE = {libre: ours for ours, libre in TO_LIBRE.items()}


class LibreTranslateEngine(Engine):
    name = "libretranslate"
    label = "LibreTranslate"
    install_hint = "set LIBRETRANSLATE_URL to a LibreTranslate server (and LIBRETRANSLATE_API_KEY)."

    def __init__(self) -> None:
        self._pairs: set[tuple[str, str]] = set()
        self._pairs_checked_at = -PAIRS_TTL_SECONDS * 2.0
        self._problem = ""

    @property
    def url(self) -> str:
        return settings.LIBRETRANSLATE_URL.rstrip("/")

    def is_available(self) -> bool:
        return bool(self.url)

    def pair_hint(self, source: str, target: str) -> str:
        if self._problem:
            return self._problem
        return f"install the {source}→{target} Argos package on the LibreTranslate server."

    def supported_pairs(self) -> set[tuple[str, str]]:
        if not self.is_available():
            return set()
        if time.monotonic() - self._pairs_checked_at > PAIRS_TTL_SECONDS:
            self._pairs_checked_at = time.monotonic()
            self._problem = ""
            try:
                languages = request_json(
                    "GET", f"{self.url}/languages", service="LibreTranslate", timeout=10
                )
                self._pairs = {
                    (FROM_LIBRE.get(entry["code"], entry["code"]), FROM_LIBRE.get(t, t))
                    for entry in languages
                    for t in entry.get("targets", [])
                    if entry["code"] != t
                }
            except EngineError as error:
                self._pairs, self._problem = set(), str(error)
            except (KeyError, TypeError):
                self._pairs = set()
                self._problem = "LibreTranslate's /languages answer was not a language list."
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

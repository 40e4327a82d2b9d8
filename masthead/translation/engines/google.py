"""Google Cloud Translation (v2 API), for outlets that accept a third party
(``GOOGLE_TRANSLATE_API_KEY``)."""

from __future__ import annotations

from django.conf import settings

from ..languages import LANGUAGES
from . import Engine, EngineError
from .http import request_json

TO_GOOGLE = {"zh-hans": "zh-CN", "zh-hant": "zh-TW", "nb": "no", "he": "iw"}


class GoogleEngine(Engine):
    name = "google"
    label = "Google Cloud Translation"
    install_hint = "set GOOGLE_TRANSLATE_API_KEY."

    def is_available(self) -> bool:
        return bool(settings.GOOGLE_TRANSLATE_API_KEY)

    def supported_pairs(self) -> set[tuple[str, str]]:
        if not self.is_available():
            return set()
        # Google covers every language Masthead lists.
        codes = [code for code, _name in LANGUAGES]
        return {(s, t) for s in codes for t in codes if s != t}

    def translate_batch(self, segments: list[str], source: str, target: str) -> list[str]:
        body = request_json(
            "POST",
            settings.GOOGLE_TRANSLATE_API_URL,
            service="Google Cloud Translation",
            params={"key": settings.GOOGLE_TRANSLATE_API_KEY},
            json={
                "q": segments,
                "source": TO_GOOGLE.get(source, source),
                "target": TO_GOOGLE.get(target, target),
                "format": "text",
            },
        )
        try:
            translations = body["data"]["translations"]
        except (KeyError, TypeError):
            raise EngineError("Google answered without translations.") from None
        if len(translations) != len(segments):
            raise EngineError("Google answered without one translation per segment.")
        return [str(item.get("translatedText", "")) for item in translations]

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def languages(request: HttpRequest) -> dict[str, Any]:
    """``language_versions`` (the page in each language it exists in) and ``page_translation``.

    Lazy, so pages that never show a switcher pay nothing.
    """
    from .queries import language_versions

    return {
        "language_versions": SimpleLazyObject(lambda: language_versions(request)),
        "page_translation": getattr(request, "masthead_translation", None),
    }

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register


@register("masthead_settings")  # the tag the WSGI entry point runs (masthead.server.checks)
def check_languages(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    codes = [code for code, _name in settings.LANGUAGES]
    unknown = sorted(set(settings.MASTHEAD_TRANSLATION_LANGUAGES) - set(codes))
    if not unknown:
        return []
    return [
        Error(
            f"MASTHEAD_TRANSLATION_LANGUAGES names unknown languages {unknown}.",
            hint="Use codes from masthead/translation/languages.py: " + ", ".join(codes),
            id="translation.E003",
        )
    ]


@register("masthead_settings")
def check_engine_settings(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    """Catch typos in the engine orders at start-up rather than at the first publish."""
    from .engines import ENGINE_CLASSES

    errors: list[CheckMessage] = []
    for language, names in settings.MASTHEAD_TRANSLATION_ENGINES.items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            errors.append(
                Error(
                    f"The engine order for {language!r} must be a list of engine names.",
                    id="translation.E001",
                )
            )
            continue
        for name in names:
            if name not in ENGINE_CLASSES:
                errors.append(
                    Error(
                        f"Unknown translation engine {name!r} configured for {language!r}.",
                        hint=f"Choose from {', '.join(ENGINE_CLASSES)}.",
                        id="translation.E002",
                    )
                )
    return errors

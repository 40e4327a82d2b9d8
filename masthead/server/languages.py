"""The languages readers' pages are served in besides the original, which every purge reaches.

The app that translates names them through :data:`SERVED_LANGUAGES_HOOK` (a Wagtail hook, so
this package imports no app above it). Without such an app, the configured list; with
``MASTHEAD_TRANSLATION_LANGUAGES=auto`` and no app to resolve it, none.
"""

from __future__ import annotations

from django.conf import settings
from wagtail import hooks

# A callable returning language codes (e.g. ["pt", "es"]) readers' pages may be served in.
SERVED_LANGUAGES_HOOK = "masthead_served_languages"


def served_languages() -> list[str]:
    """Every language a reader's page may be served in under a prefix (``/pt/...``)."""
    registered = hooks.get_hooks(SERVED_LANGUAGES_HOOK)
    if registered:
        return sorted({code for hook in registered for code in hook()})
    configured = settings.MASTHEAD_TRANSLATION_LANGUAGES
    return [] if isinstance(configured, str) else list(configured)


def prefix_languages() -> frozenset[str]:
    """Every language a path may start with: Django's whole list, so a page is filed under
    its path without prefix whichever languages are offered today."""
    return frozenset(code for code, _name in settings.LANGUAGES) | {settings.LANGUAGE_CODE}

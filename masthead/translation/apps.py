from django.apps import AppConfig


class TranslationConfig(AppConfig):
    """Machine translation of articles into the configured languages, corrected by editors."""

    name = "masthead.translation"
    label = "translation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks, signal_handlers  # noqa: F401 - checks registers itself

        signal_handlers.connect()

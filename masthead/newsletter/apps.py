from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    """The daily newsletter: subscribers, issues, rendering and crash-safe sending."""

    name = "masthead.newsletter"
    label = "newsletter"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Newsletter"
    # Sign-up, confirmation and preference pages answer each reader: never from the cache.
    uncached_paths = ("/newsletter/",)

    def ready(self) -> None:
        from . import checks, signal_handlers  # noqa: F401 - checks registers itself

        signal_handlers.connect()

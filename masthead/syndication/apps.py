from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """Others republish with credit: the republishing policy as data, ready-to-paste HTML,
    licences on pages and in feeds."""

    name = "masthead.syndication"
    label = "syndication"
    default_auto_field = "django.db.models.BigAutoField"
    # The republished-view counter counts every request, so none is answered from the cache.
    uncached_suffixes = ("/view.gif",)

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()

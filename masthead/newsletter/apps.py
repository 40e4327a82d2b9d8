from django.apps import AppConfig

from masthead.server.clock import PeriodicJob


class NewsletterConfig(AppConfig):
    """The daily newsletter: subscribers, issues, rendering and crash-safe sending."""

    name = "masthead.newsletter"
    label = "newsletter"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Newsletter"
    # Sign-up, confirmation and preference pages answer each reader: never from the cache.
    uncached_paths = ("/newsletter/",)
    # Today's editions at MASTHEAD_NEWSLETTER_SEND_AT, and issues an editor scheduled.
    periodic_jobs = (
        PeriodicJob(
            "newsletter",
            run="masthead.newsletter.schedule.clock_tick",
            every=30,
            start="masthead.newsletter.schedule.clock_start",
        ),
    )

    def ready(self) -> None:
        from . import checks, signal_handlers  # noqa: F401 - checks registers itself

        signal_handlers.connect()

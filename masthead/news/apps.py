from django.apps import AppConfig

from masthead.server.clock import PeriodicJob


class NewsConfig(AppConfig):
    """Articles, authors, regions, themes, in-depth reports and the pages that show them."""

    name = "masthead.news"
    label = "news"
    default_auto_field = "django.db.models.BigAutoField"
    # Every 30 seconds, so an article goes live (or expires) within a minute of its time.
    periodic_jobs = (
        PeriodicJob(
            "publishing",
            run="masthead.news.scheduled_publishing.publish_scheduled",
            every=30,
        ),
    )

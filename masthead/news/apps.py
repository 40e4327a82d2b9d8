from django.apps import AppConfig


class NewsConfig(AppConfig):
    """Articles, authors, regions, themes, in-depth reports and the pages that show them."""

    name = "masthead.news"
    label = "news"
    default_auto_field = "django.db.models.BigAutoField"

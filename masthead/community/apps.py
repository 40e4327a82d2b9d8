from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "masthead.community"
    label = "community"
    verbose_name = "Community"
    # Comment threads, forms and share hops answer each reader: never from the page cache.
    uncached_paths = ("/comments/", "/share/")
    default_auto_field = "django.db.models.BigAutoField"

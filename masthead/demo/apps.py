from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo publication: original sample content and its idempotent loader."""

    name = "masthead.demo"
    label = "demo"

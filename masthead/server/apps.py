from django.apps import AppConfig


class ServerConfig(AppConfig):
    """Running the site: the application server, the health check and the error pages."""

    name = "masthead.server"
    label = "server"

    def ready(self) -> None:
        from . import checks, signal_handlers  # noqa: F401 - checks registers itself

        signal_handlers.connect()

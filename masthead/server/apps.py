from django.apps import AppConfig


class ServerConfig(AppConfig):
    """Running the site: the application server, the health check and the error pages."""

    name = "masthead.server"
    label = "server"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()

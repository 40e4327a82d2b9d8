from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "masthead.membership"
    label = "membership"
    verbose_name = "Members and giving"

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401 - connects the receivers

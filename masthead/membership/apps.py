from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "masthead.membership"
    label = "membership"
    verbose_name = "Members and giving"
    # Sign-in, account, checkout and webhook answer each reader: never from the page cache.
    uncached_paths = (
        "/account/",
        "/shared-articles/",
        "/stripe/",
        "/members/join/",
        "/members/welcome/",
        "/support/thanks/",
    )

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401 - connects the receivers

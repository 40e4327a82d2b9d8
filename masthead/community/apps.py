from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "masthead.community"
    label = "community"
    verbose_name = "Community"
    # Comment threads, forms and share hops answer each reader: never from the page cache.
    uncached_paths = ("/comments/", "/share/")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from .accounts import forget_deleted_user

        # A reader's account is deleted by deleting its Django user (the membership app's
        # delete_account, or an admin): the comments follow the site's setting first.
        pre_delete.connect(
            forget_deleted_user, sender=get_user_model(), dispatch_uid="community-forget-user"
        )

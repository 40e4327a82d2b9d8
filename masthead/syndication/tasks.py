"""Background work: the republishing page's title, never looked up during the image request."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def look_up_page_title(view_id: int) -> None:
    services.record_page_title(view_id)

"""Search and reference indexing of what an import wrote, done once per object at the end.

Each page save normally queues a search-index task and a reference-index task (Wagtail's
signal handlers), several per imported post. During an import those handlers are switched off;
every object they would have indexed is noted, and the notes are queued, in batches, as
:func:`index_imported` tasks after the run, once per object whatever the number of saves.
An import that fails part-way still queues what it saved, so nothing stays unindexed.
The switch is process-wide (signal receivers), which suits the processes that import: the
import commands and load-demo, which do nothing else meanwhile; a save made by another thread
of the same process during the import is indexed with the import's, after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

BATCH = 500  # objects per task: a task's arguments stay small, and a failure costs little
ObjectKey = tuple[str, str, str]  # app label, model name, primary key


@task(queue_name="default")
def index_imported(objects: list[list[str]]) -> None:
    """Bring the search index and Wagtail's reference index up to date for these objects."""
    for app_label, model_name, pk in objects:
        model = apps.get_model(app_label, model_name)
        if not model._default_manager.filter(pk=pk).exists():
            continue  # deleted since
        if search_index.class_is_indexed(model):
            insert_or_update_object_task.call(app_label, model_name, pk)
        if ReferenceIndex.is_indexed(model):
            update_reference_index_task.call(app_label, model_name, pk)


@contextmanager
def indexing_deferred() -> Iterator[set[ObjectKey]]:
    """Inside, saves queue no indexing; the objects saved are indexed by tasks queued after."""
    saved: set[ObjectKey] = set()
    searched = [m for m in search_index.get_indexed_models() if _search_auto_update(m)]

    def note(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
        if raw or instance.pk is None:
            return
        # A page's inline rows (bylines) are indexed with the page, which is noted too.
        if sender in searched or ReferenceIndex.is_indexed(sender):
            meta = instance._meta
            saved.add((meta.app_label, meta.model_name, str(instance.pk)))

    disconnected = [
        model for model in searched if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    post_save.connect(note, weak=False, dispatch_uid="importers-note-saved")
    try:
        with disable_reference_index_auto_update():
            yield saved
    finally:
        post_save.disconnect(dispatch_uid="importers-note-saved")
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)
        _queue(sorted(saved))


def _search_auto_update(model: type) -> bool:
    return getattr(model, "search_auto_update", True)


def _queue(objects: list[ObjectKey]) -> None:
    batches = [[list(key) for key in objects[i : i + BATCH]] for i in range(0, len(objects), BATCH)]
    for batch in batches:
        transaction.on_commit(lambda batch=batch: index_imported.enqueue(batch))

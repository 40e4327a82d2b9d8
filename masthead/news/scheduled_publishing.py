"""Scheduled publishing: pages go live at their go-live date and come off at their expiry date.

Wagtail does both only when something runs its ``publish_scheduled`` command; ``masthead clock``
runs :func:`publish_scheduled` (news's periodic job) instead. It takes Wagtail's own actions, so
a scheduled publish is an editor's publish: ``page_published`` fires, which purges exactly the
pages that show the article (masthead/server/signal_handlers.py) and queues its translation;
an expiry fires ``page_unpublished``. Unlike the command, it claims each revision or page in the
database first, in the transaction that publishes it, so clocks on several machines never
publish or unpublish anything twice, and a publish that fails leaves it scheduled.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.apps import apps
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger(__name__)


def publish_scheduled() -> list[str]:
    """Unpublish what expired, then publish what is due (Wagtail's order); what was done,
    one line each."""
    now = timezone.now()
    return [*_unpublish_expired(now), *_publish_due(now)]


def _scheduled_models() -> list[type[Model]]:
    # Pages, and any snippet with drafts (Wagtail schedules those too).
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def _expired(model: type[Model], now: dt.datetime) -> list[int]:
    query = model._default_manager.filter(live=True, expire_at__lt=now).order_by("expire_at")
    return list(query.values_list("pk", flat=True))


def _due_revisions(now: dt.datetime) -> list[int]:
    query = Revision.objects.filter(approved_go_live_at__lt=now).order_by("approved_go_live_at")
    return list(query.values_list("pk", flat=True))


def _unpublish_expired(now: dt.datetime) -> list[str]:
    done = []
    for model in _scheduled_models():
        manager = model._default_manager
        for pk in _expired(model, now):
            try:
                with transaction.atomic():
                    # The claim: a second clock's update waits for this transaction (a row
                    # lock, or SQLite's one writer) and then matches nothing.
                    if not manager.filter(pk=pk, live=True, expire_at__lt=now).update(expired=True):
                        continue
                    item = manager.get(pk=pk)
                    item = item.specific if isinstance(item, Page) else item
                    item.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
            except Exception as exc:
                logger.exception("Unpublishing expired %s %s failed", model.__name__, pk)
                done.append(f"Could not unpublish {model.__name__} {pk} ({exc}); trying again.")
                continue
            done.append(f"Unpublished {_describe(item)}: it expired at {_when(item.expire_at)}.")
    return done


def _publish_due(now: dt.datetime) -> list[str]:
    done = []
    for revision_id in _due_revisions(now):
        try:
            with transaction.atomic():
                # The claim, as above; publishing clears the date anyway.
                claimed = Revision.objects.filter(pk=revision_id, approved_go_live_at__lt=now)
                if not claimed.update(approved_go_live_at=None):
                    continue
                revision = Revision.objects.get(pk=revision_id)
                item = revision.content_object
                if item is None:
                    continue  # its page or snippet was deleted
                revision.publish(log_action="wagtail.publish.scheduled")
                item = type(item)._default_manager.get(pk=item.pk)
        except Exception as exc:
            logger.exception("Publishing scheduled revision %s failed", revision_id)
            done.append(f"Could not publish revision {revision_id} ({exc}); trying again.")
            continue
        if item.live_revision_id == revision_id:
            done.append(f"Published {_describe(item)}, due at {_when(item.go_live_at)}.")
        else:  # its go-live date was moved later meanwhile: Wagtail scheduled it again
            done.append(f"Rescheduled {_describe(item)} for {_when(item.go_live_at)}.")
    return done


def _describe(item: Model) -> str:
    if isinstance(item, Page):
        kind = item.specific_class._meta.verbose_name
        return f"“{item.title}” ({kind} {item.pk}, {item.get_url() or item.url_path})"
    return f"“{item}” ({item._meta.verbose_name} {item.pk})"


def _when(moment: dt.datetime | None) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M %Z}" if moment else "no date"

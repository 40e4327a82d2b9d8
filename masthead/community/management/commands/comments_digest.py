"""``masthead comments_digest``: mail the moderation queue's digest to the editors who want it
(run daily from cron or a scheduler)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from masthead.community.mail import send_moderation_digest


class Command(BaseCommand):
    help = "Mail editors listed in Settings → Comments how many comments wait for moderation."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_moderation_digest()
        self.stdout.write(f"Moderation digest sent to {sent} editor(s).")

"""``masthead import-wordpress EXPORT.xml``: move a WordPress site's archive in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

from masthead.importers.command import MEGABYTE, ImportCommand
from masthead.importers.sources.wordpress import WordPressExport


class Command(ImportCommand):
    source_label = "WordPress"
    file_help = "The export file from WordPress's Tools → Export (WXR, .xml)."
    help = (
        "Import a WordPress export: posts as articles (published, drafts, scheduled; private "
        "and password-protected ones restricted, never public), authors, categories and tags "
        "(see --mapping), featured and in-post images (--uploads or --fetch-media), and "
        "redirects from every old address. Safe to run again: what changed is updated, "
        "nothing is duplicated. Pages and comments are not imported."
    )

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--time-zone",
            default=settings.TIME_ZONE,
            help="The old site's time zone, for posts whose export gives only local time "
            "(the TIME_ZONE setting).",
        )

    def reader(self, path: Path, options: dict[str, Any]) -> WordPressExport:
        return WordPressExport(
            path,
            time_zone=options["time_zone"],
            max_field_bytes=int(options["max_post_mb"] * MEGABYTE),
        )

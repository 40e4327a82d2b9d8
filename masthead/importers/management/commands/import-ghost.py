"""``masthead import-ghost EXPORT.json``: move a Ghost site's archive in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from masthead.importers.command import MEGABYTE, ImportCommand
from masthead.importers.sources.ghost import GhostExport


class Command(ImportCommand):
    source_label = "Ghost"
    file_help = "The JSON file from Ghost's Settings → Advanced → Export."
    default_tags = "themes"
    help = (
        "Import a Ghost export: posts as articles (members-only and paid posts restricted, "
        "never public), authors, tags as themes (see --mapping), feature and in-post images "
        "(--uploads with a copy of content/images, or --fetch-media), members subscribed to "
        "the newsletter as confirmed subscribers, and redirects from Ghost's addresses. Safe "
        "to run again."
    )

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--site-url",
            default="",
            help="The Ghost site's address (e.g. https://old.example); the export writes "
            "__GHOST_URL__ in its place, and images are fetched from there.",
        )

    def reader(self, path: Path, options: dict[str, Any]) -> GhostExport:
        return GhostExport(path, site_url=options["site_url"], max_bytes=int(500 * MEGABYTE))

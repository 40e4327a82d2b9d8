"""``masthead import-substack EXPORT.zip``: move a Substack publication's archive in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from masthead.importers.command import MEGABYTE, ImportCommand
from masthead.importers.sources.substack import SubstackExport


class Command(ImportCommand):
    source_label = "Substack"
    file_help = "The zip from Substack's Settings → Exports (posts.csv, posts/*.html, email list)."
    help = (
        "Import a Substack export: posts as articles (paid-only posts restricted, never "
        "public), images (--fetch-media), subscribers as confirmed newsletter subscribers, "
        "and redirects from /p/<slug>. Safe to run again."
    )

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--author",
            default="",
            help="The byline for every post (Substack's export names no author).",
        )
        parser.add_argument(
            "--site-url",
            default="",
            help="The publication's address (e.g. https://name.substack.com), for links "
            "between posts.",
        )

    def reader(self, path: Path, options: dict[str, Any]) -> SubstackExport:
        return SubstackExport(
            path,
            author=options["author"],
            site_url=options["site_url"],
            max_member_bytes=int(options["max_post_mb"] * MEGABYTE),
        )

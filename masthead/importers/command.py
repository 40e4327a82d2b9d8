"""What the three import commands share: options, progress bar, summary and error handling."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from .mapping import MappingError, load_mapping
from .media import MediaOptions
from .records import ExportError, ExportReader
from .services import ImportOptions, import_export

MEGABYTE = 1_000_000


class ImportCommand(BaseCommand):
    source_label = ""
    file_help = ""
    default_tags = "drop"  # what tags become without a mapping file

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("export", type=Path, help=self.file_help)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read everything and report what would be created or updated; write nothing "
            "and fetch no images.",
        )
        parser.add_argument(
            "--mapping",
            type=Path,
            help="A YAML or JSON file saying which categories and tags become regions, themes "
            "or reports (docs/importing.md). Without it: categories become themes, tags are "
            "dropped, 'Uncategorized' is dropped.",
        )
        parser.add_argument(
            "--uploads",
            type=Path,
            help="A local copy of the old site's uploads folder (wp-content/uploads) to take "
            "images from.",
        )
        parser.add_argument(
            "--fetch-media",
            action="store_true",
            help="Download images from their old addresses (where --uploads lacks them).",
        )
        parser.add_argument(
            "--media-timeout",
            type=float,
            default=20.0,
            help="Seconds to wait for each image download (20).",
        )
        parser.add_argument(
            "--media-max-mb",
            type=float,
            default=20.0,
            help="Largest image accepted, in megabytes (20).",
        )
        parser.add_argument(
            "--max-post-mb",
            type=float,
            default=5.0,
            help="Largest post body accepted, in megabytes; bigger ones are skipped, listed (5).",
        )
        parser.add_argument(
            "--sticky-as-lead",
            action="store_true",
            help="Make the newest sticky (featured) post the front page's lead story.",
        )

    def reader(self, path: Path, options: dict[str, Any]) -> ExportReader:
        raise NotImplementedError

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verbosity"] < 2:
            # Page and task audit lines would bury the progress bar; they stay in the admin's log.
            for name in ("wagtail", "django_tasks"):
                logging.getLogger(name).setLevel(logging.WARNING)
        path: Path = options["export"]
        if not path.exists():
            raise CommandError(f"There is no file {path}.")
        uploads = options["uploads"]
        if uploads is not None and not uploads.is_dir():
            raise CommandError(f"--uploads {uploads} is not a folder.")
        try:
            mapping = load_mapping(options["mapping"], tags=self.default_tags)
        except MappingError as error:
            raise CommandError(str(error)) from None
        import_options = ImportOptions(
            source_label=self.source_label,
            dry_run=options["dry_run"],
            mapping=mapping,
            sticky_as_lead=options["sticky_as_lead"],
            media=MediaOptions(
                uploads_dir=uploads,
                fetch=options["fetch_media"],
                timeout=options["media_timeout"],
                max_bytes=int(options["media_max_mb"] * MEGABYTE),
            ),
        )

        def progress(items: Any, total: int) -> Any:
            return tqdm(
                items,
                total=total,
                desc=f"{self.source_label} posts",
                unit="post",
                disable=options["verbosity"] == 0,
                file=self.stderr,
            )

        try:
            summary = import_export(self.reader(path, options), import_options, progress=progress)
        except ExportError as error:
            raise CommandError(str(error)) from None
        for line in summary.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"{self.source_label} import finished."))

"""`masthead page-files headers|clear`: the page files nginx serves (MASTHEAD_PAGE_FILES_DIR)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.server.page_files import nginx_headers, page_files


class Command(BaseCommand):
    help = (
        "The pages Masthead writes as files for nginx (MASTHEAD_PAGE_FILES_DIR; docs/deploy.md, "
        "'nginx in front'). 'headers' prints the add_header lines nginx needs to answer from "
        "them with the headers Masthead sends, for this configuration; 'clear' removes every "
        "page file on this machine (nginx then asks Masthead, which writes them again)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{headers,clear}")
        actions.add_parser(
            "headers", help="Print the add_header lines for nginx's page-files location."
        )
        actions.add_parser("clear", help="Remove every page file on this machine.")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "headers":
            self.stdout.write("\n".join(nginx_headers()))
            return
        files = page_files()
        if files is None:
            raise CommandError("MASTHEAD_PAGE_FILES_DIR is not set: there are no page files.")
        files.remove_everything()
        self.stdout.write(f"Removed every page file under {files.root}.")

"""What an import did, counted as it goes and told at the end (or, in a dry run, what it would
have done)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ImportSummary:
    dry_run: bool = False
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    missing_images: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    redirects: int = 0
    comments_not_imported: int = 0  # approved, but the comments app isn't installed
    comments_left_out: Counter[str] = field(default_factory=Counter)
    mapping: str = ""

    def lines(self) -> list[str]:
        def counts(counter: Counter[str]) -> str:
            return ", ".join(f"{n} {kind}" for kind, n in sorted(counter.items())) or "nothing"

        verb = "Would create" if self.dry_run else "Created"
        lines = [
            f"{verb}: {counts(self.created)}.",
            f"{'Would update' if self.dry_run else 'Updated'}: {counts(self.updated)}.",
            f"Unchanged since the last import: {counts(self.unchanged)}.",
            f"Redirects from old addresses: {self.redirects}.",
            f"Categories and tags: {self.mapping}.",
        ]
        if self.comments_not_imported:
            lines.append(
                f"Comments: {self.comments_not_imported} approved comment(s) not imported: the "
                "comments app (masthead.community) is not installed. Run the import again once "
                "it is."
            )
        if self.comments_left_out:
            left_out = ", ".join(f"{n} {why}" for why, n in sorted(self.comments_left_out.items()))
            lines.append(f"Comments left out: {left_out}.")
        sections = (
            ("Skipped", self.skipped),
            ("Missing images", self.missing_images),
            ("Kept as-is for an editor to look at", self.notes),
            ("Warnings", self.warnings),
        )
        for title, items in sections:
            if items:
                lines.append(f"{title} ({len(items)}):")
                lines.extend(f"  - {item}" for item in items)
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines

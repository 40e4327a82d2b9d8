"""Where the source's categories and tags go: regions, themes, reports, or nowhere.

The mapping file (YAML or JSON, ``--mapping``) says, for example::

    categories: themes          # categories not listed below (default: themes)
    tags: drop                  # tags not listed below (default: drop)
    terms:
      category/uncategorized: drop
      category/africa: regions
      category/elections-2024: reports
      tag/climate: {as: themes, slug: climate-and-energy}   # into an existing theme

Without a file, categories become themes and tags are dropped (their names stay searchable
in nothing, so say so to the outlet); WordPress's "Uncategorized" is always dropped unless
the file names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SECTIONS = {"regions", "themes", "reports"}
DROP = "drop"


class MappingError(ValueError):
    pass


@dataclass(frozen=True)
class Target:
    section: str  # "regions", "themes", "reports" or "drop"
    slug: str = ""  # an existing or new page's slug; empty means the term's own


@dataclass(frozen=True)
class TaxonomyMapping:
    categories: str = "themes"
    tags: str = DROP
    terms: dict[str, Target] = field(default_factory=dict)

    def target(self, kind: str, key: str) -> Target:
        named = self.terms.get(f"{kind}/{key}")
        if named is not None:
            return named
        if kind == "category" and key == "uncategorized":
            return Target(DROP)
        return Target(self.categories if kind == "category" else self.tags)

    def describe(self) -> str:
        listed = f"; {len(self.terms)} term(s) mapped one by one" if self.terms else ""
        return f"categories → {self.categories}, tags → {self.tags}{listed}"


def _section(value: Any, where: str) -> str:
    if value not in SECTIONS | {DROP}:
        raise MappingError(f"{where}: “{value}” is not one of regions, themes, reports or drop.")
    return str(value)


def load_mapping(path: Path | None, *, tags: str = DROP) -> TaxonomyMapping:
    """The mapping in ``path`` (YAML, of which JSON is a part), or the default; ``tags`` is
    the default for tags (Ghost's only taxonomy is its tags, so they become themes there)."""
    if path is None:
        return TaxonomyMapping(tags=tags)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MappingError(f"Can't read the mapping file {path}: {error.strerror}.") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise MappingError(f"The mapping file {path} is not valid YAML or JSON: {error}") from None
    if not isinstance(data, dict):
        raise MappingError(
            f"The mapping file {path} must hold a mapping (categories, tags, terms)."
        )
    unknown = set(data) - {"categories", "tags", "terms"}
    if unknown:
        raise MappingError(
            f"The mapping file {path} has unknown keys: {', '.join(sorted(unknown))}."
        )
    terms: dict[str, Target] = {}
    for name, value in (data.get("terms") or {}).items():
        where = f"{path.name}, terms → {name}"
        if not isinstance(name, str) or not name.startswith(("category/", "tag/")):
            raise MappingError(f"{where}: a term is written category/<slug> or tag/<slug>.")
        if isinstance(value, dict):
            terms[name] = Target(_section(value.get("as"), where), str(value.get("slug") or ""))
        else:
            terms[name] = Target(_section(value, where))
    return TaxonomyMapping(
        categories=_section(data.get("categories", "themes"), f"{path.name}, categories"),
        tags=_section(data.get("tags", tags), f"{path.name}, tags"),
        terms=terms,
    )

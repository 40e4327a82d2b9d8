"""Export files and helpers for the importers' tests: run a command, read its summary."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from masthead.news.tests.factories import png_bytes

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def no_translation(settings: Any) -> None:
    """Publishing queues translation; these tests are about importing, not translating."""
    settings.MASTHEAD_TRANSLATION_LANGUAGES = []


@pytest.fixture
def uploads(tmp_path: Path) -> Path:
    """A local copy of the old site's wp-content/uploads, holding one of its two images."""
    folder = tmp_path / "uploads" / "2024" / "05"
    folder.mkdir(parents=True)
    (folder / "night-ferry.png").write_bytes(png_bytes(640, 360, "#203040"))
    return tmp_path / "uploads"


def run(command: str, *args: str) -> str:
    """Run an import command; its standard output (the summary)."""
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=io.StringIO(), verbosity=0)
    return out.getvalue()

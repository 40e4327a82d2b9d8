"""Every environment variable the code reads is in the README's configuration table (and every
one the test suite reads is in the README), so a newcomer finds each knob and its default."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
READER_CALLS = re.compile(r"env|env\.\w+|os\.environ\.get|os\.getenv")
ENVIRONMENTS = {"os.environ", "env.ENVIRON"}


def variables_read(path: Path) -> set[str]:
    """Names read through django-environ's ``env`` or ``os.environ`` in one module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and READER_CALLS.fullmatch(ast.unparse(node.func))
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(node.args[0].value)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) in ENVIRONMENTS:
            found.add(ast.literal_eval(node.slice))
        elif isinstance(node, ast.Compare) and any(
            ast.unparse(other) in ENVIRONMENTS for other in node.comparators
        ):
            found.add(ast.literal_eval(node.left))
    return found


def modules(tests: bool) -> list[Path]:
    return [
        path
        for path in (ROOT / "masthead").rglob("*.py")
        if ("tests" in path.parts or path.name == "conftest.py") == tests
    ]


def readme_section(title: str) -> str:
    readme = (ROOT / "README.md").read_text()
    start = readme.index(f"## {title}")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end != -1 else None]


def test_every_variable_the_code_reads_is_in_the_configuration_table():
    read = set().union(*(variables_read(path) for path in modules(tests=False)))
    rows = [line for line in readme_section("Configuration").splitlines() if line.startswith("|")]
    documented = {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row)}

    assert {"SECRET_KEY", "MASTHEAD_FEED_ITEMS", "AXES_FAILURE_LIMIT", "PORT"} <= read
    assert sorted(read - documented) == []
    # Each row gives a default (or says there is none).
    assert all(row.count("|") >= 4 and row.split("|")[2].strip() for row in rows)


def test_every_variable_the_tests_read_is_in_the_readme():
    read = set().union(*(variables_read(path) for path in modules(tests=True)))
    readme = (ROOT / "README.md").read_text()

    assert {"CI", "MASTHEAD_CHROMIUM"} <= read
    assert sorted(name for name in read if f"`{name}`" not in readme) == []

"""Reader-facing code gets articles only from ``news.selectors.readable_articles()``.

``ArticlePage.objects`` or a bare ``.live()`` in reader-facing code is how private articles
leaked into feeds, listings, search and the newsletter: this test reads every module and
fails on one outside the few places that serve staff or maintenance, never readers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]

# Staff and maintenance code: the admin, commands, and background work over every article.
NOT_READER_FACING = {
    "news/selectors.py",  # the one place that defines what readers may see
    "translation/admin_views.py",  # staff's coverage pages
    "translation/services.py",  # translating every article, restricted ones too
    "translation/management/commands/translate.py",
    "demo/loader.py",
    "demo/banner.py",  # the terminal banner: finds the demo's scheduled draft by its slug
    "importers/services.py",  # importing every post, restricted and unpublished ones too
    # Members-only teasers: the articles readable_articles() hides from everyone on purpose;
    # listed with the same .live().public() rule, headline and standfirst only.
    "membership/selectors.py",
}


def article_queries(source: str) -> list[tuple[int, str]]:
    """(line, what) for each ``ArticlePage.objects`` and each ``.live()`` call in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "objects"
            and isinstance(node.value, ast.Attribute | ast.Name)
            and (getattr(node.value, "id", None) or getattr(node.value, "attr", None))
            == "ArticlePage"
        ):
            found.append((node.lineno, "ArticlePage.objects"))
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "live"
        ):
            found.append((node.lineno, ".live()"))
    return found


def reader_modules() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if "tests" not in path.relative_to(PACKAGE).parts
        and "migrations" not in path.relative_to(PACKAGE).parts
        and path.relative_to(PACKAGE).as_posix() not in NOT_READER_FACING
    ]


def test_reader_facing_code_queries_articles_only_through_the_selector() -> None:
    offences = [
        f"masthead/{path.relative_to(PACKAGE).as_posix()}:{line}: {what}"
        for path in reader_modules()
        for line, what in article_queries(path.read_text())
    ]
    assert offences == [], (
        "Use masthead.news.selectors.readable_articles() (or readable_pages()) instead:\n"
        + "\n".join(offences)
    )


@pytest.mark.parametrize(
    "source",
    [
        "ArticlePage.objects.filter(slug='x')",
        "models.ArticlePage.objects.all()",
        "page.get_children().live()",
    ],
)
def test_the_guard_catches_each_way_of_bypassing_the_selector(source: str) -> None:
    assert article_queries(source)


def test_the_allow_list_names_files_that_exist() -> None:
    missing = [name for name in NOT_READER_FACING if not (PACKAGE / name).exists()]
    assert missing == []

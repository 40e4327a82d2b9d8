"""Path converters for ids in readers' URLs, so an absurd number is a 404 and never reaches
the database (SQLite raises OverflowError past 2**63, PostgreSQL past its column's range).

Importing this module registers them: ``<article_id:...>`` (pages: Wagtail's ids are 32-bit,
so up to nine digits) and ``<record_id:...>`` (rows with 64-bit ids, such as comments: up to
eighteen digits).
"""

from __future__ import annotations

from django.urls import register_converter


class ArticleIdConverter:
    """Up to nine digits: a longer number is no article (and would overflow the database)."""

    regex = "[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


class RecordIdConverter(ArticleIdConverter):
    """Up to eighteen digits: within a 64-bit id."""

    regex = "[0-9]{1,18}"


register_converter(ArticleIdConverter, "article_id")
register_converter(RecordIdConverter, "record_id")

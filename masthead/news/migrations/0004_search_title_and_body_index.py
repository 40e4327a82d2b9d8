"""An index for readers' searches on PostgreSQL.

Wagtail's PostgreSQL search matches ``title || body`` against the query, and only the two
columns have GIN indexes, so every search read every index entry: 2.6 s for two words over
100,000 articles (bench/RESULTS.md). An index on the expression itself answers it in a few ms.
Other databases search differently and need nothing.
"""

from django.db import migrations

INDEX = "masthead_search_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_editorial_roles"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]

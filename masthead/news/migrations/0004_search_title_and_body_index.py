"""Indexes for readers' searches on PostgreSQL.

Wagtail's PostgreSQL search matches ``title || body`` against the query, and only the two
columns have GIN indexes, so every search read every index entry; it then joins the entries
to articles on the article's id cast to text, which no index served, so it read every article
too. Two words over 100,000 articles took 2.6 s, and 36 ms with these two indexes on the same
loaded machine (bench/RESULTS.md). Other databases search differently and need neither.
"""

from django.db import migrations

INDEXES = {
    "masthead_search_title_body_gin": "wagtailsearch_indexentry USING gin ((title || body))",
    "masthead_articlepage_id_text": "news_articlepage (((page_ptr_id)::varchar(50)::text))",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_editorial_roles"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]

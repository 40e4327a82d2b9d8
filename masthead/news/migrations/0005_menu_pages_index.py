"""An index on the pages shown in the site's menu, for the header every reader's page shows.

The header lists the home page's children that are in the menu (``get_children().in_menu()``:
depth, a path range and ``show_in_menus``). Wagtail indexes the path but not the depth, so with
100,000 articles under the home page PostgreSQL read every page row to find the five sections:
about 50 ms on every uncached page (bench/RESULTS.md). A partial index on the few pages in the
menu answers it from those rows alone, on PostgreSQL and SQLite alike.
"""

from django.db import migrations

INDEX = "masthead_page_in_menus"


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_search_title_and_body_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (path) WHERE show_in_menus",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]

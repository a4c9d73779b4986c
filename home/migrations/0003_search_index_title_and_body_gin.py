"""A full-text index for site search on PostgreSQL.

Wagtail's database search backend matches `(title || body) @@ query`, the
two search vectors together, while Wagtail's own migration indexes `title`
and `body` apart: no index answers the expression, and every search read all
the index entries (a parallel sequential scan of 10,000 entries, 40–95 ms,
even for a word found nowhere; bench/search.py). This GIN index on the very
expression lets PostgreSQL find the matches through the index. Nothing on
other databases (SQLite searches its FTS5 table)."""

from django.db import migrations

INDEX = "commons_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_site_settings_spam_defences"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]

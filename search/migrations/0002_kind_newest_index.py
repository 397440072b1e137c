from django.db import migrations

# A search with many results (search.views.ranked_ids) reads a page of them along these,
# not every matching row: entries of a kind newest first (search.models.NEWEST_FIRST,
# which SQLite cannot index: NULLS LAST), and the title terms with the expression of
# search.models.TermsMatch (the first tier: every word in the title).
INDEXES = {
    "searchentry_kind_newest": 'ON "search_searchentry" ("kind", "date" DESC NULLS LAST, "id" DESC)',
    "searchentry_title_terms_gin": 'ON "search_searchentry" '
    "USING gin (array_to_tsvector(string_to_array(btrim(\"title_terms\"), ' ')))",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" {definition}')


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]

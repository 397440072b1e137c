from django.db import migrations

# A search with many results (search.views.ranked_ids) reads a page of them along an
# index, not every matching row, and tests each row it reads: the terms are kept as
# tsvectors (search.models.TermsMatch) in the row (STORAGE MAIN, not out of line), so a
# row's test is a lookup, not the sorting of its few hundred terms again nor a read of
# the TOAST table. The entries of a kind newest first (search.models.NEWEST_FIRST, which
# SQLite cannot index: NULLS LAST) and the title terms (the first tier: every word in the
# title) are indexed too.
VECTORS = {
    "terms_vector": "terms",
    "title_terms_vector": "title_terms",
}
STATEMENTS = [
    'ALTER TABLE "search_searchentry" '
    + ", ".join(
        f'ADD COLUMN "{vector}" tsvector '
        f"GENERATED ALWAYS AS (array_to_tsvector(string_to_array(btrim(\"{column}\"), ' '))) STORED, "
        f'ALTER COLUMN "{vector}" SET STORAGE MAIN'
        for vector, column in VECTORS.items()
    ),
    'DROP INDEX IF EXISTS "searchentry_terms_gin"',
    'CREATE INDEX "searchentry_terms_gin" ON "search_searchentry" USING gin ("terms_vector")',
    'CREATE INDEX "searchentry_title_terms_gin" ON "search_searchentry" USING gin ("title_terms_vector")',
    'CREATE INDEX "searchentry_kind_newest" ON "search_searchentry" ("kind", "date" DESC NULLS LAST, "id" DESC)',
    'ANALYZE "search_searchentry"',
]
REVERSE = [
    'DROP INDEX IF EXISTS "searchentry_kind_newest"',
    *(f'ALTER TABLE "search_searchentry" DROP COLUMN IF EXISTS "{vector}"' for vector in VECTORS),
    'CREATE INDEX IF NOT EXISTS "searchentry_terms_gin" ON "search_searchentry" '
    "USING gin (array_to_tsvector(string_to_array(btrim(\"terms\"), ' ')))",
]


def create_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in STATEMENTS:
            schema_editor.execute(statement)


def drop_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_vectors, drop_vectors),
    ]

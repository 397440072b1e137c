from django.db import migrations

SEARCHED_COLUMNS = ["title_ko", "title_en", "summary_ko", "summary_en", "body_text_ko", "body_text_en"]


def drop_trigram_indexes(apps, schema_editor):
    """Search moved to the search app's index of analysed terms: the trigram indexes that
    served the news list's substring search (0004) only slow down every save."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in SEARCHED_COLUMNS:
        schema_editor.execute(f'DROP INDEX IF EXISTS "post_{column}_trgm"')


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0007_legacy_urls_moved_to_legacy"),
    ]

    operations = [
        migrations.RunPython(drop_trigram_indexes, migrations.RunPython.noop),
    ]

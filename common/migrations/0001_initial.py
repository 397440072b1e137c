"""TranslationSource moves here from the project package: the table stays where it is
(Meta.db_table), only Django's idea of which app owns it changes, and so does its content
type, keeping the permissions granted on it."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="whrcf", model="translationsource").update(app_label="common")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="common", model="translationsource").update(app_label="whrcf")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("whrcf", "0001_translation_sources"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TranslationSource",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("object_id", models.PositiveBigIntegerField(verbose_name="object id")),
                        ("field", models.CharField(max_length=100, verbose_name="field")),
                        ("language", models.CharField(max_length=10, verbose_name="language of the translation")),
                        ("source_hash", models.CharField(max_length=64, verbose_name="fingerprint of the source")),
                        ("source_text", models.TextField(verbose_name="source text")),
                        ("stale", models.BooleanField(default=False, verbose_name="out of date")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="contenttypes.contenttype",
                                verbose_name="content type",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "translation source",
                        "verbose_name_plural": "translation sources",
                        "db_table": "whrcf_translationsource",
                        "ordering": ["content_type", "object_id", "field", "language"],
                        "indexes": [
                            models.Index(fields=["content_type", "language", "stale"], name="translation_source_stale_idx")
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("content_type", "object_id", "field", "language"),
                                name="translation_source_unique",
                            )
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]

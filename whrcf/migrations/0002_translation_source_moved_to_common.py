"""TranslationSource now belongs to the common app (common/migrations/0001_initial.py);
its table stays."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("whrcf", "0001_translation_sources"),
        ("common", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="TranslationSource")]),
    ]

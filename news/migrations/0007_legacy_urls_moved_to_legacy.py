"""LegacyURL and MissingLegacyURL now belong to the legacy app
(legacy/migrations/0001_initial.py); their tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0006_post_listing_index'),
        ('legacy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='LegacyURL'),
                migrations.DeleteModel(name='MissingLegacyURL'),
            ],
        ),
    ]

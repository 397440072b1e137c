"""LegacyURL and MissingLegacyURL move here from the news app: their tables stay where they
are (Meta.db_table), only Django's idea of which app owns them changes, and so do their
content types, so that the Editors group keeps its permissions on them."""

import django.db.models.deletion
import django.utils.timezone
import legacy.models
from django.db import migrations, models

MODELS = ["legacyurl", "missinglegacyurl"]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="news", model__in=MODELS).update(app_label="legacy")


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="legacy", model__in=MODELS).update(app_label="news")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('editions', '0003_declaration'),
        ('news', '0006_post_listing_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MissingLegacyURL',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('old_path', models.CharField(help_text='/bbs/board.php, /E_p2100.php, /PastForum/2018.php or /news/; a whole old link pasted here is split into path and query.', max_length=500, verbose_name='old path')),
                        ('old_query', models.CharField(blank=True, help_text="What names the page: bo_table=news_eng&wr_id=33 on a board, idx=12 on the site builder's /news/; nothing for the other pages. Other parameters are left out.", max_length=500, verbose_name='old query')),
                        ('hit_count', models.PositiveIntegerField(default=1, verbose_name='requests')),
                        ('first_seen_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='first requested')),
                        ('last_seen_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='last requested')),
                    ],
                    options={
                        'verbose_name': 'missing legacy URL',
                        'db_table': 'news_missinglegacyurl',
                        'verbose_name_plural': 'missing legacy URLs',
                        'ordering': ['-hit_count', '-last_seen_at', 'pk'],
                        'constraints': [models.UniqueConstraint(fields=('old_path', 'old_query'), name='missinglegacyurl_old_address_unique')],
                    },
                ),
                migrations.CreateModel(
                    name='LegacyURL',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('old_path', models.CharField(help_text='/bbs/board.php, /E_p2100.php, /PastForum/2018.php or /news/; a whole old link pasted here is split into path and query.', max_length=500, verbose_name='old path')),
                        ('old_query', models.CharField(blank=True, help_text="What names the page: bo_table=news_eng&wr_id=33 on a board, idx=12 on the site builder's /news/; nothing for the other pages. Other parameters are left out.", max_length=500, verbose_name='old query')),
                        ('language', models.CharField(choices=[('ko', 'Korean'), ('en', 'English')], default='ko', help_text='The language of the old page: the post or edition opens in it.', max_length=7, verbose_name='language')),
                        ('status', models.PositiveSmallIntegerField(choices=[(301, 'Redirect (301)'), (410, 'Gone (410)')], default=301, help_text='Gone: the page was removed for good; readers are told so, and there is no target.', verbose_name='status')),
                        ('target_url', models.CharField(blank=True, help_text='Instead of a post or an edition: a path of this site, such as /en/forums/, or a full address.', max_length=500, validators=[legacy.models.validate_redirect_target], verbose_name='target address')),
                        ('hit_count', models.PositiveIntegerField(default=0, editable=False, verbose_name='hits')),
                        ('last_hit_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='last hit')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('edition', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='legacy_urls', to='editions.edition', verbose_name='edition')),
                        ('post', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='legacy_urls', to='news.post', verbose_name='post')),
                    ],
                    options={
                        'verbose_name': 'legacy URL',
                        'db_table': 'news_legacyurl',
                        'verbose_name_plural': 'legacy URLs',
                        'ordering': ['old_path', 'old_query'],
                        'constraints': [models.UniqueConstraint(fields=('old_path', 'old_query'), name='legacyurl_old_address_unique', violation_error_message='This old address already leads somewhere.'), models.CheckConstraint(condition=models.Q(models.Q(('edition__isnull', True), ('post__isnull', False), ('status', 301), ('target_url', '')), models.Q(('edition__isnull', False), ('post__isnull', True), ('status', 301), ('target_url', '')), models.Q(('edition__isnull', True), ('post__isnull', True), ('status', 301), models.Q(('target_url', ''), _negated=True)), models.Q(('edition__isnull', True), ('post__isnull', True), ('status', 410), ('target_url', '')), _connector='OR'), name='legacyurl_one_target_unless_gone')],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]

"""A post with no English title has no slug and is at its number alone (/ko/news/38/)
instead of /ko/news/38/post/. The old addresses redirect: the article view sends any slug
to the post's address."""

import re

from django.db import migrations, models

MADE_UP_SLUG = re.compile(r"post(-\d+)?")


def drop_made_up_slugs(apps, schema_editor):
    """`post`, `post-2`, … were given to posts with no English title to slugify."""
    Post = apps.get_model("news", "Post")
    made_up = [
        pk
        for pk, slug in Post.objects.filter(models.Q(title_en="") | models.Q(title_en__isnull=True))
        .filter(slug__startswith="post")
        .values_list("pk", "slug")
        if MADE_UP_SLUG.fullmatch(slug)
    ]
    Post.objects.filter(pk__in=made_up).update(slug="")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0010_cover_focal_point"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="post",
            name="post_slug_unique",
        ),
        migrations.AlterField(
            model_name="post",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text=(
                    "Latin letters, digits and hyphens; made from the English title when left empty. A post with no "
                    "English title has an address of its number alone."
                ),
                max_length=120,
                verbose_name="slug",
            ),
        ),
        migrations.AddConstraint(
            model_name="post",
            constraint=models.UniqueConstraint(
                condition=~models.Q(slug=""),
                fields=("slug",),
                name="post_slug_unique",
                violation_error_message="A post with this slug already exists.",
            ),
        ),
        migrations.RunPython(drop_made_up_slugs, migrations.RunPython.noop),
    ]

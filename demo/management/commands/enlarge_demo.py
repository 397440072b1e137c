"""Grow the demo archive to N published posts for benchmarks (`make bench POSTS=20000`)."""

import datetime
import itertools

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from common.languages import language_codes
from news.models import Post
from search.indexing import index
from search.models import SearchEntry

BATCH = 1000
COPY_SLUG_PREFIX = "archive-"


class Command(BaseCommand):
    help = "Copy the demo posts until there are N published posts (run load_demo first)."

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, required=True)

    def handle(self, *args, posts, **options):
        templates = list(Post.objects.published().exclude(slug__startswith=COPY_SLUG_PREFIX).order_by("pk"))
        if not templates:
            raise CommandError("No published posts to copy: run load_demo first.")
        missing = posts - Post.objects.published().count()
        oldest = min(post.published_at for post in templates)
        # Copies made by an earlier run keep their numbers (slugs are unique).
        first = Post.objects.filter(slug__startswith=COPY_SLUG_PREFIX).count() + 1
        copies = (
            self.copy(template, number, oldest)
            for number, template in zip(range(first, first + missing), itertools.cycle(templates), strict=False)
        )
        with transaction.atomic():
            while batch := list(itertools.islice(copies, BATCH)):
                # bulk_create sends no save signal: the copies are indexed here, in bulk.
                index(SearchEntry.Kind.NEWS, Post.objects.bulk_create(batch))
        if connection.vendor == "postgresql":
            # Fresh statistics, so that the planner knows the table grew and uses its indexes;
            # vacuumed now, so that autovacuum does not start on the new rows while pages are
            # being timed. VACUUM cannot run in a transaction (as in the tests).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        self.stdout.write(f"{Post.objects.published().count()} published posts.")

    def copy(self, template, number, oldest):
        """A copy of `template` dated before every demo post, one every six hours."""
        copy = Post(
            category_id=template.category_id,
            edition_id=template.edition_id,
            status=Post.Status.PUBLISHED,
            published_at=oldest - datetime.timedelta(hours=6 * number),
            slug=f"{COPY_SLUG_PREFIX}{number}",
            view_count=template.view_count,
            cover=template.cover.name,
            cover_width=template.cover_width,
            cover_height=template.cover_height,
        )
        for field in ("title", "summary", "body", "body_text", "cover_alt"):
            for code in language_codes():
                value = getattr(template, f"{field}_{code}")
                suffix = f" ({number})" if field == "title" and value else ""
                setattr(copy, f"{field}_{code}", f"{value}{suffix}" if value else value)
        return copy

"""Grow the demo archive to N published posts for benchmarks (`make bench POSTS=20000`)."""

import datetime
import itertools

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from news.models import Post
from whrcf.languages import language_codes

BATCH = 1000


class Command(BaseCommand):
    help = "Copy the demo posts until there are N published posts (run load_demo first)."

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, required=True)

    def handle(self, *args, posts, **options):
        templates = list(Post.objects.published().order_by("pk"))
        if not templates:
            raise CommandError("No published posts to copy: run load_demo first.")
        missing = posts - Post.objects.published().count()
        oldest = min(post.published_at for post in templates)
        copies = (
            self.copy(template, number, oldest)
            for number, template in zip(range(1, missing + 1), itertools.cycle(templates), strict=False)
        )
        with transaction.atomic():
            while batch := list(itertools.islice(copies, BATCH)):
                Post.objects.bulk_create(batch)
        self.stdout.write(f"{Post.objects.published().count()} published posts.")

    def copy(self, template, number, oldest):
        """A copy of `template` dated before every demo post, one every six hours."""
        copy = Post(
            category_id=template.category_id,
            edition_id=template.edition_id,
            status=Post.Status.PUBLISHED,
            published_at=oldest - datetime.timedelta(hours=6 * number),
            slug=f"archive-{number}",
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

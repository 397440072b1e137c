from django.core.management.base import BaseCommand

from news.counting import flush_all


class Command(BaseCommand):
    help = (
        "Write the view counts kept in the shared cache back to the database "
        "(run before a backup and from a periodic job; harmless at any time)."
    )

    def handle(self, *args, **options):
        written = flush_all()
        self.stdout.write(f"Wrote the view counts of {written} posts to the database.")

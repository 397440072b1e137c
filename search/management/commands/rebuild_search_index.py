from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Analyse every post, session, organization and declaration into the search index anew."

    def handle(self, *args, **options):
        for kind, count in rebuild().items():
            self.stdout.write(f"{kind}: {count}")

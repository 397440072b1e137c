from django.core.management.base import BaseCommand

from whrcf.backup import make_backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new folder inside FOLDER."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="where to create the backup-YYYYMMDD-HHMMSS folder")

    def handle(self, *args, folder, **options):
        backup, manifest = make_backup(folder)
        self.stdout.write(f"Backed up {manifest['posts']} posts to {backup}")

from django.core.management.base import BaseCommand

from whrcf.backup import restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into the database of DATABASE_URL and MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="a backup-YYYYMMDD-HHMMSS folder")
        parser.add_argument(
            "--replace", action="store_true", help="overwrite a database and media folder that are not empty"
        )

    def handle(self, *args, backup, replace, **options):
        manifest = restore_backup(backup, replace=replace)
        self.stdout.write(f"Restored {manifest['posts']} posts from the backup of {manifest['created']}.")

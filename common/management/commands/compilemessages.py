from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import compilemessages

from common.interface_translations import entries_adding_markup


class Command(compilemessages.Command):
    """Django's compilemessages, which first refuses catalogues of LOCALE_PATHS whose
    translations add markup to their source (common/interface_translations.py)."""

    def handle(self, **options):
        problems = [
            f"{po_path}: {msgid!r} adds {' '.join(tags)}"
            for locale_path in settings.LOCALE_PATHS
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po"))
            for msgid, tags in entries_adding_markup(po_path)
        ]
        if problems:
            raise CommandError("Translations may not add markup:\n" + "\n".join(problems))
        return super().handle(**options)

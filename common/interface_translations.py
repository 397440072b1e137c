"""Interface translations cannot add markup.

Django marks the translation of a template's literal text as safe: `{% translate "WHRCF
News" %}` and `{% blocktranslate %}` print whatever the catalogue says, unescaped, so a
translation saved in /rosetta/ was HTML in every page header. A translation may therefore
hold only the markup of its English source: every tag, and every `<`, of the translation
must be in the source, attributes and all. Checked where a translation can come in: on
save in Rosetta (`refuse_added_markup`), by `compilemessages`, and by the tests.

A translation saved in Rosetta shows at once: cached pages are made stale
(`publish_saved_catalogue`) and every worker process of the server reads the new
catalogue before its next request (`ReloadChangedCataloguesMiddleware`).
"""

import logging
import re
from collections import Counter
from pathlib import Path

import polib
from django.conf import settings
from django.utils.translation import activate, get_language
from django.utils.translation.reloader import translation_file_changed

from .page_cache import bump_content_version

logger = logging.getLogger(__name__)

# A tag, or a `<` that a browser would read as the start of one: up to the next `>`.
MARKUP = re.compile(r"<[^<>]*>?")


def added_markup(source, translation):
    """The tags of `translation` that `source` does not have (as many times as it adds them)."""
    extra = Counter(MARKUP.findall(translation)) - Counter(MARKUP.findall(source))
    return sorted(extra.elements())


def entries_adding_markup(po_path):
    """[(msgid, tags added)] of the translations of a .po file that add markup."""
    found = []
    for entry in polib.pofile(str(po_path)):
        for source, translation in translations_of(entry):
            if tags := added_markup(source, translation):
                found.append((entry.msgid, tags))
    return found


def translations_of(entry):
    """(source, translation) of each form of a polib entry: the plural forms against the
    plural source."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [(entry.msgid if n == 0 else entry.msgid_plural, text) for n, text in sorted(entry.msgstr_plural.items())]


def publish_saved_catalogue(**kwargs):
    """Rosetta's `post_save` receiver, called once it has written a catalogue and its .mo:
    this process reads the catalogues again (as Django's autoreloader has it do when a .mo
    changes), and every cached page is stale, so the next page shows the new text."""
    language = get_language()
    translation_file_changed(sender=None, file_path=Path("django.mo"))
    activate(language)
    bump_content_version()


class ReloadChangedCataloguesMiddleware:
    """Rosetta writes the .mo in the one process that took the translator's request; the
    other worker processes keep the catalogues they read at start. Each of them notices a
    project .mo changed on disk (a stat per catalogue and request) and reads them again,
    before it renders a page under the content version the save moved on."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.catalogues = [
            Path(path) / code / "LC_MESSAGES" / "django.mo"
            for path in settings.LOCALE_PATHS
            for code, _ in settings.LANGUAGES
        ]
        self.seen = self.stamps()

    def __call__(self, request):
        if (stamps := self.stamps()) != self.seen:
            self.seen = stamps
            translation_file_changed(sender=None, file_path=Path("django.mo"))
        return self.get_response(request)

    def stamps(self):
        return [(stat.st_mtime_ns, stat.st_size) if (stat := stat_or_none(path)) else None for path in self.catalogues]


def stat_or_none(path):
    try:
        return path.stat()
    except OSError:
        return None


def refuse_added_markup(sender, old_msgstr, **kwargs):
    """Rosetta's `entry_changed` receiver, called before the catalogue is written: a
    translation that adds markup is not kept. The entry (`sender`) goes back to its earlier
    translation; a plural form is emptied and the entry marked fuzzy, so that the English
    source shows until a translator fixes it."""
    if added_markup(sender.msgid, sender.msgstr):
        logger.warning("Translation of %r refused: it adds markup.", sender.msgid)
        sender.msgstr = old_msgstr if not added_markup(sender.msgid, old_msgstr) else ""
    for number, translation in list(sender.msgstr_plural.items()):
        source = sender.msgid if number == 0 else sender.msgid_plural
        if added_markup(source, translation):
            logger.warning("Translation of %r refused: it adds markup.", sender.msgid_plural)
            sender.msgstr_plural[number] = ""
            if "fuzzy" not in sender.flags:
                sender.flags.append("fuzzy")

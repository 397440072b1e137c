"""Interface translations cannot add markup.

Django marks the translation of a template's literal text as safe: `{% translate "WHRCF
News" %}` and `{% blocktranslate %}` print whatever the catalogue says, unescaped, so a
translation saved in /rosetta/ was HTML in every page header. A translation may therefore
hold only the markup of its English source: every tag, and every `<`, of the translation
must be in the source, attributes and all. Checked where a translation can come in: on
save in Rosetta (`refuse_added_markup`), by `compilemessages`, and by the tests.
"""

import logging
import re
from collections import Counter

import polib

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

"""The body editor's words (django-prose-editor) in the admin's language.

Its dialogs ask `gettext()` for their words, which Django's JavaScript catalog of the
admin does not have; its toolbar's tooltips are English words it never translates. The
post form renders this catalog as JSON (templates/admin/news/post/change_form.html) and
news/static/news/body_editor_i18n.js adds it to Django's catalog and puts the tooltips in
the admin's language. The keys are the editor's own words, as its scripts spell them.
"""

from django.utils.translation import pgettext_lazy

# The words of its dialogs, which it looks up with gettext().
DIALOGS = {
    "Insert Figure": pgettext_lazy("body editor", "Insert Figure"),
    "Edit Figure": pgettext_lazy("body editor", "Edit Figure"),
    "Edit Image": pgettext_lazy("body editor", "Edit Image"),
    "Image URL": pgettext_lazy("body editor", "Image URL"),
    "Browse...": pgettext_lazy("body editor", "Browse..."),
    "Alternative Text": pgettext_lazy("body editor", "Alternative Text"),
    "Caption": pgettext_lazy("body editor", "Caption"),
    "Add caption": pgettext_lazy("body editor", "Add caption"),
    "Remove caption": pgettext_lazy("body editor", "Remove caption"),
    "Insert": pgettext_lazy("body editor", "Insert"),
    "Update": pgettext_lazy("body editor", "Update"),
    "Cancel": pgettext_lazy("body editor", "Cancel"),
    "Edit Link": pgettext_lazy("body editor", "Edit Link"),
    "URL": pgettext_lazy("body editor", "URL"),
    "Title": pgettext_lazy("body editor", "Title"),
    "Open in new window": pgettext_lazy("body editor", "Open in new window"),
    "Edit HTML": pgettext_lazy("body editor", "Edit HTML"),
    "Prettify": pgettext_lazy("body editor", "Prettify"),
    "The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema.": pgettext_lazy(
        "body editor",
        "The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema.",
    ),
    "Insert Table": pgettext_lazy("body editor", "Insert Table"),
    "Table Properties": pgettext_lazy("body editor", "Table Properties"),
    "Rows": pgettext_lazy("body editor", "Rows"),
    "Columns": pgettext_lazy("body editor", "Columns"),
    "Include header row": pgettext_lazy("body editor", "Include header row"),
    "List properties": pgettext_lazy("body editor", "List properties"),
    "List type": pgettext_lazy("body editor", "List type"),
    "Start at": pgettext_lazy("body editor", "Start at"),
    "Bullets": pgettext_lazy("body editor", "Bullets"),
    "Decimal numbers": pgettext_lazy("body editor", "Decimal numbers"),
    "Lowercase letters": pgettext_lazy("body editor", "Lowercase letters"),
    "Uppercase letters": pgettext_lazy("body editor", "Uppercase letters"),
    "Lowercase Roman numerals": pgettext_lazy("body editor", "Lowercase Roman numerals"),
    "Uppercase Roman numerals": pgettext_lazy("body editor", "Uppercase Roman numerals"),
    "Toggle fullscreen": pgettext_lazy("body editor", "Toggle fullscreen"),
}

# The tooltips of its toolbar, its list of block styles and the choices of its dialogs,
# which it never translates.
TOOLBAR = {
    "Heading 2": pgettext_lazy("body editor", "Heading 2"),
    "Heading 3": pgettext_lazy("body editor", "Heading 3"),
    "Heading 4": pgettext_lazy("body editor", "Heading 4"),
    "paragraph": pgettext_lazy("body editor", "paragraph"),
    "Paragraph": pgettext_lazy("body editor", "Paragraph"),
    "bold": pgettext_lazy("body editor", "bold"),
    "italic": pgettext_lazy("body editor", "italic"),
    "underline": pgettext_lazy("body editor", "underline"),
    "strike": pgettext_lazy("body editor", "strike"),
    "subscript": pgettext_lazy("body editor", "subscript"),
    "superscript": pgettext_lazy("body editor", "superscript"),
    "unordered list": pgettext_lazy("body editor", "unordered list"),
    "ordered list": pgettext_lazy("body editor", "ordered list"),
    "blockquote": pgettext_lazy("body editor", "blockquote"),
    "horizontal rule": pgettext_lazy("body editor", "horizontal rule"),
    "insert link": pgettext_lazy("body editor", "insert link"),
    "remove link": pgettext_lazy("body editor", "remove link"),
    "figure": pgettext_lazy("body editor", "figure"),
    "Insert table": pgettext_lazy("body editor", "Insert table"),
    "Add column": pgettext_lazy("body editor", "Add column"),
    "Delete column": pgettext_lazy("body editor", "Delete column"),
    "Add row": pgettext_lazy("body editor", "Add row"),
    "Delete row": pgettext_lazy("body editor", "Delete row"),
    "Merge cells": pgettext_lazy("body editor", "Merge cells"),
    "Split cell": pgettext_lazy("body editor", "Split cell"),
    "Toggle header cell": pgettext_lazy("body editor", "Toggle header cell"),
    "Delete table": pgettext_lazy("body editor", "Delete table"),
    "edit HTML": pgettext_lazy("body editor", "edit HTML"),
    "undo": pgettext_lazy("body editor", "undo"),
    "redo": pgettext_lazy("body editor", "redo"),
    "Yes": pgettext_lazy("body editor", "Yes"),
    "No": pgettext_lazy("body editor", "No"),
}


def body_editor_catalog():
    """{"dialogs": {word: translation}, "toolbar": {word: translation}} in the active language."""
    return {
        "dialogs": {word: str(translation) for word, translation in DIALOGS.items()},
        "toolbar": {word: str(translation) for word, translation in TOOLBAR.items()},
    }

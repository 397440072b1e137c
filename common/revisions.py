"""Stored revisions of content (django-reversion), compared field by field and language by
language with the word diff the stale-translation notices use."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_noop
from django_prose_editor.fields import ProseEditorField

from .freshness import word_changes
from .languages import language_codes, translated_fields
from .text import html_to_text

# Messages of django-reversion's admin, which ships no Korean catalog: listed here so
# `make messages` keeps them in ours, and the Korean admin shows them translated.
REVERSION_MESSAGES = [
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Initial version."),
    gettext_noop("Could not save %(object_repr)s version - missing dependency."),
    gettext_noop("Could not load %(object_repr)s version - not found"),
]


def compared_fields(model, older, newer):
    """What changed from the `older` Version of an object of `model` to the `newer` one:
    a list of {"field", "language", "changes"} for each language of a translated field,
    with the word diff of its text, and {"field", "before", "after"} for any other field,
    in the order of the model's fields."""
    before, after = older.field_dict, newer.field_dict
    translated = translated_fields(model)
    names = dict(settings.LANGUAGES)
    rows = []
    for field in model._meta.get_fields():
        if not field.concrete or not field.editable or field.primary_key:
            continue
        if field.name in translated:
            rows.extend(
                {
                    "field": field.verbose_name,
                    "language": names[code],
                    "changes": word_changes(plain_text(field, before, code), plain_text(field, after, code)),
                }
                for code in language_codes()
                if before.get(f"{field.attname}_{code}") != after.get(f"{field.attname}_{code}")
            )
        elif is_compared_field(field, before, after, translated):
            rows.append(
                {
                    "field": field.verbose_name,
                    "before": shown_value(field, before[field.attname]),
                    "after": shown_value(field, after.get(field.attname)),
                }
            )
    return rows


def is_compared_field(field, before, after, translated):
    """An untranslated field stored in the revisions and changed between them; never a
    language's column (title_ko), compared under its field (title)."""
    base, _separator, code = field.name.rpartition("_")
    if base in translated and code in language_codes():
        return False
    return field.attname in before and before[field.attname] != after.get(field.attname)


def plain_text(field, values, code):
    text = values.get(f"{field.attname}_{code}") or ""
    return html_to_text(text) if isinstance(field, ProseEditorField) else text


def shown_value(field, value):
    """A stored value as the admin shows it: a choice's label, a related object's name."""
    if value in (None, ""):
        return "—"
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(field, models.ManyToManyField):
        related = field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(str(obj) for obj in related) or "—"
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else value
    return value

"""Which languages a translated object or field really has: for notices, hreflang, feeds and
the admin."""

from django.conf import settings
from django.db.models import Q
from modeltranslation.translator import NotRegistered, translator


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def filled_languages(obj, field):
    """The language codes whose own column of `field` is filled (no fallback)."""
    return [code for code in language_codes() if getattr(obj, f"{field}_{code}", None)]


def empty(column):
    """Rows whose `column` has no text: modeltranslation stores a missing translation as
    NULL or as an empty string."""
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def translated_fields(model):
    """The translated fields of `model` (title, not title_ko), in the order it declares them."""
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return []
    return [field.name for field in model._meta.fields if field.name in translated]

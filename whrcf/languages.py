"""Which languages a translated object really has: for notices, hreflang and the admin."""

from django.conf import settings


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def filled_languages(obj, field):
    """The language codes whose own column of `field` is filled (no fallback)."""
    return [code for code in language_codes() if getattr(obj, f"{field}_{code}", None)]

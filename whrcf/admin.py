"""Admin pieces shared by the apps: the tabbed KOR/ENG admin with a language-status column."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .languages import filled_languages, language_codes


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing"

    def __init__(self, request, params, model, model_admin):
        self.field = model_admin.languages_field
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return settings.LANGUAGES

    def queryset(self, request, queryset):
        if self.value() not in language_codes():
            return queryset
        column = f"{self.field}_{self.value()}"
        return queryset.filter(Q(**{f"{column}__isnull": True}) | Q(**{column: ""}))


class TranslatedAdmin(TabbedTranslationAdmin):
    """KOR/ENG tabs, plus a column and a filter showing which languages are filled."""

    languages_field = "title"

    @admin.display(description=_("languages"))
    def languages(self, obj):
        filled = filled_languages(obj, self.languages_field)
        return format_html_join(
            " ",
            '<span title="{}">{} {}</span>',
            ((name, code.upper(), "✓" if code in filled else "✗") for code, name in settings.LANGUAGES),
        )

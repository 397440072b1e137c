"""Admin pieces shared by the apps: the tabbed KOR/ENG admin with a language-status column,
and the translation status page."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import translator

from .languages import empty, filled_languages, language_codes, translated_fields


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing"

    def __init__(self, request, params, model, model_admin):
        self.field = model_admin.languages_field
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return settings.LANGUAGES

    def queryset(self, request, queryset):
        """`?missing=en`: the main field lacks English; `?missing=summary_en` (a link from
        the translation status page): that field lacks English while another language
        has it."""
        value = self.value() or ""
        if value in language_codes():
            return queryset.filter(empty(f"{self.field}_{value}"))
        field, _separator, code = value.rpartition("_")
        if code in language_codes() and field in translated_fields(queryset.model):
            return queryset.filter(missing_translation(field, code))
        return queryset


def missing_translation(field, code):
    """Objects whose `field` is empty in language `code` but filled in another language."""
    filled_elsewhere = Q()
    for other in language_codes():
        if other != code:
            filled_elsewhere |= ~empty(f"{field}_{other}")
    return empty(f"{field}_{code}") & filled_elsewhere


def translation_status(request):
    """For staff: per model and language, how many objects lack a translation of each
    field (text in one language, none in the other), linked to the list of them."""
    rows = []
    for model in translator.get_registered_models(abstract=False):
        model_admin = admin.site._registry.get(model)
        fields = [field for field in translated_fields(model) if field != "body_text"]
        if model_admin is None or not model_admin.has_view_permission(request) or not fields:
            continue
        counts = model._default_manager.aggregate(
            **{
                f"missing_{field}_{code}": Count("pk", filter=missing_translation(field, code))
                for field in fields
                for code in language_codes()
            }
        )
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        linkable = MissingTranslationFilter in model_admin.list_filter
        for code, language in settings.LANGUAGES:
            missing = [
                {
                    "field": model._meta.get_field(field).verbose_name,
                    "count": counts[f"missing_{field}_{code}"],
                    "url": f"{changelist}?missing={field}_{code}" if linkable else None,
                }
                for field in fields
                if counts[f"missing_{field}_{code}"]
            ]
            rows.append({"model": model._meta.verbose_name_plural, "language": language, "missing": missing})
    context = admin.site.each_context(request) | {"title": _("Translation status"), "rows": rows}
    return TemplateResponse(request, "admin/translation_status.html", context)


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

"""Admin pieces shared by the apps: the tabbed KOR/ENG admin with a language-status column,
filters for missing and stale translations, notices of stale translations in the change
form, the translation status page, and translated-fields-only forms for translators."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import translator

from .freshness import mark_up_to_date, stale_counts, stale_object_ids, stale_translations, tracked_fields
from .languages import empty, filled_languages, language_codes, translated_fields
from .permissions import is_editor

# The change form's checkboxes "Mark the English translation as up to date".
UP_TO_DATE = "translation_up_to_date"


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


class StaleTranslationFilter(admin.SimpleListFilter):
    """Every TranslatedAdmin has it: objects with a translation that may be out of date."""

    title = _("translation freshness")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [(code, _("Stale %(language)s") % {"language": name}) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        """`?stale=en`: some English translation is stale; `?stale=summary_en` (a link
        from the translation status page): the English summary is."""
        value = self.value() or ""
        if value in language_codes():
            return queryset.filter(pk__in=stale_object_ids(queryset.model, value))
        field, _separator, code = value.rpartition("_")
        if code in language_codes() and field in tracked_fields(queryset.model):
            return queryset.filter(pk__in=stale_object_ids(queryset.model, code, field))
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
    field (text in one language, none in the other) and how many translations may be out
    of date (their source changed since), each linked to the list of those objects."""
    shown = []
    for model in translator.get_registered_models(abstract=False):
        model_admin = admin.site._registry.get(model)
        fields = tracked_fields(model)
        if model_admin is not None and model_admin.has_view_permission(request) and fields:
            shown.append((model, model_admin, fields))
    stale = stale_counts([model for model, _model_admin, _fields in shown])
    rows = []
    for model, model_admin, fields in shown:
        counts = model._default_manager.aggregate(
            **{
                f"missing_{field}_{code}": Count("pk", filter=missing_translation(field, code))
                for field in fields
                for code in language_codes()
            }
        )
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        list_filter = model_admin.get_list_filter(request)
        missing_linkable = MissingTranslationFilter in list_filter
        stale_linkable = StaleTranslationFilter in list_filter
        for code, language in settings.LANGUAGES:
            missing = [
                {
                    "field": model._meta.get_field(field).verbose_name,
                    "count": counts[f"missing_{field}_{code}"],
                    "url": f"{changelist}?missing={field}_{code}" if missing_linkable else None,
                }
                for field in fields
                if counts[f"missing_{field}_{code}"]
            ]
            stale_fields = [
                {
                    "field": model._meta.get_field(field).verbose_name,
                    "count": stale[(model, field, code)],
                    "url": f"{changelist}?stale={field}_{code}" if stale_linkable else None,
                }
                for field in fields
                if stale.get((model, field, code))
            ]
            rows.append(
                {
                    "model": model._meta.verbose_name_plural,
                    "language": language,
                    "missing": missing,
                    "stale": stale_fields,
                    "stale_objects": stale.get((model, None, code), 0),
                    "stale_url": f"{changelist}?stale={code}" if stale_linkable else None,
                }
            )
    context = admin.site.each_context(request) | {"title": _("Translation status"), "rows": rows}
    return TemplateResponse(request, "admin/translation_status.html", context)


class TranslatedAdmin(TabbedTranslationAdmin):
    """KOR/ENG tabs, plus a column and a filter showing which languages are filled, and
    everything about stale translations: a list filter, and in the change form a notice
    per stale translation with the changes of its source and a checkbox to mark it as up
    to date (templates/admin/includes/stale_translations.html)."""

    languages_field = "title"

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), StaleTranslationFilter]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["stale_translations"] = stale_translations(obj)
            context["up_to_date_name"] = UP_TO_DATE
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            mark_up_to_date(obj, request.POST.getlist(UP_TO_DATE))

    @admin.display(description=_("languages"))
    def languages(self, obj):
        filled = filled_languages(obj, self.languages_field)
        return format_html_join(
            " ",
            '<span title="{}">{} {}</span>',
            ((name, code.upper(), "✓" if code in filled else "✗") for code, name in settings.LANGUAGES),
        )


def translated_field_names(model):
    """The translated fields of `model` and their per-language columns (title, title_ko, …)."""
    fields = translated_fields(model)
    return {*fields, *(f"{field}_{code}" for field in fields for code in language_codes())}


class TranslatedFieldsOnlyMixin:
    """For a ModelAdmin or an inline: staff who are not editors may change translated
    fields only; every other field of the form is read-only for them, so a value they
    post for it is ignored."""

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if is_editor(request.user):
            return readonly
        return readonly + [name for name in self.untranslated_field_names() if name not in readonly]

    def get_prepopulated_fields(self, request, obj=None):
        prepopulated = super().get_prepopulated_fields(request, obj)
        if is_editor(request.user):
            return prepopulated
        return {name: sources for name, sources in prepopulated.items() if name not in self.untranslated_field_names()}

    def untranslated_field_names(self):
        translated = translated_field_names(self.model)
        # An inline's link to the object it is shown in is not a field of its form.
        parent = getattr(self, "parent_model", None)
        return [
            field.name
            for field in [*self.model._meta.fields, *self.model._meta.many_to_many]
            if field.editable
            and not field.primary_key
            and field.name not in translated
            and not (field.is_relation and field.related_model is parent)
        ]

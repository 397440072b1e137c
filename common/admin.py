"""Admin pieces shared by the apps: the tabbed KOR/ENG admin with a language-status column,
filters for missing and stale translations, notices of stale translations in the change
form, stored revisions (history, compare, revert, recover), the translation status page,
and translated-fields-only forms for translators; the staff groups under their names in the
staff's language."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Count, Q
from django.forms.models import _get_foreign_key
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import translator
from reversion.admin import VersionAdmin
from reversion.models import Version

from .freshness import mark_up_to_date, stale_counts, stale_object_ids, stale_translations, tracked_fields
from .languages import empty, filled_languages, language_codes, translated_fields
from .models import TranslatorLanguage
from .permissions import group_label, is_editor, writable_languages
from .revisions import compared_fields

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


class KoreaTimeSplitDateTime(AdminSplitDateTime):
    """A date and time in the site's time (Asia/Seoul), labelled so: an editor abroad sees
    which time they type. Django's note on how far the browser is from the server's time
    ("9 hours behind") is hidden (common/static/common/admin.css); its "Now" gives the
    site's time, as this label says."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["time_label"] = _("Time (Korea, KST):")
        return context


# For every admin and inline with a date and time to type (TranslatedAdmin, SessionInline).
KOREA_TIME_FIELDS = {models.DateTimeField: {"widget": KoreaTimeSplitDateTime}}


class TranslatedAdmin(VersionAdmin, TabbedTranslationAdmin):
    """KOR/ENG tabs, plus a column and a filter showing which languages are filled, and
    everything about stale translations: a list filter, and in the change form a notice
    per stale translation with the changes of its source and a checkbox to mark it as up
    to date (templates/admin/includes/stale_translations.html).

    Every save through the admin stores a revision of the object, both languages and the
    objects of its inlines (django-reversion). Its history lists them; any two compare
    field by field and language by language; editors revert to one (a new revision) and
    recover deleted objects."""

    languages_field = "title"
    history_latest_first = True
    formfield_overrides = KOREA_TIME_FIELDS
    # Counters that readers move (a post's views): left out of revisions, so a revert
    # never takes them back. Inlines may say the same of their model.
    unrevised_fields = ()

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), StaleTranslationFilter]

    @property
    def media(self):
        # After modeltranslation's script: its tabs are built first (a "ready" handler).
        tabs = ["modeltranslation/js/tabbed_translation_fields.js", "common/translator_tabs.js"]
        return super().media + forms.Media(js=tabs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            writable = writable_languages(request.user)
            # Only a translation the user may write can be marked up to date by them.
            context["stale_translations"] = [
                item | {"can_mark": item["key"].rpartition("_")[2] in writable} for item in stale_translations(obj)
            ]
            context["up_to_date_name"] = UP_TO_DATE
        if not is_editor(request.user):
            # The language tabs open on the translator's first language
            # (static/common/translator_tabs.js).
            context["translator_first_language"] = next(iter(writable_languages(request.user)), "")
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            writable = writable_languages(request.user)
            keys = [key for key in request.POST.getlist(UP_TO_DATE) if key.rpartition("_")[2] in writable]
            mark_up_to_date(obj, keys)

    def reversion_register(self, model, **kwargs):
        owner = next((inline for inline in self.inlines if inline.model is model), self)
        super().reversion_register(model, exclude=getattr(owner, "unrevised_fields", ()), **kwargs)

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        """The revisions, newest first, each with its author, time and comment, two
        columns of radio buttons to choose the pair to compare, and a link to revert."""
        versions = self.versions(request, object_id).select_related("revision__user")
        context = {
            "action_list": [
                {
                    "version": version,
                    "revision": version.revision,
                    "url": reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_revision",
                        args=[quote(version.object_id), version.pk],
                    ),
                }
                for version in versions
            ],
            "compare_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_compare", args=[quote(unquote(object_id))]
            ),
            "can_revert": self.has_revert_permission(request),
        }
        return super().history_view(request, object_id, context | (extra_context or {}))

    def compare_view(self, request, object_id):
        """Two revisions of an object (`?old=<version>&new=<version>`), side by side: what
        changed in each field, language by language, word by word."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        versions = self.versions(request, object_id).select_related("revision__user")
        chosen = []
        for name in ("old", "new"):
            version_id = request.GET.get(name, "")
            version = (
                versions.filter(pk=version_id).first() if version_id.isdigit() and len(version_id) <= 18 else None
            )
            if version is None:
                raise Http404(_("Choose two revisions of this object to compare."))
            chosen.append(version)
        older, newer = sorted(chosen, key=lambda version: version.pk)
        obj = self.get_object(request, unquote(object_id))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare revisions of %(name)s") % {"name": obj if obj is not None else older.object_repr},
            "opts": self.opts,
            "object": obj,
            "object_id": object_id,
            "older": older,
            "newer": newer,
            "changes": compared_fields(self.model, older, newer),
        }
        return TemplateResponse(request, "admin/revision_compare.html", context)

    def versions(self, request, object_id):
        return self._reversion_order_version_queryset(
            request, Version.objects.get_for_object_reference(self.model, unquote(object_id))
        )

    def has_revert_permission(self, request):
        """Reverting and recovering restore every field, not only translations: editors'
        work, on top of the permissions to add and change the objects."""
        return is_editor(request.user) and self.has_change_permission(request)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not self.has_revert_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        title = _("Revert %(name)s") % {"name": obj}
        with transaction.atomic():
            request.restore_unrevised_fields = self.unrevised_fields_restorer(obj.pk)
            return super().revision_view(request, object_id, version_id, {"title": title} | (extra_context or {}))

    def recover_view(self, request, version_id, extra_context=None):
        if not (self.has_revert_permission(request) and self.has_add_permission(request)):
            raise PermissionDenied
        version = Version.objects.filter(pk=version_id).first()
        title = _("Recover %(name)s") % {"name": version.object_repr if version else ""}
        return super().recover_view(request, version_id, {"title": title} | (extra_context or {}))

    def changelist_view(self, request, extra_context=None):
        can_recover = self.has_revert_permission(request) and self.has_add_permission(request)
        return super().changelist_view(request, {"can_recover": can_recover} | (extra_context or {}))

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_revert_permission(request):
            raise PermissionDenied
        title = _("Recover deleted %(name)s") % {"name": self.opts.verbose_name_plural}
        return super().recoverlist_view(request, {"title": title} | (extra_context or {}))

    def unrevised_fields_restorer(self, object_id):
        """Read the unrevised fields of the object and of its inlines' objects now, and
        return what writes them back. A revert resets them (a revision does not hold them);
        the change form of the revert runs it first (changeform_view), before its own save
        moves any counter on. The rows stay locked until the revert ends, so no view
        counted meanwhile is lost."""
        counted = []
        if self.unrevised_fields:
            counted.append((self.model, self.model._default_manager.filter(pk=object_id), self.unrevised_fields))
        for inline in self.inlines:
            if getattr(inline, "unrevised_fields", ()):
                link = _get_foreign_key(self.model, inline.model, inline.fk_name)
                rows = inline.model._default_manager.filter(**{link.name: object_id})
                counted.append((inline.model, rows, inline.unrevised_fields))
        kept = [
            (model, row.pop("pk"), row)
            for model, rows, fields in counted
            for row in rows.select_for_update().values("pk", *fields)
        ]

        def restore():
            for model, pk, values in kept:
                model._default_manager.filter(pk=pk).update(**values)

        return restore

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        restore = getattr(request, "restore_unrevised_fields", None)
        if restore is not None:
            request.restore_unrevised_fields = None
            restore()
        return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("languages"))
    def languages(self, obj):
        filled = filled_languages(obj, self.languages_field)
        return format_html_join(
            " ",
            '<span title="{}">{} {}</span>',
            ((name, code.upper(), "✓" if code in filled else "✗") for code, name in settings.LANGUAGES),
        )


def disable_unwritable_languages(form_class, user, model):
    """Disable the fields of `form_class` that are columns of translated fields of `model`
    in a language `user` may not write."""
    if is_editor(user):
        return
    writable = writable_languages(user)
    translated = translated_fields(model)
    for name, field in form_class.base_fields.items():
        base, _separator, code = name.rpartition("_")
        if base in translated and code in language_codes() and code not in writable:
            field.disabled = True


def translated_field_names(model):
    """The translated fields of `model` and their per-language columns (title, title_ko, …)."""
    fields = translated_fields(model)
    return {*fields, *(f"{field}_{code}" for field in fields for code in language_codes())}


class TranslatedFieldsOnlyMixin:
    """For a ModelAdmin or an inline: staff who are not editors may change translated
    fields only, and of those only the columns of the languages they translate into
    (TranslatorLanguage). Every other field is read-only for them; the other languages'
    columns are disabled: still on their language tabs, shown but not editable, and a
    value posted for them is ignored (Django keeps a disabled field's initial value)."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        disable_unwritable_languages(form, request.user, self.model)
        return form

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        disable_unwritable_languages(formset.form, request.user, self.model)
        return formset

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


@admin.register(TranslatorLanguage)
class TranslatorLanguageAdmin(admin.ModelAdmin):
    """Editors say here which languages each member of the Translators group writes."""

    list_display = ["user", "language", "order"]
    list_filter = ["language"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]


class GroupLabelFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field, request, model_admin):
        groups = Group.objects.in_bulk()
        return [(pk, group_label(groups[pk])) for pk, _name in super().field_choices(field, request, model_admin)]


admin.site.unregister(Group)
admin.site.unregister(get_user_model())


@admin.register(Group)
class GroupAdmin(auth_admin.GroupAdmin):
    """The Editors and Translators groups keep their names, which the code finds them by;
    the list shows them translated."""

    list_display = ["label", "name"]
    list_display_links = ["label"]

    @admin.display(description=_("group"), ordering="name")
    def label(self, group):
        return group_label(group)


@admin.register(get_user_model())
class UserAdmin(auth_admin.UserAdmin):
    list_filter = ["is_staff", "is_superuser", "is_active", ("groups", GroupLabelFilter)]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups":
            field.label_from_instance = group_label
        return field

"""
Who may do what in the editorial workflow.

The Editors and Translators groups are created by the migration
news/migrations/0003_editors_and_translators.py. An editor is a superuser or anyone who
may publish posts (the Editors group may); everyone else on the staff, Translators first,
edits translated content only: every other field is read-only for them in the admin.
"""

from django.contrib.auth.models import Group

from whrcf.languages import language_codes, translated_fields

EDITORS = "Editors"
TRANSLATORS = "Translators"


def is_editor(user):
    return user.is_active and (user.is_superuser or user.has_perm("news.publish_post"))


def can_preview(user):
    """Staff who may look at unpublished posts on the site."""
    return user.is_active and user.is_staff and user.has_perm("news.view_post")


def can_translate_interface(user):
    """Who may edit the interface's .po files with django-rosetta."""
    if not (user.is_active and user.is_staff):
        return False
    return user.is_superuser or Group.objects.filter(name=TRANSLATORS, user=user).exists()


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

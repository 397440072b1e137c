"""
Who may do what in the editorial workflow.

The Editors and Translators groups are created by the migration
news/migrations/0003_editors_and_translators.py. An editor is a superuser or anyone with
the permission settings.EDITOR_PERMISSION (to publish posts: the Editors group has it);
everyone else on the staff, Translators first, edits translated content only: every
other field is read-only for them in the admin (common.admin.TranslatedFieldsOnlyMixin),
and of translated fields only the columns of the languages they translate into
(common.models.TranslatorLanguage, set by an editor); someone with none set writes nothing.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .languages import language_codes

EDITORS = "Editors"
TRANSLATORS = "Translators"
# A group's name is data that the migrations and the code find it by; staff read it in
# their own language wherever the admin shows a group.
GROUP_LABELS = {EDITORS: _("Editors"), TRANSLATORS: _("Translators")}


def group_label(group):
    return GROUP_LABELS.get(group.name, group.name)


def is_editor(user):
    return user.is_active and (user.is_superuser or user.has_perm(settings.EDITOR_PERMISSION))


def writable_languages(user):
    """The languages whose columns of translated fields `user` may write in the admin, in
    the order the translator's form prefers: every language for an editor."""
    if is_editor(user):
        return language_codes()
    return list(user.translator_languages.values_list("language", flat=True)) if user.is_active else []


def can_translate_interface(user):
    """Who may edit the interface's .po files with django-rosetta."""
    if not (user.is_active and user.is_staff):
        return False
    return user.is_superuser or Group.objects.filter(name=TRANSLATORS, user=user).exists()

import reversion
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from common.admin import KOREA_TIME_FIELDS, MissingTranslationFilter, TranslatedAdmin, TranslatedFieldsOnlyMixin

from .models import Declaration, DeclarationParagraph, Edition, EditionPartner, Organization, Person, Session, Speaker


class EditionPartnerInline(TranslatedFieldsOnlyMixin, admin.TabularInline):
    model = EditionPartner
    autocomplete_fields = ["organization"]
    extra = 0


class SessionInline(TranslatedFieldsOnlyMixin, TranslationStackedInline):
    model = Session
    fields = ["kind", "field", "title", "starts_at", "ends_at", "room"]
    formfield_overrides = KOREA_TIME_FIELDS
    show_change_link = True
    extra = 0


# An edition's revisions hold its partners, not its sessions: sessions have their own
# history, and reverting an edition must not delete the sessions added since.
reversion.register(EditionPartner)
reversion.register(Edition, follow=["partnerships"])


@admin.register(Edition)
class EditionAdmin(TranslatedFieldsOnlyMixin, TranslatedAdmin):
    languages_field = "theme"
    list_display = ["number", "year", "theme", "starts_on", "ends_on", "format", "is_published", "languages"]
    list_display_links = ["number", "theme"]
    list_filter = ["format", "is_published", MissingTranslationFilter]
    search_fields = ["theme_ko", "theme_en", "summary_ko", "summary_en", "venue_ko", "venue_en"]
    inlines = [EditionPartnerInline, SessionInline]


@admin.register(Organization)
class OrganizationAdmin(TranslatedFieldsOnlyMixin, TranslatedAdmin):
    languages_field = "name"
    list_display = ["name", "acronym", "kind", "website", "languages"]
    list_filter = ["kind", MissingTranslationFilter]
    search_fields = ["name_ko", "name_en", "acronym"]
    prepopulated_fields = {"slug": ["name_en"]}
    formfield_overrides = KOREA_TIME_FIELDS | {models.URLField: {"assume_scheme": "https"}}


@admin.register(EditionPartner)
class EditionPartnerAdmin(TranslatedFieldsOnlyMixin, admin.ModelAdmin):
    list_display = ["organization", "role", "edition", "order"]
    list_filter = ["edition", "role"]
    search_fields = ["organization__name_ko", "organization__name_en", "organization__acronym"]
    autocomplete_fields = ["organization"]


class SpeakerInline(TranslatedFieldsOnlyMixin, admin.TabularInline):
    model = Speaker
    fields = ["person", "role", "order"]
    autocomplete_fields = ["person"]
    extra = 0


@admin.register(Session)
class SessionAdmin(TranslatedFieldsOnlyMixin, TranslatedAdmin):
    list_display = ["title", "edition", "kind", "starts_at", "room", "languages"]
    list_filter = ["edition", "kind", MissingTranslationFilter]
    search_fields = ["title_ko", "title_en", "summary_ko", "summary_en", "field_ko", "field_en"]
    autocomplete_fields = ["organizers"]
    date_hierarchy = "starts_at"
    formfield_overrides = KOREA_TIME_FIELDS | {models.URLField: {"assume_scheme": "https"}}
    inlines = [SpeakerInline]


@admin.register(Person)
class PersonAdmin(TranslatedFieldsOnlyMixin, TranslatedAdmin):
    languages_field = "name"
    list_display = ["name", "affiliation", "languages"]
    list_filter = [MissingTranslationFilter]
    search_fields = ["name_ko", "name_en", "affiliation_ko", "affiliation_en"]
    actions = ["merge_people"]

    @admin.action(description=_("Merge two records of the same person"), permissions=["delete"])
    def merge_people(self, request, queryset):
        """Asks which of the two selected people to keep, then gives it the other's session
        roles and deletes the other."""
        people = list(queryset.order_by("pk")[:3])
        if len(people) != 2:
            self.message_user(request, _("Select exactly two people to merge."), messages.ERROR)
            return None
        keep = next((person for person in people if str(person.pk) == request.POST.get("keep")), None)
        if keep is None:
            return TemplateResponse(
                request,
                "admin/editions/person/merge.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Merge two records of the same person"),
                    "opts": self.model._meta,
                    "people": people,
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                },
            )
        duplicate = next(person for person in people if person != keep)
        self.log_deletions(request, [duplicate])
        keep.merge(duplicate)
        self.log_change(request, keep, [{"changed": {"fields": ["roles"]}}])
        message = _("%(duplicate)s was merged into %(person)s.") % {"duplicate": duplicate, "person": keep}
        self.message_user(request, message, messages.SUCCESS)
        return None


class DeclarationParagraphInline(TranslatedFieldsOnlyMixin, TranslationStackedInline):
    model = DeclarationParagraph
    fields = ["number", "order", "text"]
    readonly_fields = ["number"]
    extra = 0


@admin.register(Declaration)
class DeclarationAdmin(TranslatedFieldsOnlyMixin, TranslatedAdmin):
    list_display = ["title", "edition", "adopted_on", "is_published", "languages"]
    list_filter = ["is_published", MissingTranslationFilter]
    list_select_related = ["edition"]
    search_fields = ["title_ko", "title_en"]
    inlines = [DeclarationParagraphInline]
    # Paragraph numbers are never given out twice: a revert keeps the counter.
    unrevised_fields = ["last_paragraph_number"]

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from whrcf.admin import MissingTranslationFilter, TranslatedAdmin

from .models import Attachment, Category, Post


@admin.register(Category)
class CategoryAdmin(TranslatedAdmin):
    languages_field = "name"
    list_display = ["name", "slug", "order", "languages"]
    prepopulated_fields = {"slug": ["name_en"]}


class AttachmentInline(TranslationTabularInline):
    model = Attachment
    fields = ["file", "title", "order", "size", "download_count"]
    readonly_fields = ["size", "download_count"]
    extra = 0


@admin.register(Post)
class PostAdmin(TranslatedAdmin):
    list_display = ["title", "category", "edition", "status", "published_at", "pinned", "view_count", "languages"]
    list_filter = ["status", "category", "edition", "pinned", MissingTranslationFilter]
    search_fields = ["title_ko", "title_en", "summary_ko", "summary_en", "body_ko", "body_en"]
    date_hierarchy = "published_at"
    readonly_fields = [
        "view_count",
        "legacy_board",
        "legacy_id",
        "legacy_twin_id",
        "author",
        "created_at",
        "updated_at",
    ]
    autocomplete_fields = ["edition", "sessions", "organizations"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [AttachmentInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "cover", "cover_alt"]}),
        (_("Links"), {"fields": ["category", "edition", "sessions", "organizations"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "pinned"]}),
        (
            _("Record"),
            {
                "fields": [
                    "view_count",
                    "author",
                    "legacy_board",
                    "legacy_id",
                    "legacy_twin_id",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        if not change and obj.author is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(Attachment)
class AttachmentAdmin(TranslatedAdmin):
    list_display = ["title", "post", "size", "download_count", "languages"]
    list_filter = [MissingTranslationFilter]
    search_fields = ["title_ko", "title_en", "post__title_ko", "post__title_en"]
    readonly_fields = ["size", "download_count"]
    autocomplete_fields = ["post"]

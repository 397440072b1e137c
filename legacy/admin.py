from urllib.parse import urlencode

from django.contrib import admin
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import LegacyURL, MissingLegacyURL
from .old_site import BOARD_PATH, BUILDER_PATH, old_page_language


class OldPageKindFilter(admin.SimpleListFilter):
    title = _("kind of old page")
    parameter_name = "kind"
    KINDS = {
        "board": Q(old_path=BOARD_PATH),
        "builder": Q(old_path=BUILDER_PATH),
        "english": Q(old_path__startswith="/E_p"),
        "past_forum": Q(old_path__startswith="/PastForum/"),
    }

    def lookups(self, request, model_admin):
        return [
            ("board", _("Board article (/bbs/board.php)")),
            ("builder", _("Site builder article (/news/)")),
            ("english", _("English page (/E_p….php)")),
            ("past_forum", _("Past forum (/PastForum/….php)")),
        ]

    def queryset(self, request, queryset):
        if self.value() in self.KINDS:
            return queryset.filter(self.KINDS[self.value()])
        return queryset


@admin.register(LegacyURL)
class LegacyURLAdmin(admin.ModelAdmin):
    list_display = ["old_address", "target", "status", "language", "hit_count", "last_hit_at"]
    list_filter = ["status", "language", OldPageKindFilter]
    list_select_related = ["post", "edition"]
    search_fields = ["old_path", "old_query", "target_url", "post__title_ko", "post__title_en"]
    autocomplete_fields = ["post", "edition"]
    readonly_fields = ["hit_count", "last_hit_at", "created_at"]
    fieldsets = [
        (_("Old address"), {"fields": ["old_path", "old_query", "language"]}),
        (_("Where it leads"), {"fields": ["status", "post", "edition", "target_url"]}),
        (_("Record"), {"fields": ["hit_count", "last_hit_at", "created_at"]}),
    ]

    @admin.display(description=_("old address"), ordering="old_path")
    def old_address(self, legacy_url):
        return legacy_url.old_url

    @admin.display(description=_("target"))
    def target(self, legacy_url):
        return legacy_url.target or "-"


@admin.register(MissingLegacyURL)
class MissingLegacyURLAdmin(admin.ModelAdmin):
    """The report of old addresses that were asked for and lead nowhere, most requested
    first, each with a link that opens a new legacy URL for it."""

    list_display = ["old_address", "hit_count", "first_seen_at", "last_seen_at", "map_link"]
    list_display_links = None
    list_filter = [OldPageKindFilter]
    search_fields = ["old_path", "old_query"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_list_display(self, request):
        if request.user.has_perm("legacy.add_legacyurl"):
            return self.list_display
        return [name for name in self.list_display if name != "map_link"]

    @admin.display(description=_("old address"), ordering="old_path")
    def old_address(self, missing):
        return missing.old_url

    @admin.display(description=_("map"))
    def map_link(self, missing):
        """The legacy URL form, filled with the address and, when it tells it, its language."""
        query = {"old_path": missing.old_path, "old_query": missing.old_query}
        if language := old_page_language(missing.old_path, QueryDict(missing.old_query)):
            query["language"] = language
        return format_html(
            '<a href="{}?{}">{}</a>', reverse("admin:legacy_legacyurl_add"), urlencode(query), _("Map it")
        )

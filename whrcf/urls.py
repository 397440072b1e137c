from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from common.admin import translation_status
from common.page_cache import cache_public_page
from common.sitemaps import sitemap_section
from editions.models import Edition
from news.models import Post

from . import views
from .sitemaps import sitemaps

admin.site.site_header = _("WHRCF News administration")
admin.site.site_title = _("WHRCF News")
admin.site.index_title = _("Content")

handler500 = views.server_error

# The public pages first: resolving tries the patterns in order, and the pages readers ask
# for are all under a language prefix (no address below starts with one).
urlpatterns = i18n_patterns(
    # The home page shows the latest posts and the current edition's partners.
    path("", cache_public_page(views.home, lists=(Post, Edition)), name="home"),
    path("news/", include("news.urls")),
    path("search/", include("search.urls")),
    path("", include("editions.urls")),
)

urlpatterns += [
    path(f"{settings.ADMIN_URL}translations/", admin.site.admin_view(translation_status), name="translation_status"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    # An index of sections, each in pages of at most 10,000 URLs (common/sitemaps.py), and
    # each page cached until content changes, as every page is (common/page_cache.py).
    path(
        "sitemap.xml",
        cache_public_page(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        cache_public_page(sitemap_section, params=("p",)),
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    # Only the project's catalogue: Rosetta's other lists name Django's and the installed
    # packages' catalogues, with their paths on the server.
    re_path(r"^rosetta/files/(?!project/)[\w-]+/", views.not_found),
    path("rosetta/", include("rosetta.urls")),
]


if settings.SERVE_MEDIA:
    urlpatterns.append(path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", views.media, name="media"))

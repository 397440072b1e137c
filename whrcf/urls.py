from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from common.admin import translation_status
from common.page_cache import cache_public_page

from . import views
from .sitemaps import sitemaps

admin.site.site_header = _("WHRCF News administration")
admin.site.site_title = _("WHRCF News")
admin.site.index_title = _("Content")

handler500 = views.server_error

urlpatterns = [
    path(f"{settings.ADMIN_URL}translations/", admin.site.admin_view(translation_status), name="translation_status"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path("rosetta/", include("rosetta.urls")),
]

urlpatterns += i18n_patterns(
    path("", cache_public_page(views.home), name="home"),
    path("news/", include("news.urls")),
    path("", include("editions.urls")),
)

if settings.SERVE_MEDIA:
    urlpatterns.append(path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", views.media, name="media"))

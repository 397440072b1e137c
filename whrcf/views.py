import sys
from http import HTTPStatus

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

from common.downloads import is_protected
from common.languages import language_codes
from editions.models import Edition
from news.models import Post

LATEST_COUNT = 6
PINNED_COUNT = 3
# What a reader is asked to wait while the database is down.
RETRY_AFTER_OUTAGE_SECONDS = 30


def home(request):
    published = Post.objects.published().for_listing()
    edition = Edition.objects.current()
    partnerships = edition.partnerships.select_related("organization") if edition else []
    return render(
        request,
        "home.html",
        {
            "pinned_posts": published.filter(pinned=True)[:PINNED_COUNT],
            "latest_posts": published.filter(pinned=False)[:LATEST_COUNT],
            "edition": edition,
            "partner_organizations": [partnership.organization for partnership in partnerships],
        },
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Crawlers may read every public page but not the admin, previews or search results."""
    lines = ["User-agent: *", f"Disallow: /{settings.ADMIN_URL}"]
    for code in language_codes():
        lines += [f"Disallow: /{code}/news/preview/", f"Disallow: /{code}/news/?q=", f"Disallow: /{code}/news/*&q="]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 while the database answers — "ok", or "degraded" when the
    cache does not, as pages then come from the database — and 503 without the database.
    No details beyond "ok"/"error", so nothing about the setup leaks."""
    checks = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        checks["database"] = "error"
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        checks["cache"] = "error"
    status = {"ok": "ok", "error": "degraded"}[checks["cache"]] if checks["database"] == "ok" else "error"
    return JsonResponse({"status": status, **checks}, status=503 if status == "error" else 200)


def not_found(request):
    raise Http404


def server_error(request):
    """A database that does not answer is an outage, not a bug: a 503 page in the reader's
    language asking to come back soon (Retry-After). Anything else is Django's 500 page."""
    if not isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return defaults.server_error(request)
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        response = render(request, "503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_OUTAGE_SECONDS)
    add_never_cache_headers(response)
    return response


@require_GET
def media(request, path):
    """Uploaded files, when no web server or object store serves them (`make prod`, a
    single small server). Only images are shown inline; anything else is a download, and
    nothing an editor uploads can run as a page of this site. A browser revalidating a
    file it has gets a bare 304: there is no body to describe. Files that may belong to
    unpublished content are only sent by views that check access first."""
    if is_protected(path):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["X-Content-Type-Options"] = "nosniff"
    if response.status_code == HTTPStatus.NOT_MODIFIED:
        return response
    if response["Content-Type"] not in INLINE_MEDIA_TYPES:
        response["Content-Disposition"] = response.get("Content-Disposition", "inline").replace(
            "inline", "attachment", 1
        )
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


INLINE_MEDIA_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"}

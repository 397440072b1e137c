"""
Public pages rendered once and served from the cache (Redis in production, so every app
server shares it) until content changes.

- Every save or delete of content bumps one content version; cached pages of older
  versions are never read again. Publishing through any server is visible at once
  through all of them.
- A cached page is good until the next scheduled post is due, so a post scheduled for
  09:00 appears at 09:00, not when the cache happens to expire.
- Only anonymous GET/HEAD requests are served from the cache; staff see live pages.
- The article page is cached with a placeholder where the view count goes; each request
  fills in the live count (news/counting.py), so caching never freezes or skips a count.
  With Redis, reading the article and counting its reader are one round trip (a script
  that compares the page's version, stored beside it, with the content version).
- Readers' browsers get an ETag and `Cache-Control: max-age=0, must-revalidate`: they
  keep a page and revalidate it, and an unchanged page costs a 304 without a body.
  Articles are `private, no-cache`, as every reader must reach the server to be counted.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

VERSION_KEY = "content-version"
MAX_AGE = 60 * 60
VIEW_COUNT_PLACEHOLDER = "@@view-count@@"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version(**kwargs):
    """Signal receiver: any content change makes every cached page stale."""
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def is_cacheable(request):
    return settings.PAGE_CACHE and request.method in ("GET", "HEAD") and not request.user.is_authenticated


def page_key(request, with_query=True):
    """The cache key of this page; `with_query=False` for pages that ignore their query
    string, so that links with tracking parameters share one cached page."""
    path = request.get_full_path() if with_query else request.path
    address = hashlib.sha256(f"{request.get_host()}{path}".encode()).hexdigest()
    return f"page:{get_language()}:{address}"


def cached_page(key):
    """The content version now, and the page cached under `key` for that version as
    (content, content_type), or None. One round trip to the cache."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or content_version()
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return version, entry[1:]
    return version, None


def page_version_key(key):
    return f"{key}:version"


def store(key, version, content, content_type="text/html; charset=utf-8"):
    """Keep a page rendered for content `version`. The version is also stored on its own
    (in the same MSET), for news/counting.py's script to compare with the current one."""
    cache.set_many(
        {key: (version, content, content_type), page_version_key(key): version},
        timeout=seconds_until_next_scheduled_post(version),
    )


def seconds_until_next_scheduled_post(version=None):
    """How long a page may stay cached: until the next scheduled post is due. When that
    is, is itself cached per content version (0: nothing scheduled), and asked again once
    the time has come."""
    key = f"next-scheduled:{version or content_version()}"
    due = cache.get(key)
    if due is None or 0 < due <= time.time():
        from news.models import Post

        due_at = Post.objects.scheduled().aggregate(due=Min("published_at"))["due"]
        due = due_at.timestamp() if due_at else 0
        cache.set(key, due, timeout=MAX_AGE)
    return MAX_AGE if not due else max(1, min(MAX_AGE, int(due - time.time()) + 1))


def cache_public_page(view):
    """Serve the view's 200 responses from the cache for anonymous readers."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_cacheable(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        version, cached = cached_page(key)
        if cached:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200 or response.streaming or response.cookies:
                return response
            store(key, version, response.content, response["Content-Type"])
        # Browsers and proxies may keep the page but must ask again each time; the ETag
        # (ConditionalGetMiddleware) turns an unchanged page into a 304.
        patch_cache_control(response, max_age=0, must_revalidate=True)
        return response

    return wrapper

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
  fills in the live count, so caching never freezes or skips a count.
"""

import hashlib
import time
from functools import wraps

from django.core.cache import cache
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

VERSION_KEY = "content-version"
MAX_AGE = 60 * 60
VIEW_COUNT_PLACEHOLDER = "@@view-count@@"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version(**kwargs):
    """Signal receiver: any content change makes every cached page stale."""
    cache.set(VERSION_KEY, str(time.time_ns()), timeout=None)


def is_cacheable(request):
    return request.method in ("GET", "HEAD") and not request.user.is_authenticated


def page_key(request):
    address = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"page:{content_version()}:{get_language()}:{address}"


def seconds_until_next_scheduled_post():
    from news.models import Post

    due = Post.objects.scheduled().aggregate(due=Min("published_at"))["due"]
    return MAX_AGE if due is None else max(1, min(MAX_AGE, int((due - timezone.now()).total_seconds()) + 1))


def cached_content(key):
    cached = cache.get(key)
    return cached[0] if cached else None


def store(key, content, content_type="text/html; charset=utf-8"):
    cache.set(key, (content, content_type), timeout=seconds_until_next_scheduled_post())


def cache_public_page(view):
    """Serve the view's 200 responses from the cache for anonymous readers."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_cacheable(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        if cached := cache.get(key):
            content, content_type = cached
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200 and not response.streaming and not response.cookies:
            store(key, response.content, response["Content-Type"])
        return response

    return wrapper

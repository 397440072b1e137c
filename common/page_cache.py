"""
Public pages rendered once and served from the cache (Redis in production, so every app
server shares it) until content changes.

- Every save or delete of content bumps one content version, and again when its
  transaction commits; cached pages of older versions are never read again.
  Publishing through any server is visible at once through all of them.
- A cached page is good until the next scheduled post is due, so a post scheduled for
  09:00 appears at 09:00, not when the cache happens to expire. When that is, the
  function named by PAGE_CACHE_NEXT_PUBLICATION_FUNCTION tells.
- Only anonymous GET/HEAD requests are served from the cache; staff see live pages.
- The cache stays bounded whatever strangers ask for: a page's key is its path, the query
  parameters it reads and the host name (no port). An address with another parameter
  (`?x=1`, `?utm_source=…`) is redirected with a 301 to the address without it, rather
  than served under the clean key, because a page's links (canonical, hreflang,
  pagination) repeat its query string. A page rendered for a Host header naming another
  port than the server's is not kept, as its absolute links name that port.
- The article page is cached with a placeholder where the view count goes; each request
  fills in the live count (news/counting.py), so caching never freezes or skips a count.
  With Redis, reading the article and counting its reader are one round trip
  (`cached_page_and_counter()`: a script that compares the page's version, stored beside
  it, with the content version).
- Readers' browsers get an ETag and `Cache-Control: max-age=0, must-revalidate`: they
  keep a page and revalidate it, and an unchanged page costs a 304 without a body.
  Articles are `private, no-cache`, as every reader must reach the server to be counted.
"""

import hashlib
import time
from functools import partial, wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.redis import RedisSerializer
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control
from django.utils.encoding import escape_uri_path
from django.utils.module_loading import import_string
from django.utils.translation import get_language

VERSION_KEY = "content-version"
MAX_AGE = 60 * 60
VIEW_COUNT_PLACEHOLDER = "@@view-count@@"


# The newest content version this process has seen. Versions only grow (they are times);
# an older one means Redis came back from an old snapshot, with the pages of that time.
newest_version_seen = 0


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return checked(version)


def checked(version):
    """`version`, or a new one if it is older than one seen before."""
    global newest_version_seen
    if version < newest_version_seen:
        return bump_content_version()
    newest_version_seen = version
    return version


def bump_content_version(**kwargs):
    """Signal receiver: any content change makes every cached page stale. Returns the new
    version, newer than any this process has seen even if the clock was set back.

    A change made in a transaction (an admin action runs in django-reversion's) bumps the
    version again when it commits: until then the other app servers still read the
    database as it was, and a page one of them renders meanwhile is stored under the
    first new version."""
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(new_content_version)
    return new_content_version()


def new_content_version():
    global newest_version_seen
    newest_version_seen = max(time.time_ns(), newest_version_seen + 1)
    cache.set(VERSION_KEY, newest_version_seen, timeout=None)
    return newest_version_seen


def invalidate_pages_on_changes(models):
    """Make every save or delete of these models, and every change of their many-to-many
    links, bump the content version (each app connects its own models in ready())."""
    for model in models:
        label = model._meta.label
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"pages-{label}-save")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"pages-{label}-del")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(bump_content_version, sender=through, dispatch_uid=f"pages-{through._meta.label}")


def is_cacheable(request):
    return settings.PAGE_CACHE and request.method in ("GET", "HEAD") and not request.user.is_authenticated


def page_key(request, params=()):
    """The cache key of this page, or None when this request is not served from the cache.
    Only the query parameters the page reads (`params`) and the host name make the key;
    a random port, or a parameter the page ignores, is no new page in the cache."""
    if not is_cacheable(request):
        return None
    address = hashlib.sha256(f"{host_name(request)}{request.path}?{clean_query(request, params)}".encode()).hexdigest()
    return f"page:{get_language()}:{address}"


def host_name(request):
    """The requested host without its port, in lower case: ALLOWED_HOSTS accepts any
    port of an allowed host."""
    host, _port = split_domain_port(request.get_host())
    return host


def renders_for_every_port(request):
    """Whether a page rendered for this request may be kept for every port of its host:
    its absolute links name the port of the Host header, so only a request through the
    port the server really answers on (or none: the scheme's own) may fill the cache."""
    _host, port = split_domain_port(request.get_host())
    return not port or port == request.META.get("SERVER_PORT")


def clean_query(request, params):
    """The query string made of the parameters in `params` alone, in that order, blank
    ones left out, each with the value the page reads (the last one given)."""
    return urlencode([(name, request.GET[name]) for name in params if request.GET.get(name)])


def redirect_to_clean_query(request, params):
    """A 301 to this address without the parameters the page does not read (and in their
    canonical order), or None when the address is already clean. The page then depends
    only on what its cache key holds, and no link on it repeats a stranger's parameters."""
    if request.method not in ("GET", "HEAD") or not request.META.get("QUERY_STRING"):
        return None
    query = clean_query(request, params)
    if query == request.META["QUERY_STRING"]:
        return None
    return HttpResponsePermanentRedirect(f"{escape_uri_path(request.path)}{'?' if query else ''}{query}")


def cached_page(key):
    """The content version now, and the page cached under `key` for that version as
    (content, content_type), or None. One round trip to the cache."""
    found = cache.get_many([VERSION_KEY, key])
    version = checked(found[VERSION_KEY]) if VERSION_KEY in found else content_version()
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return version, entry[1:]
    return version, None


def page_version_key(key):
    return f"{key}:version"


# The page under KEYS[3], if it was stored for the content version now (its version, KEYS[2],
# equals KEYS[1]) and that version is not older than ARGV[2], and the counter under KEYS[4],
# raised by one when ARGV[1] is "1" and the counter exists: {page, counter or -1 when there
# is none}, or nil: no page, nothing counted.
PAGE_AND_COUNTER_SCRIPT = """
local version = redis.call('GET', KEYS[1])
if not version or version ~= redis.call('GET', KEYS[2]) then return nil end
if tonumber(version) < tonumber(ARGV[2]) then return nil end
local page = redis.call('GET', KEYS[3])
if not page then return nil end
if redis.call('EXISTS', KEYS[4]) == 0 then return {page, -1} end
if ARGV[1] ~= '1' then return {page, redis.call('GET', KEYS[4])} end
return {page, redis.call('INCR', KEYS[4])}
"""
# How Django's Redis cache stores values: what the script returns is read the same way.
REDIS_VALUES = RedisSerializer()


def cached_page_and_counter(key, counter_key, add):
    """With Redis, in one round trip: the content of the page cached under `key` for the
    content version now, and the integer under `counter_key`, raised by one if `add`.
    Returns (content, counter), the counter None when there is none (and nothing was
    added); or None when the page is not cached or Redis is unavailable, and then the
    counter is left alone."""
    keys = [VERSION_KEY, page_version_key(key), key, counter_key]
    found = cache.run_script(PAGE_AND_COUNTER_SCRIPT, keys, [int(add), newest_version_seen])
    if found is None:
        return None
    entry, counter = found
    _version, content, _content_type = REDIS_VALUES.loads(entry)
    return content, None if int(counter) < 0 else int(counter)


def store(key, version, content, content_type="text/html; charset=utf-8"):
    """Keep a page rendered for content `version`. The version is also stored on its own
    (in the same MSET), for PAGE_AND_COUNTER_SCRIPT to compare with the current one."""
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
        due_at = import_string(settings.PAGE_CACHE_NEXT_PUBLICATION_FUNCTION)()
        due = due_at.timestamp() if due_at else 0
        cache.set(key, due, timeout=MAX_AGE)
    return MAX_AGE if not due else max(1, min(MAX_AGE, int(due - time.time()) + 1))


def cache_public_page(view=None, *, params=()):
    """Serve the view's 200 responses from the cache for anonymous readers. `params` names
    the query parameters the view reads; an address with any other is redirected to
    the one without (`redirect_to_clean_query`)."""
    if view is None:
        return partial(cache_public_page, params=params)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if to_clean_address := redirect_to_clean_query(request, params):
            return to_clean_address
        key = page_key(request, params)
        if key is None:
            return view(request, *args, **kwargs)
        version, cached = cached_page(key)
        if cached:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            response["X-Page-Cache"] = "miss"
            if response.status_code != 200 or response.streaming or response.cookies:
                return response
            if renders_for_every_port(request):
                store(key, version, response.content, response["Content-Type"])
        # Browsers and proxies may keep the page but must ask again each time; the ETag
        # (ConditionalGetMiddleware) turns an unchanged page into a 304.
        patch_cache_control(response, max_age=0, must_revalidate=True)
        return response

    return wrapper

"""
Public pages rendered once and served from the cache (Redis in production, so every app
server shares it) until what they show changes.

**Invalidation by what a page shows** (README, "Page cache"):

- A page is kept with the *versions* of what it showed: every content object loaded
  from the database while it rendered (recorded as it happens, through `post_init`),
  the lists it shows (`cache_public_page(lists=...)`: the published posts, the
  editions…), and the site as a whole. It is served while each of them still has that
  version. Versions are numbers from one counter in the cache, so every server agrees.
- A save or delete of an object gives it a new version, and so makes stale exactly the
  pages that showed it. A part of an object (an attachment of a post, a speaker of a
  session: `page_cache_part_of` on the model) gives the objects it belongs to a new
  version; a change of many-to-many links, both sides.
- A list gets a new version when what it contains or its order may have changed: any
  save or delete of a model, except a post, whose own `changed_pages()` says which
  (publishing, unpublishing, a new date, category or edition; and its new neighbours,
  whose previous/next links change). A post's new title reaches the lists that show it
  through its own version.
- `bump_content_version()` makes every page stale (interface strings saved in Rosetta,
  a Redis snapshot older than what a server has seen).
- A change inside a transaction bumps the versions again when it commits: until then
  other servers read the rows as they were, and may render and keep an old page.
  A page is not kept either if something it depends on got a new version while it
  rendered.

**No stampede.** On a miss, one request renders a page (it holds the page's lock) while
the others asking for it get its previous version at once, from the cache, as it was before
the change (stale-while-revalidate); only when there is none (a page never cached, or
one that renders no more: a 404 now) do they wait up to `PAGE_CACHE_WAIT_SECONDS` for that
render, then render themselves. So a reader who asks after a change gets the new page,
except while another request is rendering it: then, for that render's time, the page as
it was. A render that keeps no page (a 404, a redirect) takes the previous version away.

**No storm.** A publication moves every page of a list by one post: hundreds of pages
readers ask for are rendered again. A process renders at most
`PAGE_CACHE_RENDERS_AT_ONCE` pages that have a previous version at once (one: a worker
keeps a thread for pages from the cache); a request for another one meanwhile gets its
previous version, and a later request renders it. Pages with none always render.

**Other rules.**

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
  With Redis, checking a page's versions, reading it and counting its reader are one
  round trip (`PAGE_SCRIPT`).
- Readers' browsers get an ETag and `Cache-Control: max-age=0, must-revalidate`: they
  keep a page and revalidate it, and an unchanged page costs a 304 without a body.
  Articles are `private, no-cache`, as every reader must reach the server to be counted.
- Responses say `X-Page-Cache: hit`, `miss` (rendered), `stale` (the previous version,
  while another request renders the page) or `wait` (served after waiting for another
  request's render).
"""

import contextvars
import hashlib
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache as remembered
from functools import partial, wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.redis import RedisSerializer
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.http.request import split_domain_port
from django.middleware.http import ConditionalGetMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.encoding import escape_uri_path
from django.utils.module_loading import import_string
from django.utils.translation import get_language

CLOCK_KEY = "page-versions:clock"
SITE = "site"
MAX_AGE = 60 * 60
VIEW_COUNT_PLACEHOLDER = "@@view-count@@"
# How long a render may hold its page's lock, should its process die while rendering.
LOCK_SECONDS = 30
POLL_SECONDS = 0.01

# The highest version this process has seen. Versions only grow; a lower counter means
# Redis came back from an old snapshot, with the pages of that time.
newest_version_seen = 0
# The content models, whose objects a page records as it renders, and their lists.
watched_models = []
# What the page being rendered in this thread (or task) showed: a set of tokens.
recording = contextvars.ContextVar("page_dependencies", default=None)
# When the next scheduled post is due, as the page being rendered asked it first ({} until
# then): what a render keeps (the page, its list's count and ids, its fragments) expires
# then, and asking once saves the render two round trips to the cache for each of them.
render_due = contextvars.ContextVar("render_due", default=None)


# Tokens: what a page depends on, each with a version in the cache.


def object_token(model, pk):
    return f"{model._meta.label_lower}:{pk}"


def list_token(model):
    return f"{model._meta.label_lower}:list"


def version_key(token):
    return f"v:{token}"


# Versions: numbers from one counter shared by every server.


def next_version():
    """A new version, higher than any this process has seen."""
    global newest_version_seen
    try:
        version = cache.incr(CLOCK_KEY)
    except ValueError:  # No counter yet (or Redis unavailable): it starts from the time.
        cache.add(CLOCK_KEY, max(now_in_microseconds(), newest_version_seen), timeout=None)
        try:
            version = cache.incr(CLOCK_KEY)
        except ValueError:
            version = max(now_in_microseconds(), newest_version_seen + 1)
    newest_version_seen = max(newest_version_seen, version)
    return version


def now_in_microseconds():
    # Microseconds, not nanoseconds: Redis's Lua compares numbers as doubles.
    return time.time_ns() // 1000


def checked_clock(clock):
    """The counter read from the cache (None: there is none yet). If it went back below
    what this process has seen (Redis restarted empty or from an old snapshot),
    everything is stale, and the counter goes on from above."""
    global newest_version_seen
    if (clock or 0) < newest_version_seen:
        cache.set(CLOCK_KEY, newest_version_seen, timeout=None)
        bump_content_version()
        return newest_version_seen
    newest_version_seen = clock or 0
    return newest_version_seen


def bump(*tokens):
    """New versions for these tokens: the pages that depend on any of them are stale.
    Inside a transaction, again when it commits."""
    if not tokens:
        return
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(partial(write_versions, tokens))
    write_versions(tokens)


def write_versions(tokens):
    version = next_version()
    cache.set_many({version_key(token): version for token in tokens}, timeout=None)


def bump_content_version(**kwargs):
    """Every cached page is stale."""
    bump(SITE)


def bump_objects(*objects):
    bump(*(object_token(type(obj), obj.pk) for obj in objects))


def versions_of(tokens):
    """{token: its version now}; 0 for a token never bumped."""
    found = cache.get_many([version_key(token) for token in tokens])
    return {token: found.get(version_key(token), 0) for token in tokens}


def version_of_list(model):
    return versions_of([list_token(model), SITE])


# What changes which tokens: the content models' signals.


def invalidate_pages_on_changes(models):
    """Record the models' objects as dependencies of the pages that show them, and give
    them and their lists new versions when they change (each app connects its own models
    in ready())."""
    for model in models:
        label = model._meta.label
        if not hasattr(model, "page_cache_part_of"):
            watched_models.append(model)
            post_init.connect(record_object, sender=model, dispatch_uid=f"pages-{label}-init")
        post_save.connect(object_saved, sender=model, dispatch_uid=f"pages-{label}-save")
        post_delete.connect(object_deleted, sender=model, dispatch_uid=f"pages-{label}-del")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(links_changed, sender=through, dispatch_uid=f"pages-{through._meta.label}")


def record_object(sender, instance, **kwargs):
    dependencies = recording.get()
    if dependencies is not None and instance.pk is not None:
        dependencies.add(object_token(sender, instance.pk))


def changed_tokens(instance, created=False, deleted=False):
    """The tokens a save (or delete) of `instance` gives new versions."""
    model = type(instance)
    parts_of = getattr(model, "page_cache_part_of", None)
    if parts_of is not None:
        owners = [(model._meta.get_field(name).related_model, getattr(instance, f"{name}_id")) for name in parts_of]
        return [object_token(owner, pk) for owner, pk in owners if pk is not None]
    tokens = [object_token(model, instance.pk)]
    if hasattr(instance, "changed_pages"):
        return tokens + instance.changed_pages(created=created, deleted=deleted)
    return tokens + [list_token(model)]


def object_saved(sender, instance, created=False, raw=False, **kwargs):
    bump(*changed_tokens(instance, created=created))


def object_deleted(sender, instance, **kwargs):
    bump(*changed_tokens(instance, deleted=True))


def links_changed(sender, instance, action, model, pk_set, **kwargs):
    """Both ends of added or removed many-to-many links have changed."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    others = [object_token(model, pk) for pk in pk_set] if pk_set else [list_token(model)]
    bump(object_token(type(instance), instance.pk), *others)


def depends_on(*tokens):
    """Make the page being rendered depend on these tokens too (what the objects it loads
    do not say)."""
    if (dependencies := recording.get()) is not None:
        dependencies.update(tokens)


@contextmanager
def recording_dependencies(lists=None):
    """Record what is rendered inside: the tokens of the objects loaded, and of the lists
    named (every list when None)."""
    dependencies = {SITE, *map(list_token, watched_models if lists is None else lists)}
    reset = recording.set(dependencies)
    try:
        yield dependencies
    finally:
        recording.reset(reset)


# Pages: keys, lookups and storage.


def is_cacheable(request):
    return settings.PAGE_CACHE and request.method in ("GET", "HEAD") and not request.user.is_authenticated


def page_key(request, params=()):
    """The cache key of this page, or None when this request is not served from the cache.
    Only the query parameters the page reads (`params`) and the host name make the key;
    a random port, or a parameter the page ignores, is no new page in the cache."""
    if not is_cacheable(request):
        return None
    return address_key(request, get_language(), clean_query(request, params))


def address_key(request, language, query):
    address = hashlib.sha256(f"{host_name(request)}{request.path}?{query}".encode()).hexdigest()
    return f"page:{language}:{address}"


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


def dependencies_key(key):
    return f"{key}:depends-on"


def counted_key(key):
    return f"{key}:counted"


def in_redis():
    return hasattr(cache, "run_script")


# Looks up a page. KEYS: the counter, the page's versions ("key version key version …", a
# missing key being version 0), the page, what the page counts ("counter-key id"). ARGV:
# "1" when this request may count, the highest version this process has seen, the ids
# this reader was already counted for (",3,12,"), "1" when a page that is no longer
# current will do. nil when there is no page, the counter is below ARGV[2], or a version
# is not current and ARGV[4] is not "1"; else {current, page}, current being 1 or 0, or
# for a counted page {current, page, id} when it has no running total (nothing counted),
# or {current, page, id, total, 1 if this reader was counted now else 0}.
PAGE_SCRIPT = """
if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[2]) then return nil end
local versions = redis.call('GET', KEYS[2])
if not versions then return nil end
local current = 1
for key, version in string.gmatch(versions, '(%S+) (%S+)') do
  if (redis.call('GET', key) or '0') ~= version then
    if ARGV[4] ~= '1' then return nil end
    current = 0
    break
  end
end
local page = redis.call('GET', KEYS[3])
if not page then return nil end
local counted = redis.call('GET', KEYS[4])
if not counted then return {current, page} end
local counter, id = string.match(counted, '^(%S+) (%S+)$')
if redis.call('EXISTS', counter) == 0 then return {current, page, id} end
if ARGV[1] == '1' and not string.find(ARGV[3], ',' .. id .. ',', 1, true) then
  return {current, page, id, redis.call('INCR', counter), 1}
end
return {current, page, id, redis.call('GET', counter), 0}
"""
# Keeps ARGV[1] (a value as Django's cache writes it) under KEYS[1], ARGV[2] under KEYS[2]
# and ARGV[4] under KEYS[3] (or deletes it when ARGV[4] is empty), for ARGV[3] seconds.
STORE_SCRIPT = """
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
if ARGV[4] == '' then redis.call('DEL', KEYS[3]) else redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[3]) end
"""
# How Django's Redis cache stores values: what the scripts read and write is the same.
REDIS_VALUES = RedisSerializer()
# Headers that belong to one request and its answer, not to the page: not kept with it.
PER_REQUEST_HEADERS = {"content-length", "etag", "x-page-cache", "x-request-id"}


@dataclass
class CachedPage:
    """A page found in the cache: its content and headers as rendered, and for a page that
    counts its readers (an article), what it counts and the running total after this
    request (None: there is none, and nothing was counted), with whether this request was
    counted in it."""

    content: bytes
    headers: list
    counted: int | None = None
    total: int | None = None
    added: bool = False
    current: bool = True


@dataclass
class PageToKeep:
    """A page rendered for this request, to keep once the response has all its headers."""

    key: str
    started_at: int
    dependencies: set
    content: bytes
    counted: int | None
    lock: str | None = None
    # When the next scheduled post is due, if the render asked (seconds_until_next_scheduled_post).
    asked: dict | None = None


def counter():
    """What counts the readers of counted pages (settings.PAGE_CACHE_COUNTER), for this
    process."""
    return import_string(settings.PAGE_CACHE_COUNTER)


def cached_page(key, request=None, previous=False):
    """The page cached under `key` if everything it showed is unchanged (a CachedPage), or
    None (also when Redis is unavailable), and then nothing is counted. With `previous`,
    also a page something has changed in since it was rendered (its `current` False). A
    counted page counts `request`'s reader, if new (with Redis, in the same round trip)."""
    readers = counter().reader(request) if request is not None else None
    if in_redis():
        keys = [CLOCK_KEY, dependencies_key(key), key, counted_key(key)]
        counts = readers is not None and readers.countable
        seen = f",{','.join(map(str, readers.seen))}," if counts else ""
        found = cache.run_script(PAGE_SCRIPT, keys, [int(counts), newest_version_seen, seen, int(previous)])
        if found is None:
            return None
        current, value, *counting = found
        page = CachedPage(*REDIS_VALUES.loads(value), current=current == 1)
        if counting:
            page.counted = int(counting[0])
        if len(counting) > 1:
            page.total, page.added = int(counting[1]), counting[2] == 1
        return page
    entry = cache.get(key)
    if entry is None:
        return None
    versions, content, headers, counted = entry
    current = versions_of(versions) == versions
    if not (current or previous):
        return None
    return CachedPage(content, headers, counted, current=current)


def response_for(request, page, source):
    """The response of a page found in the cache, with its headers as rendered, its readers
    counted and `X-Page-Cache: source`."""
    response = HttpResponse(page.content)
    for name, value in page.headers:
        response.headers[name] = value
    if page.counted is not None:
        counter().count(request, response, page)
    response["X-Page-Cache"] = source
    return response


def store(page, response):
    """Keep a page with the headers of its response, unless something it showed changed
    since its render started."""
    versions = versions_of(page.dependencies)
    if max(versions.values()) > page.started_at:
        return
    headers = [(name, value) for name, value in response.items() if name.lower() not in PER_REQUEST_HEADERS]
    timeout = seconds_until_next_scheduled_post(page.asked)
    if in_redis():
        listed = " ".join(f"{cache.make_and_validate_key(version_key(token))} {v}" for token, v in versions.items())
        value = REDIS_VALUES.dumps((page.content, headers))
        counted = ""
        if page.counted is not None:
            counted = f"{cache.make_and_validate_key(counter().total_key(page.counted))} {page.counted}"
        keys = [page.key, dependencies_key(page.key), counted_key(page.key)]
        cache.run_script(STORE_SCRIPT, keys, [value, listed, timeout, counted])
    else:
        cache.set(page.key, (versions, page.content, headers, page.counted), timeout=timeout)


def seconds_until_next_scheduled_post(asked=None):
    """How long a page may stay cached: until the next scheduled post is due. When that
    is, is itself cached per version of the lists (0: nothing scheduled), and asked
    again once the time has come; while a page renders, asked once (`render_due`, or
    `asked`: the dict of a render)."""
    asked = render_due.get() if asked is None else asked
    due = asked.get("due") if asked is not None else None
    if due is None:
        key = f"next-scheduled:{max(versions_of([SITE, *map(list_token, watched_models)]).values())}"
        due = cache.get(key)
        if due is None or 0 < due <= time.time():
            due_at = import_string(settings.PAGE_CACHE_NEXT_PUBLICATION_FUNCTION)()
            due = due_at.timestamp() if due_at else 0
            cache.set(key, due, timeout=MAX_AGE)
        if asked is not None:
            asked["due"] = due
    return MAX_AGE if not due else max(1, min(MAX_AGE, int(due - time.time()) + 1))


def cached_or_rendered(request, key, render, lists=None):
    """(the CachedPage under `key`, "hit"); or, while another request renders the page, its
    previous version ("stale"), or when there is none, the page that render keeps, once
    kept ("wait"); or (the response `render()` returned, "miss"): `render` returns
    (response, page), the page (its content, and what it counts or None) kept with the
    response's headers unless None. While this process renders as many pages as it may
    at once, a page that has a previous version is served in it ("stale")."""
    # PageCacheMiddleware may have looked this page up already, and found none.
    if getattr(request, "page_cache_missed", None) != key and (found := cached_page(key, request)) is not None:
        return found, "hit"
    slot = render_slot()
    if not slot and (found := cached_page(key, request, previous=True)) is not None:
        # This process renders as many pages at once as it may: this one's previous version.
        return found, "hit" if found.current else "stale"
    try:
        return locked_or_rendered(request, key, render, lists)
    finally:
        if slot:
            slot.release()


def locked_or_rendered(request, key, render, lists):
    lock = f"{key}:rendering"
    locked = cache.add(lock, 1, timeout=LOCK_SECONDS)
    if not locked and (found := cached_page(key, request, previous=True)) is not None:
        return found, "hit" if found.current else "stale"
    deadline = time.monotonic() + settings.PAGE_CACHE_WAIT_SECONDS
    # Another request is rendering this page (the lock is there): wait for its page.
    while not locked and time.monotonic() < deadline and cache.get(lock) is not None:
        time.sleep(POLL_SECONDS)
        if (found := cached_page(key, request)) is not None:
            return found, "wait"
        locked = cache.add(lock, 1, timeout=LOCK_SECONDS)
    # The render that held the lock may have kept the page between our last look and now.
    if (found := cached_page(key, request)) is not None:
        if locked:
            cache.delete(lock)
        return found, "wait"
    lock = lock if locked else None
    asked = {}
    reset = render_due.set(asked)
    try:
        started_at = checked_clock(cache.get(CLOCK_KEY))
        with recording_dependencies(lists) as dependencies:
            response, page = render()
    except BaseException:  # A 404 now (the post unpublished, say), or an error.
        forget(key, lock)
        raise
    finally:
        render_due.reset(reset)
    if page is None:
        forget(key, lock)
    else:
        # Kept, and the lock released, when the response is complete (keep_rendered_page).
        request.page_to_keep = PageToKeep(key, started_at, dependencies, *page, lock=lock, asked=asked)
    return response, "miss"


@remembered
def render_slots(count):
    return threading.BoundedSemaphore(count)


def render_slot():
    """One of the PAGE_CACHE_RENDERS_AT_ONCE renders this process may make at once (a
    semaphore to release once rendered), or None when all are taken. A slot that cannot
    run out when there is no limit."""
    count = settings.PAGE_CACHE_RENDERS_AT_ONCE
    slots = render_slots(count or 1 << 30)
    return slots if slots.acquire(blocking=False) else None


def release(lock):
    if lock is not None:
        cache.delete(lock)


def forget(key, lock):
    """After a render that keeps no page (a 404 or a redirect now, a page with a cookie…):
    its previous version is not served any more either, and the lock is released."""
    cache.delete_many([key] if lock is None else [key, lock])


def keep_rendered_page(request, response):
    """Keep the page rendered for this request (if any) with the headers of its complete
    response, if it is a 200, and let the requests waiting for it find it."""
    page = getattr(request, "page_to_keep", None)
    if page is None:
        return
    try:
        if response.status_code == 200:
            store(page, response)
    finally:
        release(page.lock)


def cache_public_page(view=None, *, params=(), lists=None):
    """Serve the view's 200 responses from the cache for anonymous readers. `params` names
    the query parameters the view reads; an address with any other is redirected to
    the one without (`redirect_to_clean_query`). `lists` names the models whose lists
    the page shows, beyond the objects it loads (None: it may show any)."""
    if view is None:
        return partial(cache_public_page, params=params, lists=lists)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if to_clean_address := redirect_to_clean_query(request, params):
            return to_clean_address
        key = page_key(request, params)
        if key is None:
            return view(request, *args, **kwargs)

        def render():
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200:
                return response, None
            # Browsers and proxies may keep the page but must ask again each time; the ETag
            # (ConditionalGetMiddleware) turns an unchanged page into a 304.
            patch_cache_control(response, max_age=0, must_revalidate=True)
            if response.streaming or response.cookies or not renders_for_every_port(request):
                return response, None
            return response, (response.content, None)

        found, source = cached_or_rendered(request, key, render, lists)
        if source != "miss":
            return response_for(request, found, source)
        if found.status_code == 200:
            found["X-Page-Cache"] = source
        return found

    return wrapper


class PageCacheMiddleware:
    """Answers a reader's request for a cached page before the middleware after it run,
    with the headers they gave the page when it was rendered; and keeps the pages
    rendered for the views (`cached_or_rendered`) once the response has all its headers.

    Only a request that is surely anonymous (no session cookie), without a body, for a
    page under a language's prefix is answered here: its key is known from the address
    alone (the page's language is its prefix, and an address with a parameter the page
    does not read is never kept). Other requests are looked up by the view, as before.
    It goes after SecurityMiddleware (redirects to HTTPS), RequestIdMiddleware and
    PermissionsPolicyMiddleware, whose headers are the request's own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.conditional_get = ConditionalGetMiddleware(get_response)
        self.languages = {f"/{code}/": code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        if (key := self.early_key(request)) is not None:
            with translation.override(key.split(":")[1]):
                page = cached_page(key, request)
                if page is not None:
                    response = response_for(request, page, "hit")
                    response["Content-Length"] = str(len(response.content))
                    return self.conditional_get.process_response(request, response)
            request.page_cache_missed = key
        response = self.get_response(request)
        keep_rendered_page(request, response)
        return response

    def early_key(self, request):
        """The page's key (as `page_key()` makes it for a clean address), or None when
        this request is not answered here."""
        if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES or request.META.get("CONTENT_LENGTH") not in (
            None,
            "",
            "0",
        ):
            return None
        language = self.languages.get(request.path[: request.path.find("/", 1) + 1])
        if language is None:
            return None
        return address_key(request, language, request.META.get("QUERY_STRING", ""))

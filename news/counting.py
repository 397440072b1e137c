"""
Honest view counts: one view per reader per post per 24 hours.

A reader is a browser. Which posts it has seen, and when, travels in a signed cookie, so
no server-side state is shared between app servers and a request without the cookie is
a new reader.

Where the count is kept:

- With a shared cache (Redis, `VIEW_COUNT_FLUSH_SECONDS` > 0, the production setting),
  each post's running total lives in the cache: a view is one atomic INCR, which returns
  the total the page shows, so no two readers wait on the same database row. The total
  starts from the database's count; at most every `VIEW_COUNT_FLUSH_SECONDS` per post,
  and whenever `manage.py flush_view_counts` runs, it is written back with
  `view_count = GREATEST(view_count, total)`: writing a total twice, or an older total
  after a newer one, changes nothing. If Redis loses the total, it starts again from the
  database and the views since the last write-back are lost; Redis must therefore keep
  keys without an expiry (any `maxmemory-policy` but `allkeys-*`).
- Without one (development, tests, a lone process with a local-memory cache), a view is
  a single `UPDATE ... SET view_count = view_count + 1`.
"""

import re
import time
from itertools import islice

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.db.models.functions import Greatest

from common.cache import run_script
from common.page_cache import cached_page, cached_page_and_counter

from .models import Post

COOKIE_NAME = "whrcf_seen"
COOKIE_SALT = "news.counting"
WINDOW_SECONDS = 24 * 60 * 60
# Bounded so the cookie stays far below browsers' 4 KB limit.
MAX_REMEMBERED = 150
MAX_COOKIE_LENGTH = 4000
FLUSH_BATCH_SIZE = 1000

BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|facebookexternalhit|embedly|whatsapp|telegram|"
    r"discord|skype|slack|vkshare|pinterest|bitly|curl|wget|python-requests|httpclient|headless|lighthouse",
    re.IGNORECASE,
)


def is_countable(request):
    """A GET from something that is not a bot, crawler or link-preview fetcher."""
    user_agent = request.headers.get("User-Agent", "")
    return request.method == "GET" and bool(user_agent) and not BOT_USER_AGENT.search(user_agent)


def seen_posts(request, now):
    """{post id: time seen} from the reader's cookie, without entries older than the window.
    A missing, tampered, oversized or expired cookie reads as a new reader."""
    if len(request.COOKIES.get(COOKIE_NAME, "")) > MAX_COOKIE_LENGTH:
        return {}
    value = request.get_signed_cookie(COOKIE_NAME, default="", salt=COOKIE_SALT, max_age=WINDOW_SECONDS)
    try:
        seen = {
            int(post_id): int(seen_at) for post_id, seen_at in (item.split(":") for item in value.split(",") if item)
        }
    except ValueError:
        return {}
    return {post_id: seen_at for post_id, seen_at in seen.items() if now - seen_at < WINDOW_SECONDS}


def newly_seen(request, post_id):
    """The reader's seen-posts with this post added, if this request is a new reader's
    view of it; None if it is not to be counted."""
    if is_countable(request):
        now = int(time.time())
        seen = seen_posts(request, now)
        if post_id not in seen:
            return seen | {post_id: now}
    return None


def register_view(request, post_id, stored_count=None):
    """Count this request as a view of the post if it is a new reader's.

    Returns the post's view count, including this view, and the reader's updated
    seen-posts to remember with `remember_views()` (None when nothing was counted).
    `stored_count` is the count read from the database with the post, if it was read.
    """
    seen = newly_seen(request, post_id)
    if seen is not None:
        return add_view(post_id, stored_count), seen
    return current_count(post_id, stored_count), None


def view_cached_page(request, post_id, key):
    """The page of the post cached under `key` (common/page_cache.py) for the current
    content version, this request counted as by `register_view()`: (content, view
    count, seen-posts), or None when the page is not cached, and then nothing is
    counted. With the counts in Redis, reading the page and counting the reader are one
    round trip (the view total is the page's counter)."""
    if not counts_in_cache():
        cached = cached_page(key)[1]
        return (cached[0], *register_view(request, post_id)) if cached else None
    seen = newly_seen(request, post_id)
    found = cached_page_and_counter(
        key,
        total_key(post_id),
        written_key(post_id),
        add=seen is not None,
        flag_seconds=settings.VIEW_COUNT_FLUSH_SECONDS,
    )
    if found is None:
        return None
    content, total, due = found
    if total < 0:
        total = add_view(post_id) if seen is not None else current_count(post_id)
    elif due:
        write_totals({post_id: total})
    return content, total, seen


def remember_views(request, response, seen):
    newest = sorted(seen.items(), key=lambda item: item[1], reverse=True)[:MAX_REMEMBERED]
    response.set_signed_cookie(
        COOKIE_NAME,
        ",".join(f"{post_id}:{seen_at}" for post_id, seen_at in newest),
        salt=COOKIE_SALT,
        max_age=WINDOW_SECONDS,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def counts_in_cache():
    return settings.VIEW_COUNT_FLUSH_SECONDS > 0


def total_key(post_id):
    return f"views:{post_id}"


def written_key(post_id):
    return f"views-written:{post_id}"


# One round trip: add a view to the total if there is one, and say whether it is time to
# write it back (a flag that expires after VIEW_COUNT_FLUSH_SECONDS). -1: no total yet.
ADD_VIEW_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, 0} end
local total = redis.call('INCR', KEYS[1])
local due = redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) and 1 or 0
return {total, due}
"""


def add_view(post_id, stored_count=None):
    if not counts_in_cache():
        Post.objects.filter(pk=post_id).update(view_count=F("view_count") + 1)
        return stored_count + 1 if stored_count is not None else database_count(post_id)
    # The script runs on the cache's own Redis, under the cache's own keys, so the totals
    # are the cache's entries (Django stores integers as plain Redis integers).
    keys, args = [total_key(post_id), written_key(post_id)], [settings.VIEW_COUNT_FLUSH_SECONDS]
    total, due = run_script(ADD_VIEW_SCRIPT, keys, args)
    if total < 0:
        cache.add(total_key(post_id), database_count(post_id, stored_count), None)
        total, due = run_script(ADD_VIEW_SCRIPT, keys, args)
    if due:
        write_totals({post_id: total})
    return total


def current_count(post_id, stored_count=None):
    if not counts_in_cache():
        return database_count(post_id, stored_count)
    total = cache.get(total_key(post_id))
    if total is None:
        total = database_count(post_id, stored_count)
        cache.add(total_key(post_id), total, timeout=None)
    return total


def database_count(post_id, stored_count=None):
    """The post's count in the database: `stored_count` when it was read with the post."""
    if stored_count is not None:
        return stored_count
    return Post.objects.filter(pk=post_id).values_list("view_count", flat=True).first() or 0


def write_totals(totals):
    """Write cached totals back to the database; never lowers a count."""
    for post_id, total in totals.items():
        Post.objects.filter(pk=post_id).update(view_count=Greatest(F("view_count"), total))


def flush_all():
    """Write every cached total back to the database. Returns how many posts had one."""
    if not counts_in_cache():
        return 0
    written = 0
    keys = (total_key(post_id) for post_id in Post.objects.values_list("pk", flat=True).iterator(FLUSH_BATCH_SIZE))
    while batch := list(islice(keys, FLUSH_BATCH_SIZE)):
        totals = cache.get_many(batch)
        write_totals({int(key.removeprefix("views:")): total for key, total in totals.items()})
        written += len(totals)
    return written

"""
Honest view counts: one view per reader per post per 24 hours.

A reader is a browser. Which posts it has seen, when, and the count it was shown, travel
in a signed cookie, so no server-side state is shared between app servers and a request
without the cookie is a new reader.

Where a view goes (README, "View counts", has the guarantees with measured figures):

- **Into the database, from the process that counted it.** With Redis (the production
  setting, `VIEW_COUNT_FLUSH_SECONDS` > 0), each process keeps the views it counted in
  memory (`PendingViews`) and adds them to the database — `view_count = view_count + n`,
  never a total — every `VIEW_COUNT_FLUSH_SECONDS` and when it exits. A write that fails
  (the database is down) is kept and tried again. Redis is not on this path: nothing that
  happens to Redis loses or repeats a view. A process killed outright loses the views it
  counted in its last interval.
- **The number the page shows** is each post's running total in Redis, shared by every
  app server: one atomic INCR per new reader, in the same round trip as the cached page.
  It starts from the database's count, and each write to the database raises it to at
  least the stored count, so after Redis restarts, empty or from an old snapshot, it is
  right again within one interval. While Redis is unavailable, the page shows the stored
  count and this process's views not yet written.
- **A reader never sees a count go down**: the count shown is at least the one the
  reader's cookie remembers for the post.

Without Redis (development, tests) a view is a single `UPDATE ... SET view_count =
view_count + 1`.
"""

import atexit
import logging
import re
import threading
import time
from collections import Counter

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.cache import cache
from django.db import DatabaseError, close_old_connections, transaction
from django.db.models import Case, F, Value, When

from common.page_cache import VIEW_COUNT_PLACEHOLDER

from .models import Post

logger = logging.getLogger(__name__)

COOKIE_NAME = "whrcf_seen"
COOKIE_SALT = "news.counting"
WINDOW_SECONDS = 24 * 60 * 60
# Bounded so the cookie stays below browsers' 4 KB limit: an entry is at most about 26
# characters ("123456:1764750000:1234567,"), 120 of them with the signature about 3.2 KB.
MAX_REMEMBERED = 120
MAX_COOKIE_LENGTH = 4000

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
    """{post id: (time seen, count shown)} from the reader's cookie, without entries older
    than the window. A missing, tampered, oversized or expired cookie reads as a new
    reader; entries written before counts were remembered read as shown 0."""
    if len(request.COOKIES.get(COOKIE_NAME, "")) > MAX_COOKIE_LENGTH:
        return {}
    value = request.get_signed_cookie(COOKIE_NAME, default="", salt=COOKIE_SALT, max_age=WINDOW_SECONDS)
    seen = {}
    try:
        for item in filter(None, value.split(",")):
            parts = item.split(":")
            if len(parts) not in (2, 3):
                raise ValueError(item)
            post_id, seen_at, shown = (int(part) for part in [*parts, "0"][:3])
            seen[post_id] = (seen_at, shown)
    except ValueError:
        return {}
    return {post_id: entry for post_id, entry in seen.items() if now - entry[0] < WINDOW_SECONDS}


class Reader:
    """This request's reader, as far as counting goes: the posts it was counted for, whether
    a view of a post is a new one, and the cookie entries to send back."""

    def __init__(self, request):
        self.countable = is_countable(request)
        self.now = int(time.time())
        self.seen = seen_posts(request, self.now) if self.countable else {}

    def is_new(self, post_id):
        return self.countable and post_id not in self.seen

    def shown(self, post_id, total):
        """The count to show: the total, or more if the reader was shown more before.
        Returns it with the reader's seen-posts to remember (None: nothing to remember)."""
        seen_at, shown_before = self.seen.get(post_id, (self.now, 0))
        shown = max(total, shown_before)
        if self.countable and (post_id not in self.seen or shown > shown_before):
            return shown, self.seen | {post_id: (seen_at, shown)}
        return shown, None


def reader(request):
    """The request's Reader, read from its cookie once."""
    if not hasattr(request, "reader"):
        request.reader = Reader(request)
    return request.reader


def register_view(request, post_id, stored_count=None):
    """Count this request as a view of the post if it is a new reader's.

    Returns the view count to show, including this view, and the reader's updated
    seen-posts to remember with `show_count()` (None when there is nothing to
    remember). `stored_count` is the count read from the database with the post.
    """
    current = reader(request)
    total = add_view(post_id, stored_count) if current.is_new(post_id) else current_count(post_id, stored_count)
    return current.shown(post_id, total)


def show_count(request, response, view_count, seen):
    """Fill the article's view count in, and remember the reader's seen-posts (unless None)."""
    response.content = response.content.replace(VIEW_COUNT_PLACEHOLDER.encode(), intcomma(view_count).encode())
    if seen is not None:
        remember_views(request, response, seen)


class ArticleViews:
    """How cached articles count their readers (settings.PAGE_CACHE_COUNTER): a cached
    article counts the post it shows, with Redis in the same round trip that finds it
    (common/page_cache.py)."""

    reader = staticmethod(reader)

    @staticmethod
    def total_key(post_id):
        return total_key(post_id)

    @staticmethod
    def count(request, response, page):
        """Count the reader of `page` (a CachedPage of an article) if new, and show the count."""
        post_id, total = page.counted, page.total
        if total is None:
            # No running total (or no Redis): nothing was counted yet.
            total = add_view(post_id) if reader(request).is_new(post_id) else current_count(post_id)
        elif page.added:
            pending_views.add(post_id)
        show_count(request, response, *reader(request).shown(post_id, total))


article_views = ArticleViews()


def remember_views(request, response, seen):
    newest = sorted(seen.items(), key=lambda item: item[1][0], reverse=True)[:MAX_REMEMBERED]
    response.set_signed_cookie(
        COOKIE_NAME,
        ",".join(f"{post_id}:{seen_at}:{shown}" for post_id, (seen_at, shown) in newest),
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


# Add a view to the running total if there is one: the new total, or -1.
ADD_VIEW_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
return redis.call('INCR', KEYS[1])
"""
# Raise the running total, if there is one, to at least ARGV[1].
RAISE_TOTAL_SCRIPT = """
local total = tonumber(redis.call('GET', KEYS[1]))
if total and total < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
"""


# Held while a total is read, started or raised and the view kept: a total started from the
# stored count and this process's views not written yet then holds each of them once.
TOTALS_LOCK = threading.Lock()


def add_view(post_id, stored_count=None):
    if not counts_in_cache():
        Post.objects.filter(pk=post_id).update(view_count=F("view_count") + 1)
        return stored_count + 1 if stored_count is not None else database_count(post_id)
    # The scripts run under the cache's own keys, so the totals are the cache's entries
    # (Django stores integers as plain Redis integers).
    with TOTALS_LOCK:
        total = cache.run_script(ADD_VIEW_SCRIPT, [total_key(post_id)], [])
        if total == -1:
            start_total(post_id, stored_count)
            total = cache.run_script(ADD_VIEW_SCRIPT, [total_key(post_id)], [])
        not_written = pending_views.count(post_id)
        pending_views.add(post_id)
    if total is None or total == -1:
        return database_count(post_id, stored_count) + not_written + 1
    return total


def current_count(post_id, stored_count=None):
    if not counts_in_cache():
        return database_count(post_id, stored_count)
    total = cache.get(total_key(post_id))
    if total is None:
        with TOTALS_LOCK:
            total = start_total(post_id, stored_count)
    return total


def start_total(post_id, stored_count):
    """A running total for the post, unless another request started one first: the stored
    count and this process's views not written yet. Returns it."""
    total = database_count(post_id, stored_count) + pending_views.count(post_id)
    cache.add(total_key(post_id), total, timeout=None)
    return total


def database_count(post_id, stored_count=None):
    """The post's count in the database: `stored_count` when it was read with the post."""
    if stored_count is not None:
        return stored_count
    return Post.objects.filter(pk=post_id).values_list("view_count", flat=True).first() or 0


class PendingViews:
    """The views this process counted and has not written to the database yet.

    In a server (whrcf/wsgi.py calls `write_in_background()`), a thread of each process,
    started with its first view, writes them every VIEW_COUNT_FLUSH_SECONDS, and they are
    written when the process exits (atexit, and gunicorn's worker_exit and worker_abort
    hooks). Elsewhere (tests, commands) `write()` is called when wanted."""

    def __init__(self):
        self.lock = threading.Lock()
        self.views = Counter()
        self.in_background = False
        self.writer = None

    def write_in_background(self):
        self.in_background = True

    def add(self, post_id):
        with self.lock:
            self.views[post_id] += 1
            if self.in_background and self.writer is None:
                self.writer = threading.Thread(target=self.write_every_interval, name="view-counts", daemon=True)
                self.writer.start()
                atexit.register(self.write)

    def count(self, post_id):
        with self.lock:
            return self.views[post_id]

    def write_every_interval(self):
        while True:
            time.sleep(settings.VIEW_COUNT_FLUSH_SECONDS)
            # The thread's own connection, kept, and replaced when it broke (as between requests).
            close_old_connections()
            self.write()

    def write(self):
        """Add the views to the database: one UPDATE and one commit for every post read in
        the interval (a forum week's readers touch hundreds of posts a second, and a commit
        per post cost more than their pages), in batches of WRITE_BATCH; keep what was not
        written for the next time. Then raise each post's running total in the cache to at
        least its stored count. Returns how many views were written."""
        with self.lock:
            views, self.views = self.views, Counter()
        pending = sorted(views.items())
        written = 0
        try:
            while batch := pending[:WRITE_BATCH]:
                stored = add_views(dict(batch))
                del pending[:WRITE_BATCH]
                written += sum(count for _post_id, count in batch)
                for post_id, count in stored.items():
                    cache.run_script(RAISE_TOTAL_SCRIPT, [total_key(post_id)], [count])
        except DatabaseError as error:
            logger.warning("%s views not written to the database yet: %s", sum(n for _, n in pending), error)
            with self.lock:
                self.views.update(dict(pending))
        return written


# Posts whose views one statement adds.
WRITE_BATCH = 500


def add_views(views):
    """Add {post id: views} to the posts' counts in one UPDATE; returns their stored counts."""
    added = Case(*(When(pk=post_id, then=Value(count)) for post_id, count in views.items()), default=Value(0))
    with transaction.atomic():
        Post.objects.filter(pk__in=views).update(view_count=F("view_count") + added)
        return dict(Post.objects.filter(pk__in=views).values_list("pk", "view_count"))


pending_views = PendingViews()

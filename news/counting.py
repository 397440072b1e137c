"""
Honest view counts: one view per reader per post per 24 hours.

A reader is a browser. Which posts it has seen, and when, travels in a signed cookie, so
no server-side state is shared between app servers and a request without the cookie is
a new reader. The increment is a single UPDATE ... SET view_count = view_count + 1.
"""

import re
import time

from django.db.models import F

COOKIE_NAME = "whrcf_seen"
COOKIE_SALT = "news.counting"
WINDOW_SECONDS = 24 * 60 * 60
# Bounded so the cookie stays far below browsers' 4 KB limit.
MAX_REMEMBERED = 150
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


def register_view(request, post):
    """Count this request as a view of `post` if it is a new one.

    Returns the reader's updated seen-posts to remember with `remember_views()`, or None
    when nothing was counted. `post.view_count` then includes this view.
    """
    if not is_countable(request):
        return None
    now = int(time.time())
    seen = seen_posts(request, now)
    if post.pk in seen:
        return None
    type(post).objects.filter(pk=post.pk).update(view_count=F("view_count") + 1)
    post.view_count += 1
    seen[post.pk] = now
    return seen


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

"""`make check-two-servers`: two app servers on one PostgreSQL and one Redis behave as one.

Starts two gunicorn servers on different ports with production settings, against a new
database and one Redis, logs into the admin through the first and uses that session on
the second, and while readers without cookies read an article, the news list and the
home page through both servers, publishes a draft through one server and unpublishes it
through the other. It fails (exit 1) unless:

- no response is a 5xx;
- a post published through one server is on the other's (cached) news list at once, and
  gone from it at once when unpublished (an answer that is the list's previous version,
  served while a reader's request renders it again, says so with `X-Page-Cache: stale`
  and is asked again, for up to 2 s; every other answer must be the list as it is now);
- the article's view count, as shown and as written to the database, is exactly its
  count before plus the number of new readers.
"""

import http.cookiejar
import os
import re
import shutil
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench.servers import (  # noqa: E402 (the project folder first)
    create_database,
    free_port,
    log,
    manage,
    production_environment,
    start_gunicorn,
    stop,
)

DATABASE_URL = os.environ.get("TWO_SERVERS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/whrcf_two_servers")
REDIS_URL = os.environ.get("TWO_SERVERS_REDIS_URL", "redis://127.0.0.1:6379/3")
READERS = 8
READS_PER_READER = 40
# How long a page may be answered in its previous version while it renders again.
STALE_SECONDS = 2
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
ADMIN_USERNAME, ADMIN_PASSWORD = "two-servers-admin", "a-long-check-password"


class Failure(Exception):
    pass


def fetch(url, opener=None, data=None):
    """(status, body) of one request; a new reader (no cookies) unless an opener is given."""
    request = urllib.request.Request(url, data=data, headers={"User-Agent": BROWSER})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def fetch_current(url):
    """The body of the page at `url` as it is now: while another request renders it again,
    the page cache answers with its previous version (X-Page-Cache: stale), and it is
    asked again, for up to STALE_SECONDS."""
    deadline = time.monotonic() + STALE_SECONDS
    while True:
        request = urllib.request.Request(url, headers={"User-Agent": BROWSER})
        with urllib.request.build_opener().open(request, timeout=30) as response:
            body = response.read().decode()
            if response.headers.get("X-Page-Cache") != "stale" or time.monotonic() > deadline:
                return body
        time.sleep(0.05)


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def admin_session(base):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    _status, form = fetch(f"{base}/admin/login/", opener)
    data = {"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD, "csrfmiddlewaretoken": csrf_token(form)}
    status, _body = fetch(f"{base}/admin/login/?next=/admin/", opener, urllib.parse.urlencode(data).encode())
    if status != 200:
        raise Failure(f"admin login on {base} answered {status}")
    return opener


def run_admin_action(base, opener, action, post_id):
    _status, changelist = fetch(f"{base}/admin/news/post/", opener)
    data = {
        "action": action,
        "_selected_action": str(post_id),
        "index": "0",
        "csrfmiddlewaretoken": csrf_token(changelist),
    }
    return fetch(f"{base}/admin/news/post/", opener, urllib.parse.urlencode(data).encode())


def shown_views(html):
    return int(re.sub(r"\D", "", re.search(r'<span class="views">([^<]*)</span>', html)[1]))


def check(condition, message):
    if not condition:
        raise Failure(message)
    log(f"ok: {message}")


def main():
    workdir = Path(tempfile.mkdtemp(prefix="whrcf-two-servers-"))
    env = production_environment(workdir, DATABASE_URL, REDIS_URL) | {
        "WEB_CONCURRENCY": "1",
        "DEMO_ADMIN_USERNAME": ADMIN_USERNAME,
        "DEMO_ADMIN_PASSWORD": ADMIN_PASSWORD,
    }
    os.environ.update(env)
    import django
    import redis

    django.setup()
    from news.models import Post

    create_database(DATABASE_URL)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--no-input", "-v0")
    redis.Redis.from_url(REDIS_URL).flushdb()
    article = Post.objects.published().filter(title_en__gt="").order_by("-published_at").first()
    draft = Post.objects.filter(status=Post.Status.DRAFT).first()
    views_before = article.view_count

    servers = []
    try:
        ports = free_port(), free_port()
        servers = [start_gunicorn(env, "whrcf.wsgi", port, "/healthz") for port in ports]
        first, second = (f"http://127.0.0.1:{port}" for port in ports)
        article_path = f"/ko/news/{article.pk}/{article.slug}/"
        for base in (first, second):
            fetch(f"{base}/ko/news/")  # cached on both before anything is published

        session = admin_session(first)
        check(fetch(f"{second}/admin/", session)[0] == 200, "a login through one server is a login on the other")

        def read(number):
            base = (first, second)[number % 2]
            statuses = []
            for _ in range(READS_PER_READER):
                statuses += [fetch(f"{base}{path}")[0] for path in (article_path, "/ko/news/", "/en/")]
            return statuses

        with ThreadPoolExecutor(max_workers=READERS) as readers:
            reads = readers.map(read, range(READERS))
            published = run_admin_action(second, session, "publish_now", draft.pk)
            on_first_list = draft.title_ko in fetch_current(f"{first}/ko/news/")
            unpublished = run_admin_action(first, session, "unpublish", draft.pk)
            on_second_list = draft.title_ko in fetch_current(f"{second}/ko/news/")
            statuses = [status for batch in reads for status in batch]

        check((published[0], unpublished[0]) == (200, 200), "both admin actions answered 200")
        check(on_first_list, "a post published through the second server is on the first's list at once")
        check(not on_second_list, "a post unpublished through the first server is off the second's list at once")
        server_errors = [status for status in statuses if status >= 500]
        check(not server_errors, f"{len(statuses)} reads, {len(server_errors)} server errors")
        check(set(statuses) == {200}, f"every read answered 200 (answers: {sorted(set(statuses))})")

        new_readers = READERS * READS_PER_READER
        # One more new reader, through the English page: the count is one count for both.
        _status, last_view = fetch(f"{first}{article_path.replace('/ko/', '/en/')}")
        expected = views_before + new_readers + 1
        check(shown_views(last_view) == expected, f"the article shows {expected:,} views ({views_before:,} before)")
        for server in servers:
            stop(server)  # Each worker writes the views it counted as it leaves.
        article.refresh_from_db()
        check(article.view_count == expected, f"the database holds {expected:,} views after the write-back")
    except Failure as failure:
        log(f"FAILED: {failure}")
        sys.exit(1)
    finally:
        for server in servers:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

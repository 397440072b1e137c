"""The forum-week mix of `make bench` (issue 24): readers over the whole archive while an
editor corrects and publishes posts.

- **Readers**: a sample of WEEK_REQUESTS requests (the paths file wrk goes through, each of
  its threads from its own place, round again): articles 70 %, lists and home 20 %
  (home, news list pages, lists of a category or of a forum edition), forum pages and
  feeds 10 % (editions, sessions, feeds, the forums' and organizations' indexes). Posts
  are read with a Zipf-like popularity over the archive sorted newest first (rank r
  weighs 1/r^1.1: a few new posts very hot, a long tail of old ones), and so are the pages
  of each list and the editions. 30 % of the pages are in English (articles only when
  they have an English title). 30 % of the requests are returning readers': they carry the
  signed cookie the site sets to remember the posts a browser has seen
  (news/counting.py), and half of their articles are posts they have seen. Every request
  has a browser's User-Agent, so articles count views as a reader's would.
- **Before the run**, every page of the sample is read once: the cache holds what the
  readers of the hour before left in it (its pages live an hour, common/page_cache.py),
  and the misses of the run are what editing and expiry cost, not a cold start.
- **The editor**, logged into the admin of the same server: every SAVE_SECONDS (10 s)
  saves one of the five newest posts through its change form (its Korean title or
  summary, marked or unmarked " (수정)"), every PUBLISH_SECONDS (60 s, the first at 30 s) publishes a draft
  with the "publish now" action. The drafts are made before the run; afterwards they are
  deleted and the titles and summaries restored, so the kept database is the same for
  the next run.

wrk counts the X-Page-Cache header of every answer (bench/forum_week.lua): hits are pages
served from the page cache, stale the previous versions of pages served from it while
another request renders them, misses pages rendered.
"""

import functools
import http.cookiejar
import itertools
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lxml.html

SCRIPT = Path(__file__).with_name("forum_week.lua")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
ZIPF_EXPONENT = 1.1
ENGLISH_SHARE = 0.3
RETURNING_SHARE = 0.3
RETURNING_READERS = 2000
POSTS_PER_PAGE = 20
# The share of each kind of page among the requests, in %.
MIX = {
    "article": 70,
    "home": 6,
    "news list": 8,
    "category list": 3,
    "edition list": 3,
    "edition page": 3,
    "session page": 3,
    "feed": 2,
    "forum index": 2,
}
GROUPS = {
    "articles": ["article"],
    "lists and home": ["home", "news list", "category list", "edition list"],
    "forums and feeds": ["edition page", "session page", "feed", "forum index"],
}
EDITOR_USERNAME, EDITOR_PASSWORD = "bench-editor", "a-long-bench-editor-password"
HOT_POSTS = 5
CORRECTION = " (수정)"
WARM_CONNECTIONS = 8


def zipf_weights(count):
    """Cumulative weights of ranks 1..count, rank r weighing 1/r^ZIPF_EXPONENT."""
    return list(itertools.accumulate(1 / rank**ZIPF_EXPONENT for rank in range(1, count + 1)))


class Zipf:
    def __init__(self, items):
        self.items = list(items)
        self.weights = zipf_weights(len(self.items))

    def pick(self, rng):
        return rng.choices(self.items, cum_weights=self.weights)[0]


@functools.cache
def page_numbers(pages):
    return Zipf(range(1, pages + 1))


def list_path(language, params, pages, rng):
    """A list page, its page number picked with Zipf too; the parameters in the order the
    list keeps (news/views.py POST_LIST_PARAMS), so no answer is a redirect."""
    page = page_numbers(pages).pick(rng) if pages > 1 else 1
    query = urllib.parse.urlencode([*params, *([("page", page)] if page > 1 else [])])
    return f"/{language}/news/{'?' if query else ''}{query}"


class Archive:
    """What the readers read, from the database, newest first."""

    def __init__(self):
        from django.db.models import Count

        from editions.models import Edition, Session
        from news.models import Post

        published = Post.objects.published()
        posts = published.order_by("-published_at", "-pk").values_list("pk", "slug", "title_en", "view_count")
        self.posts = Zipf(posts)
        self.list_pages = pages(len(self.posts.items))
        by_category = published.order_by().values_list("category__slug").annotate(count=Count("pk"))
        self.categories = [(slug, pages(count)) for slug, count in sorted(by_category)]
        by_edition = dict(published.order_by().values_list("edition__number").annotate(count=Count("pk")))
        editions = Edition.objects.published().order_by("-number")
        self.editions = Zipf(
            (number, pages(by_edition.get(number, 0))) for number in editions.values_list("number", flat=True)
        )
        sessions = Session.objects.published().filter(edition__in=editions).order_by("-edition__number", "pk")
        self.sessions = Zipf(sessions.values_list("edition__number", "pk", "title_en"))
        self.feeds = ["news/feed/", "news/feed/atom/", *(f"news/feed/{slug}/" for slug, _pages in self.categories)]
        self.indexes = ["forums/", "forums/declarations/", "organizations/"]


def pages(count):
    return max(1, -(-count // POSTS_PER_PAGE))


def article_path(post, rng):
    pk, slug, title_en, _views = post
    language = "en" if title_en and rng.random() < ENGLISH_SHARE else "ko"
    return f"/{language}/news/{pk}/{slug}/"


def page_path(kind, archive, rng):
    language = "en" if rng.random() < ENGLISH_SHARE else "ko"
    if kind == "article":
        return article_path(archive.posts.pick(rng), rng)
    if kind == "home":
        return f"/{language}/"
    if kind == "news list":
        return list_path(language, [], archive.list_pages, rng)
    if kind == "category list":
        slug, count = rng.choice(archive.categories)
        return list_path(language, [("category", slug)], count, rng)
    if kind == "edition list":
        number, count = archive.editions.pick(rng)
        return list_path(language, [("edition", number)], count, rng)
    if kind == "edition page":
        return f"/{language}/forums/{archive.editions.pick(rng)[0]}/"
    if kind == "session page":
        number, pk, title_en = archive.sessions.pick(rng)
        return f"/{language if title_en else 'ko'}/forums/{number}/sessions/{pk}/"
    if kind == "feed":
        return f"/{language}/{rng.choice(archive.feeds)}"
    return f"/{language}/{rng.choice(archive.indexes)}"


def returning_reader(archive, rng, now):
    """A returning reader: the posts its browser saw in the last day, and its cookie as the
    site set it (news/counting.py remember_views)."""
    from django.http import HttpResponse

    from news.counting import COOKIE_NAME, COOKIE_SALT

    seen = {archive.posts.pick(rng) for _ in range(rng.randint(1, 12))}
    value = ",".join(f"{pk}:{now - rng.randint(60, 20 * 3600)}:{views}" for pk, _slug, _title, views in seen)
    response = HttpResponse()
    response.set_signed_cookie(COOKIE_NAME, value, salt=COOKIE_SALT)
    return list(seen), f"{COOKIE_NAME}={response.cookies[COOKIE_NAME].coded_value}"


def readers_sample(count, seed=24):
    """`count` requests: (kind of page, path, Cookie header or "")."""
    rng = random.Random(seed)
    archive = Archive()
    now = int(time.time())
    readers = [returning_reader(archive, rng, now) for _ in range(RETURNING_READERS)]
    kinds, weights = list(MIX), list(MIX.values())
    sample = []
    for kind in rng.choices(kinds, weights=weights, k=count):
        cookie = ""
        if rng.random() < RETURNING_SHARE:
            seen, cookie = rng.choice(readers)
            if kind == "article" and rng.random() < 0.5:
                sample.append((kind, article_path(rng.choice(seen), rng), cookie))
                continue
        sample.append((kind, page_path(kind, archive, rng), cookie))
    return sample


def write_paths(sample, path):
    path.write_text("".join(f"{page}\t{cookie}\n" for _kind, page, cookie in sample))


def warm(base, sample):
    """Every page of the sample read once (as new readers do); raises unless each answers
    200. Returns (pages, seconds)."""
    distinct = sorted({page for _kind, page, _cookie in sample})
    started = time.monotonic()

    def read(page):
        request = urllib.request.Request(f"{base}{page}", headers={"User-Agent": BROWSER})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()
                if response.url != f"{base}{page}":
                    return f"{page} was redirected to {response.url}"
        except urllib.error.HTTPError as error:
            return f"{page} answered {error.code}"
        return None

    with ThreadPoolExecutor(max_workers=WARM_CONNECTIONS) as pool:
        failures = [failure for failure in pool.map(read, distinct) if failure]
    if failures:
        raise RuntimeError(f"{len(failures)} pages of the forum-week sample do not answer 200: {failures[:5]}")
    return len(distinct), time.monotonic() - started


class Editor(threading.Thread):
    """The editor of the forum week, in the admin of `base`: prepare(), start(), then stop()
    and restore() (always, to leave the database as it was)."""

    def __init__(self, base, duration, save_every, publish_every):
        super().__init__(name="editor", daemon=True)
        self.base, self.duration = base, duration
        self.save_every, self.publish_every = save_every, publish_every
        self.saves, self.publications, self.errors = [], [], []  # (seconds it took, ok), messages
        self.stopping = threading.Event()
        self.originals = {}
        self.drafts = []

    def prepare(self):
        """The editor's account, its hot posts and drafts, and its login."""
        from django.contrib.auth import get_user_model

        from news.models import Post

        user, _created = get_user_model().objects.update_or_create(
            username=EDITOR_USERNAME, defaults={"is_staff": True, "is_superuser": True, "is_active": True}
        )
        user.set_password(EDITOR_PASSWORD)
        user.save()
        hot = Post.objects.published().order_by("-published_at", "-pk")[:HOT_POSTS]
        self.originals = {post.pk: (post.title_ko, post.summary_ko) for post in hot}
        self.hot = list(self.originals)
        template = hot[0]
        for number in range(1, int(self.duration // self.publish_every) + 3):
            self.drafts.append(
                Post.objects.create(
                    title_ko=f"포럼 주간 속보 {number}",
                    title_en=f"Forum week news {number}",
                    summary_ko=template.summary_ko,
                    summary_en=template.summary_en,
                    body_ko=template.body_ko,
                    body_en=template.body_en,
                    category_id=template.category_id,
                    edition_id=template.edition_id,
                    author=user,
                ).pk
            )
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        login = self.fetch(self.admin("login"))
        data = {"username": EDITOR_USERNAME, "password": EDITOR_PASSWORD, "csrfmiddlewaretoken": csrf_token(login)}
        body = self.fetch(f"{self.admin('login')}?next={self.admin('index')}", data)
        if "logout" not in body:
            raise RuntimeError("the forum-week editor could not log into the admin")

    def admin(self, name, *args):
        from django.urls import reverse

        return self.base + reverse(f"admin:{name}", args=args)

    def fetch(self, url, data=None):
        encoded = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=encoded, headers={"User-Agent": BROWSER})
        with self.opener.open(request, timeout=60) as response:
            self.last_url = response.url
            return response.read().decode()

    def run(self):
        started = time.monotonic()
        events = sorted(
            [(number * self.save_every, self.save) for number in range(1, int(self.duration / self.save_every) + 1)]
            # Publications half an interval out of step: one in a run as long as the interval.
            + [
                ((number - 0.5) * self.publish_every, self.publish)
                for number in range(1, int(self.duration / self.publish_every) + 2)
            ],
            # A publication before a save due at the same time: the drafts matter more.
            key=lambda event: (event[0], event[1] == self.save),
        )
        for number, (at, action) in enumerate(events):
            if at >= self.duration or self.stopping.wait(max(0, started + at - time.monotonic())):
                return
            try:
                action(number)
            except Exception as error:  # noqa: BLE001 (reported with the results)
                self.errors.append(f"{action.__name__}: {error!r}")

    def save(self, number):
        """Correct a hot post through its change form: its Korean title, or its summary,
        marked " (수정)", or the mark taken away."""
        pk = self.hot[number % len(self.hot)]
        started = time.monotonic()
        url = self.admin("news_post_change", pk)
        form = lxml.html.fromstring(self.fetch(url)).get_element_by_id("post_form")
        values = [(name, value) for name, value in form.form_values()]
        name = "title_ko" if number % 2 == 0 else "summary_ko"
        values = [(key, toggled(value) if key == name else value) for key, value in values] + [("_save", "Save")]
        self.fetch(url, values)
        ok = not self.last_url.startswith(url)  # saved: the admin goes on to the list
        self.saves.append((time.monotonic() - started, ok))
        if not ok:
            self.errors.append(f"saving post {pk} through its change form failed")

    def publish(self, number):
        started = time.monotonic()
        changelist = self.admin("news_post_changelist")
        page = self.fetch(f"{changelist}?status__exact=draft")
        pk = self.drafts[len(self.publications)]
        data = {"action": "publish_now", "_selected_action": str(pk), "index": "0"}
        body = self.fetch(changelist, data | {"csrfmiddlewaretoken": csrf_token(page)})
        ok = 'class="success"' in body
        self.publications.append((time.monotonic() - started, ok))
        if not ok:
            self.errors.append(f"publishing draft {pk} failed")

    def stop(self):
        self.stopping.set()
        if self.is_alive():
            self.join()

    def restore(self):
        from news.models import Post

        for pk, (title, summary) in self.originals.items():
            Post.objects.filter(pk=pk).update(title_ko=title, summary_ko=summary)
        Post.objects.filter(pk__in=self.drafts).delete()


def toggled(text):
    return text.removesuffix(CORRECTION) if text.endswith(CORRECTION) else f"{text}{CORRECTION}"


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def parse_counts(output):
    found = re.search(r"page cache: hits (\d+) stale (\d+) misses (\d+) others (\d+) redirects (\d+)", output)
    return dict(zip(("hits", "stale", "misses", "others", "redirects"), map(int, found.groups()), strict=True))

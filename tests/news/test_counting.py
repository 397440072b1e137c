"""View counting (news/counting.py): one view per reader per post per 24 hours, exact under
concurrency, across app servers, and with the counts kept in a shared Redis cache."""

import datetime
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains

from news.counting import COOKIE_NAME, COOKIE_SALT, MAX_COOKIE_LENGTH, pending_views, total_key
from news.models import Post
from tests.factories import make_post, make_posts, views_of
from tests.pages import BROWSER, article_url, get

pytestmark = pytest.mark.django_db


# View counting


def test_post_detail_counts_each_reader_once(client):
    post = make_post()

    for _ in range(3):
        get(Client(), article_url(post))
    get(client, article_url(post))
    response = get(client, article_url(post))

    assert views_of(post) == 4
    assertContains(response, '<span class="views">조회 4</span>')


def test_post_detail_shows_the_count_including_this_view(client):
    post = make_post(view_count=1253)

    korean = get(client, article_url(post, "ko"))
    english = get(client, article_url(post, "en"))

    assertContains(korean, '<span class="views">조회 1,254</span>')
    assertContains(english, '<span class="views">Views 1,254</span>')
    assert views_of(post) == 1254


def test_post_detail_counts_korean_and_english_pages_as_one_view(client):
    post = make_post()

    get(client, article_url(post, "ko"))
    get(client, article_url(post, "en"))

    assert views_of(post) == 1


def test_post_detail_counts_each_post_a_reader_opens(client):
    first = make_post()
    second = make_post()

    get(client, article_url(first))
    get(client, article_url(second))
    get(client, article_url(first))

    assert (views_of(first), views_of(second)) == (1, 1)


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "curl/8.5.0",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36",
        "",
    ],
    ids=["googlebot", "facebook-preview", "curl", "headless", "no-user-agent"],
)
def test_post_detail_does_not_count_bots(client, user_agent):
    post = make_post()

    response = client.get(article_url(post), HTTP_USER_AGENT=user_agent)

    assertContains(response, '<span class="views">조회 0</span>')
    assert views_of(post) == 0
    assert COOKIE_NAME not in response.cookies


def test_post_detail_does_not_count_head_requests(client):
    post = make_post()

    response = client.head(article_url(post), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 200
    assert views_of(post) == 0


def test_post_detail_counts_the_same_reader_again_after_24_hours(client):
    post = make_post()
    start = timezone.now().replace(microsecond=0)

    with time_machine.travel(start, tick=False):
        get(client, article_url(post))
    with time_machine.travel(start + datetime.timedelta(hours=23, minutes=59), tick=False):
        get(client, article_url(post))
    views_within_a_day = views_of(post)
    with time_machine.travel(start + datetime.timedelta(hours=24), tick=False):
        get(client, article_url(post))

    assert views_within_a_day == 1
    assert views_of(post) == 2


def test_post_detail_remembers_views_in_a_signed_http_only_cookie(client):
    post = make_post()

    response = get(client, article_url(post))

    cookie = response.cookies[COOKIE_NAME]
    assert cookie["max-age"] == 24 * 60 * 60
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert cookie.value.startswith(f"{post.pk}:")


def signed(value):
    """`value` signed as Django's set_signed_cookie() signs the counting cookie."""
    return signing.get_cookie_signer(salt=COOKIE_NAME + COOKIE_SALT).sign(value)


def test_post_detail_cookie_of_a_busy_reader_keeps_the_newest_views_within_the_size_limit(client):
    post = make_post()
    now = int(time.time())
    client.cookies[COOKIE_NAME] = signed(",".join(f"{900000 + age}:{now - age}:1234567" for age in range(1, 131)))

    response = get(client, article_url(post))

    value = response.cookies[COOKIE_NAME].value
    entries = value.rsplit(":", 2)[0].split(",")
    assert len(value) < MAX_COOKIE_LENGTH
    assert re.fullmatch(rf"{post.pk}:[0-9]+:1", entries[0])
    assert entries[1:] == [f"{900000 + age}:{now - age}:1234567" for age in range(1, 120)]


def test_post_detail_does_not_count_a_reader_with_a_valid_cookie_again(client):
    post = make_post()
    client.cookies[COOKIE_NAME] = signed(f"{post.pk}:{int(time.time())}")

    response = get(client, article_url(post))

    assertContains(response, '<span class="views">조회 0</span>')
    assert views_of(post) == 0


BAD_COOKIES = {
    "garbage": lambda post, real: "garbage",
    "huge-unsigned": lambda post, real: "x" * 5000,
    "tampered": lambda post, real: real[:-1] + ("B" if real.endswith("A") else "A"),
    "huge-signed": lambda post, real: signed(f"{post.pk}:{int(time.time())}," + "9:1," * 1300),
    "malformed-signed": lambda post, real: signed(f"{post.pk}:{int(time.time())}:0:0"),
}


@pytest.mark.parametrize("make_cookie", BAD_COOKIES.values(), ids=BAD_COOKIES.keys())
def test_post_detail_counts_a_reader_with_a_bad_cookie_as_new(client, make_cookie):
    post = make_post()
    first = get(client, article_url(post))
    client.cookies[COOKIE_NAME] = make_cookie(post, first.cookies[COOKIE_NAME].value)

    response = get(client, article_url(post))

    assertContains(response, '<span class="views">조회 2</span>')
    assert views_of(post) == 2


# Concurrent readers


THREADS = 8
REQUESTS_PER_THREAD = 25


def read_as_new_reader(url):
    """A request from a browser without cookies: a reader who has not read the post yet."""
    return Client().get(url, HTTP_USER_AGENT=BROWSER)


def read_as_new_readers(url, count):
    """`count` requests, each from a browser without cookies: `count` distinct readers."""
    try:
        return [read_as_new_reader(url).status_code for _ in range(count)]
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_view_count_loses_nothing_under_concurrent_readers():
    post = make_post(view_count=660)

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(
            pool.map(read_as_new_readers, [post.get_absolute_url()] * THREADS, [REQUESTS_PER_THREAD] * THREADS)
        )

    assert [status for statuses in results for status in statuses] == [200] * THREADS * REQUESTS_PER_THREAD
    post.refresh_from_db()
    assert post.view_count == 660 + THREADS * REQUESTS_PER_THREAD


# Two app servers sharing one database


READERS_PER_SERVER = 60


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    """The URL of the test database this test runs in, for the server processes."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    return f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"


def wait_until_serving(base_url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"{base_url}/ko/", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(base_url)


def read_over_http_as_new_reader(url):
    request = urllib.request.Request(url, headers={"User-Agent": BROWSER})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


@pytest.fixture
def two_servers():
    env = os.environ | {"DATABASE_URL": database_url(), "DJANGO_DEBUG": "1"}
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    base_urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for base_url, process in zip(base_urls, processes, strict=True):
            wait_until_serving(base_url, process)
        yield base_urls
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


@pytest.mark.django_db(transaction=True)
def test_view_count_is_exact_across_two_app_servers(two_servers):
    post = make_post(view_count=114)
    urls = [base_url + post.get_absolute_url() for base_url in two_servers] * READERS_PER_SERVER

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(read_over_http_as_new_reader, urls))

    assert statuses == [200] * 2 * READERS_PER_SERVER
    post.refresh_from_db()
    assert post.view_count == 114 + 2 * READERS_PER_SERVER


# Counts with Redis: shown from Redis, each view added to the database by the process that
# counted it


def shown_views(response):
    """The count the reader sees on the article: "조회 1,234" or "Views 1,234"."""
    text = re.search(r'<span class="views">([^<]*)</span>', response.content.decode())[1]
    return int(re.sub(r"\D", "", text))


@pytest.mark.django_db
def test_each_new_reader_sees_the_exact_count_in_both_languages(redis_cache):
    post = make_post(view_count=660)

    shown = [shown_views(read_as_new_reader(post.get_absolute_url())) for _ in range(3)]
    shown.append(shown_views(read_as_new_reader(f"/en/news/{post.pk}/{post.slug}/")))

    assert shown == [661, 662, 663, 664]


@pytest.mark.django_db
def test_returning_reader_and_bot_see_the_current_count_without_adding_to_it(redis_cache):
    post = make_post(view_count=660)
    reader = Client()
    reader.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    read_as_new_reader(post.get_absolute_url())

    returning = reader.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    bot = Client().get(post.get_absolute_url(), HTTP_USER_AGENT="Googlebot/2.1")

    assert (shown_views(returning), shown_views(bot)) == (662, 662)
    assert cache.get(total_key(post.pk)) == 662


@pytest.mark.django_db
def test_views_reach_the_database_when_the_process_writes_them(redis_cache):
    post = make_post(view_count=660)
    for _ in range(4):
        read_as_new_reader(post.get_absolute_url())
    before_writing = views_of(post)

    written = pending_views.write()

    assert (before_writing, written, views_of(post)) == (660, 4, 664)
    assert pending_views.write() == 0


@pytest.mark.django_db
def test_views_are_added_to_the_stored_count_never_replace_it(redis_cache):
    post = make_post(view_count=660)
    read_as_new_reader(post.get_absolute_url())
    Post.objects.filter(pk=post.pk).update(view_count=700)

    pending_views.write()

    assert views_of(post) == 701
    assert cache.get(total_key(post.pk)) == 701


@pytest.mark.django_db
def test_a_lost_cached_total_starts_again_from_the_database(redis_cache):
    post = make_post(view_count=660)
    read_as_new_reader(post.get_absolute_url())
    cache.delete(total_key(post.pk))

    response = read_as_new_reader(post.get_absolute_url())

    assert shown_views(response) == 662


@pytest.mark.django_db
def test_cached_article_is_served_and_counted_without_the_database(redis_cache, django_assert_num_queries):
    post = make_post(view_count=660)
    read_as_new_reader(post.get_absolute_url())

    with django_assert_num_queries(0):
        response = read_as_new_reader(post.get_absolute_url())

    assert shown_views(response) == 662


@pytest.mark.django_db
def test_an_article_edited_after_it_was_cached_is_rendered_again_and_counted_once(redis_cache):
    post = make_post(view_count=660, summary_en="The first summary.")
    url = f"/en/news/{post.pk}/{post.slug}/"
    read_as_new_reader(url)
    post.summary_en = "The corrected summary."
    post.save()

    response = read_as_new_reader(url)
    again = read_as_new_reader(url)

    assert b"The corrected summary." in response.content
    assert b"The first summary." not in response.content
    assert (shown_views(response), shown_views(again)) == (662, 663)


@pytest.mark.django_db(transaction=True)
def test_concurrent_new_readers_are_each_counted_once(redis_cache):
    post = make_post(view_count=660)
    url = post.get_absolute_url()

    def read_25_times(_):
        try:
            return [shown_views(read_as_new_reader(url)) for _ in range(25)]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        shown = [count for counts in pool.map(read_25_times, range(8)) for count in counts]
    pending_views.write()

    assert sorted(shown) == list(range(661, 861))
    assert views_of(post) == 860


# Redis failing: on a redis-server of the test's own


@pytest.mark.django_db
def test_with_redis_stopped_the_article_is_served_from_the_database_and_counted(private_redis):
    post = make_post(view_count=660, title_en="Gwangju opens the forum")
    read_as_new_reader(post.get_absolute_url())
    private_redis.stop()

    korean = read_as_new_reader(post.get_absolute_url())
    english = read_as_new_reader(f"/en/news/{post.pk}/{post.slug}/")
    pending_views.write()

    assert (korean.status_code, english.status_code) == (200, 200)
    assert b"Gwangju opens the forum" in english.content
    assert (shown_views(korean), shown_views(english)) == (662, 663)
    assert views_of(post) == 663


@pytest.mark.django_db
def test_a_redis_restarted_from_an_old_snapshot_repeats_no_view_and_shows_no_lower_count(private_redis):
    post = make_post(view_count=660)
    url = post.get_absolute_url()
    returning = Client()
    returning.get(url, HTTP_USER_AGENT=BROWSER)
    private_redis.save_snapshot()
    for _ in range(3):
        read_as_new_reader(url)
    shown_before = shown_views(returning.get(url, HTTP_USER_AGENT=BROWSER))
    private_redis.stop()
    private_redis.start()

    shown_after = shown_views(returning.get(url, HTTP_USER_AGENT=BROWSER))
    pending_views.write()
    next_reader = shown_views(read_as_new_reader(url))
    pending_views.write()

    assert cache.get(total_key(post.pk)) == 665
    assert (shown_before, shown_after, next_reader) == (664, 664, 665)
    assert views_of(post) == 665


@pytest.mark.django_db
def test_a_redis_restored_from_an_old_snapshot_does_not_serve_the_pages_of_that_time(private_redis):
    post = make_post(title_ko="개막식 일정")
    url = f"/ko/news/{post.pk}/{post.slug}/"
    read_as_new_reader(url)
    private_redis.save_snapshot()
    post.title_ko = "개막식 일정 변경"
    post.save()
    read_as_new_reader(url)
    private_redis.stop()
    private_redis.start()

    response = read_as_new_reader(url)

    assert "<h1>개막식 일정 변경</h1>" in response.content.decode()


def test_views_of_hundreds_of_posts_are_written_in_one_statement(redis_cache, django_assert_max_num_queries):
    """A forum week's readers touch hundreds of posts between two writes: one UPDATE (and
    one read of the new counts) for each 500 of them, not a statement and a commit per post."""
    posts = make_posts(600)
    for number, post in enumerate(posts):
        for _ in range(number % 3 + 1):
            pending_views.add(post.pk)

    # Two batches, each a savepoint (the test's transaction), an UPDATE and a SELECT.
    with django_assert_max_num_queries(8):
        written = pending_views.write()

    stored = dict(Post.objects.values_list("pk", "view_count"))
    assert written == sum(number % 3 + 1 for number in range(600))
    assert [stored[post.pk] for post in posts[:6]] == [1, 2, 3, 1, 2, 3]
    assert pending_views.count(posts[0].pk) == 0

"""Public pages served from the cache (common/page_cache.py), and made again when content changes."""

import datetime
import hashlib
import random

import pytest
import redis
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains

from common.page_cache import CLOCK_KEY, PAGE_SCRIPT, SITE, PageToKeep, list_token, page_key, store
from news.counting import pending_views
from news.models import Post
from tests.factories import make_post, make_staff
from tests.pages import BROWSER

pytestmark = pytest.mark.django_db


def test_cached_news_list_is_served_without_queries(client, django_assert_num_queries):
    make_post(title_ko="첫 소식")
    client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    with django_assert_num_queries(0):
        response = client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    assertContains(response, "첫 소식")


def test_publishing_a_post_shows_it_at_once_on_the_cached_list(client):
    make_post(title_ko="첫 소식")
    draft = make_post(title_ko="새 소식", status=Post.Status.DRAFT)
    client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    draft.status = Post.Status.PUBLISHED
    draft.save()
    response = client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    assertContains(response, "새 소식")


def test_scheduled_post_appears_on_the_cached_list_at_its_time(client, time_machine):
    now = timezone.now()
    time_machine.move_to(now, tick=False)
    make_post(title_ko="지난 소식")
    make_post(title_ko="예약한 소식", published_at=now + datetime.timedelta(minutes=10))
    assertNotContains(client.get("/ko/news/", HTTP_USER_AGENT=BROWSER), "예약한 소식")

    time_machine.move_to(now + datetime.timedelta(minutes=10, seconds=2), tick=False)
    response = client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    assertContains(response, "예약한 소식")


def test_cached_article_counts_every_new_reader_and_shows_the_live_count(django_assert_num_queries):
    post = make_post(view_count=1253)
    Client().get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    with django_assert_num_queries(2):  # the view-count UPDATE, the count it leaves
        response = Client().get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assertContains(response, '<span class="views">조회 1,255</span>', html=True)
    post.refresh_from_db()
    assert post.view_count == 1255


def test_cached_article_does_not_count_the_same_reader_twice(client):
    post = make_post(view_count=10)
    client.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    response = client.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assertContains(response, '<span class="views">조회 11</span>', html=True)
    post.refresh_from_db()
    assert post.view_count == 11


def test_english_article_is_cached_apart_from_the_korean_one(client):
    post = make_post(title_ko="폐막 소식", title_en="Closing news")
    client.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    response = client.get(f"/en/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    assertContains(response, "<h1>Closing news</h1>", html=True)


def test_staff_never_get_a_cached_page(client):
    make_post(title_ko="첫 소식")
    client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)
    client.force_login(make_staff())
    hidden = Post.objects.get()

    Post.objects.filter(pk=hidden.pk).update(title_ko="고친 제목")  # no signal: the cache is not told
    response = client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    assertContains(response, "고친 제목")


def test_publish_now_action_shows_the_post_at_once_on_the_cached_list(client):
    make_post(title_ko="첫 소식")
    draft = make_post(title_ko="새 소식", status=Post.Status.DRAFT)
    client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    Post.objects.filter(pk=draft.pk).publish_now()
    response = client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    assertContains(response, "새 소식")


def test_a_list_rendered_before_a_publication_commits_is_not_served_after_it(
    client, django_capture_on_commit_callbacks
):
    make_post(title_ko="첫 소식")
    draft = make_post(title_ko="새 소식", status=Post.Status.DRAFT)
    before = client.get("/ko/news/", HTTP_USER_AGENT=BROWSER).content

    # The admin's actions run in a transaction (django-reversion's revision). Until it
    # commits, another app server renders the list from the database as it was, and
    # keeps it with the versions the publication gave.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        Post.objects.filter(pk=draft.pk).publish_now()
        page = PageToKeep(news_list_key("ko"), cache.get(CLOCK_KEY), {SITE, list_token(Post)}, before, counted=None)
        store(page, HttpResponse(before))
    response = client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    assertContains(response, "새 소식")


def news_list_key(language):
    request = RequestFactory().get(f"/{language}/news/")
    request.user = AnonymousUser()
    with translation.override(language):
        return page_key(request)


def test_unpublish_action_hides_the_post_at_once_on_the_cached_list(client):
    post = make_post(title_ko="내릴 소식")
    client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    Post.objects.filter(pk=post.pk).unpublish()
    response = client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    assertNotContains(response, "내릴 소식")


def test_unpublished_article_is_no_longer_served_from_the_cache(client):
    post = make_post(title_ko="지울 소식")
    client.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    post.status = Post.Status.DRAFT
    post.save()
    response = client.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 404


@pytest.mark.parametrize("language", ["ko", "en"])
def test_cached_pages_carry_an_etag_and_answer_304_when_unchanged(client, language):
    make_post(title_ko="첫 소식", title_en="First news")
    first = client.get(f"/{language}/news/", HTTP_USER_AGENT=BROWSER)

    again = client.get(f"/{language}/news/", HTTP_IF_NONE_MATCH=first["ETag"], HTTP_USER_AGENT=BROWSER)

    assert first["Cache-Control"] == "max-age=0, must-revalidate"
    assert (again.status_code, again.content) == (304, b"")


def test_list_etag_changes_when_a_post_is_published(client):
    make_post(title_ko="첫 소식")
    first = client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)
    make_post(title_ko="새 소식")

    again = client.get("/ko/news/", HTTP_IF_NONE_MATCH=first["ETag"], HTTP_USER_AGENT=BROWSER)

    assert again.status_code == 200
    assertContains(again, "새 소식")


def test_article_is_never_kept_by_a_shared_cache(client):
    post = make_post()

    response = client.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assert response["Cache-Control"] == "private, no-cache"


def test_edited_paragraph_shows_at_once_on_the_cached_page(client, declaration):
    client.get("/en/forums/11/declaration/")
    paragraph = declaration.paragraphs.get(number=2)
    paragraph.text_en = "Cities keep every promise."
    paragraph.save()

    response = client.get("/en/forums/11/declaration/")

    assertContains(response, ">2</a> Cities keep every promise.</p>", count=1)


def cache_keys(settings):
    """The keys this test's cache holds in Redis."""
    prefix = settings.CACHES["default"].get("KEY_PREFIX", "")
    return sorted(redis.Redis.from_url(settings.CACHES["default"]["LOCATION"]).scan_iter(f"{prefix}:*"))


def test_random_query_strings_and_host_ports_add_no_cache_key(redis_cache, settings):
    post = make_post(title_ko="첫 소식", title_en="First news")
    pages = ["/ko/", "/en/", "/ko/news/", "/en/news/?page=2", "/en/forums/", post.get_absolute_url()]
    for page in pages:
        Client().get(page, HTTP_USER_AGENT=BROWSER)
    keys = cache_keys(settings)

    answers = set()
    for n in range(200):
        page = random.choice(pages)
        separator = "&" if "?" in page else "?"
        host = f"127.0.0.1:{random.randint(1, 65535)}"
        response = Client().get(f"{page}{separator}x={n}", HTTP_USER_AGENT=BROWSER, HTTP_HOST=host)
        answers.add(response.status_code)
        response = Client().get(page, HTTP_USER_AGENT=BROWSER, HTTP_HOST=host)
        answers.add(response.status_code)

    assert answers == {200, 301}
    assert cache_keys(settings) == keys


@pytest.mark.parametrize(
    ("address", "clean_address"),
    [
        ("/ko/news/?x=1", "/ko/news/"),
        ("/en/news/?utm_source=mail&page=2&x=1", "/en/news/?page=2"),
        ("/en/news/?page=2&category=forum&q=", "/en/news/?category=forum&page=2"),
        ("/ko/news/?edition=11&fbclid=abc", "/ko/news/?edition=11"),
        ("/en/?fbclid=abc", "/en/"),
        ("/ko/forums/?x=1&x=2", "/ko/forums/"),
    ],
)
def test_parameters_a_page_does_not_read_are_redirected_away(client, address, clean_address):
    response = client.get(address, HTTP_USER_AGENT=BROWSER)

    assert (response.status_code, response["Location"]) == (301, clean_address)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_article_address_with_a_parameter_is_redirected_to_the_article(client, language):
    post = make_post(title_ko="첫 소식", title_en="First news")
    address = f"/{language}/news/{post.pk}/{post.slug}/"

    response = client.get(f"{address}?utm_source=x", HTTP_USER_AGENT=BROWSER)

    assert (response.status_code, response["Location"]) == (301, address)


def redis_commands(monkeypatch):
    """The commands this process sends Redis from now on: [(name, first argument)]."""
    sent = []
    execute = redis.Redis.execute_command

    def recorded(self, *args, **options):
        sent.append((args[0], str(args[1]) if len(args) > 1 else ""))
        return execute(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", recorded)
    return sent


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_page_rendered_on_a_miss_looks_itself_up_twice_and_asks_when_the_next_post_is_due_once(
    redis_cache, monkeypatch, language
):
    """Under load each round trip to Redis is a wait for the CPU: a render makes few. The
    lookups are PageCacheMiddleware's and, once the render holds the page's lock, the
    one that finds a page another render kept meanwhile; the list's count, its card and
    the page itself expire when the next scheduled post is due, asked once."""
    make_post(title_ko="첫 소식", title_en="First news")
    page_script = hashlib.sha1(PAGE_SCRIPT.encode()).hexdigest()
    sent = redis_commands(monkeypatch)

    response = Client().get(f"/{language}/news/", HTTP_USER_AGENT=BROWSER)

    assert response["X-Page-Cache"] == "miss"
    assertContains(response, {"ko": "첫 소식", "en": "First news"}[language])
    lookups = [command for command in sent if command == ("EVALSHA", page_script)]
    asked_when_due = [command for command in sent if command[0] == "GET" and ":next-scheduled:" in command[1]]
    assert (len(lookups), len(asked_when_due)) == (2, 1)
    assert Client().get(f"/{language}/news/", HTTP_USER_AGENT=BROWSER)["X-Page-Cache"] == "hit"


def test_page_rendered_for_another_port_is_not_kept_for_the_host(client):
    make_post(title_ko="첫 소식")
    client.get("/ko/news/", HTTP_USER_AGENT=BROWSER, HTTP_HOST="testserver:4444")

    served = client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    assertContains(served, '<link rel="canonical" href="http://testserver/ko/news/">', html=True)
    assertNotContains(served, "4444")


def fill_redis_memory(server):
    """Redis refuses any write from now on, as with maxmemory and noeviction when full."""
    client = redis.Redis.from_url(server.url)
    client.config_set("maxmemory-policy", "noeviction")
    client.set("filler", "x" * 100_000)
    client.config_set("maxmemory", client.info("memory")["used_memory"])
    with pytest.raises(redis.exceptions.OutOfMemoryError):
        client.set("another", "x" * 100_000)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_full_redis_is_a_cache_miss_not_an_error(private_redis, language):
    post = make_post(title_ko="첫 소식", title_en="First news", view_count=5)
    fill_redis_memory(private_redis)

    answers = [
        Client().get(address, HTTP_USER_AGENT=BROWSER)
        for address in [f"/{language}/", f"/{language}/news/", f"/{language}/news/{post.pk}/{post.slug}/"] * 3
    ]

    assert [response.status_code for response in answers] == [200] * 9
    assertContains(answers[-1], {"ko": "첫 소식", "en": "First news"}[language])
    pending_views.write()
    post.refresh_from_db()
    assert post.view_count == 8

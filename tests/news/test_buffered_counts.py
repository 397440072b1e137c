"""View counts with Redis (production): the count shown exact on every page served and
kept in Redis, each view added to the database by the process that counted it, and the
cached article read without the database."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from news.counting import pending_views, total_key
from news.models import Post
from tests.factories import make_post
from tests.pages import BROWSER


def shown_views(response):
    """The count the reader sees on the article: "조회 1,234" or "Views 1,234"."""
    text = re.search(r'<span class="views">([^<]*)</span>', response.content.decode())[1]
    return int(re.sub(r"\D", "", text))


def read_as_new_reader(url):
    return Client().get(url, HTTP_USER_AGENT=BROWSER)


def stored_views(post):
    return Post.objects.get(pk=post.pk).view_count


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
    before_writing = stored_views(post)

    written = pending_views.write()

    assert (before_writing, written, stored_views(post)) == (660, 4, 664)
    assert pending_views.write() == 0


@pytest.mark.django_db
def test_views_are_added_to_the_stored_count_never_replace_it(redis_cache):
    post = make_post(view_count=660)
    read_as_new_reader(post.get_absolute_url())
    Post.objects.filter(pk=post.pk).update(view_count=700)

    pending_views.write()

    assert stored_views(post) == 701
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
        response = read_as_new_reader(post.get_absolute_url() + "?utm_source=newsletter")

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
    assert stored_views(post) == 860


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
    assert stored_views(post) == 663


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
    assert stored_views(post) == 665


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

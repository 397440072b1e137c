"""View counts kept in a shared Redis cache (production): exact on every page served,
written back to the database, and the cached article read without the database."""

import re
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client

from news.counting import total_key
from news.models import Post
from tests.factories import make_post, views_of
from tests.pages import BROWSER


def shown_views(response):
    """The count the reader sees on the article: "조회 1,234" or "Views 1,234"."""
    text = re.search(r'<span class="views">([^<]*)</span>', response.content.decode())[1]
    return int(re.sub(r"\D", "", text))


def read_as_new_reader(url):
    return Client().get(url, HTTP_USER_AGENT=BROWSER)


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
def test_first_view_writes_the_total_back_then_the_flush_command_writes_the_rest(redis_cache):
    post = make_post(view_count=660)

    for _ in range(4):
        read_as_new_reader(post.get_absolute_url())
    written_at_first_view = views_of(post)
    call_command("flush_view_counts", stdout=StringIO())

    assert (written_at_first_view, views_of(post)) == (661, 664)


@pytest.mark.django_db
def test_writing_back_an_older_total_never_lowers_the_stored_count(redis_cache):
    post = make_post(view_count=660)
    read_as_new_reader(post.get_absolute_url())
    Post.objects.filter(pk=post.pk).update(view_count=700)

    call_command("flush_view_counts", stdout=StringIO())

    assert views_of(post) == 700


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
    call_command("flush_view_counts", stdout=StringIO())

    assert sorted(shown) == list(range(661, 861))
    assert views_of(post) == 860

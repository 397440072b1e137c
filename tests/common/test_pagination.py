"""The archive paginator (common/pagination.py)."""

import datetime

import pytest
from django.utils import timezone

from common.pagination import ArchivePaginator
from news.models import Post
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def make_posts(count, pinned=()):
    now = timezone.now()
    same_time = now - datetime.timedelta(days=1)
    for number in range(count):
        # Every third post shares one time, so only the id tells them apart.
        published_at = same_time if number % 3 == 0 else now - datetime.timedelta(hours=number + 30)
        make_post(title_ko=f"소식 {number}", published_at=published_at, pinned=number in pinned)


@pytest.mark.parametrize(
    ("ids_first_from", "pages_of_ids"),
    [(ArchivePaginator.ids_first_from, ArchivePaginator.pages_of_ids), (0, 1), (0, 2)],
)
@pytest.mark.parametrize("per_page", [3, 4, 7])
def test_every_page_holds_the_posts_of_that_place_in_the_full_list(per_page, ids_first_from, pages_of_ids):
    make_posts(17, pinned={5, 11})
    posts = Post.objects.published().for_listing().pinned_first()
    everything = [post.pk for post in posts]

    paginator = ArchivePaginator(posts, per_page, count_key="test")
    paginator.ids_first_from, paginator.pages_of_ids = ids_first_from, pages_of_ids
    pages = [[post.pk for post in paginator.page(number)] for number in paginator.page_range]

    assert pages == [everything[start : start + per_page] for start in range(0, 17, per_page)]


def test_count_is_read_once_per_content_version(django_assert_num_queries):
    make_posts(5)
    posts = Post.objects.published()
    counted = ArchivePaginator(posts, 2, count_key="test").count

    with django_assert_num_queries(0):
        cached = ArchivePaginator(posts, 2, count_key="test").count
    make_post(title_ko="새 소식")
    with django_assert_num_queries(2):  # the count, and when the next scheduled post is due
        recounted = ArchivePaginator(Post.objects.published(), 2, count_key="test").count

    assert (counted, cached, recounted) == (5, 5, 6)


def test_last_page_reads_a_small_offset_from_the_other_end(django_assert_num_queries):
    make_posts(10)
    paginator = ArchivePaginator(Post.objects.published().order_by("-published_at", "-pk"), 3, count_key="test")
    assert paginator.count == 10

    with django_assert_num_queries(1) as queries:
        last = list(paginator.page(4))

    assert len(last) == 1
    assert "OFFSET" not in queries.captured_queries[0]["sql"]


@pytest.mark.parametrize(("number", "rows"), [(3, slice(4, 6)), (7, slice(12, 14))])
def test_a_page_far_from_both_ends_reads_the_ids_of_its_rows_then_those_rows(django_assert_num_queries, number, rows):
    make_posts(20, pinned={5})
    posts = Post.objects.published().for_listing().pinned_first()
    everything = [post.pk for post in posts]
    paginator = ArchivePaginator(posts, 2, count_key="test")
    paginator.ids_first_from, paginator.pages_of_ids = 4, 1
    assert paginator.count == 20

    with django_assert_num_queries(2) as queries:
        page = [post.pk for post in paginator.page(number)]

    assert page == everything[rows]
    ids, found = (query["sql"] for query in queries.captured_queries)
    # From the end for a page past the middle: rows 6 and 7 of the 20 from the oldest.
    offset = {3: 4, 7: 6}[number]
    assert ids.startswith('SELECT "news_post"."id" AS "pk" FROM "news_post" WHERE') and f"OFFSET {offset}" in ids
    assert "OFFSET" not in found and "LIMIT" not in found


def test_the_ids_of_pages_around_one_read_come_from_the_cache_until_the_list_changes(django_assert_num_queries):
    make_posts(19)

    def paginator():
        posts = Post.objects.published().for_listing().pinned_first()
        paginator = ArchivePaginator(posts, 2, count_key="test")
        paginator.ids_first_from, paginator.pages_of_ids = 2, 3  # Rows 0-5, 6-11… read together.
        assert paginator.count > 0  # Counted now, not among the queries below.
        return paginator

    def rows(paginator, number):
        return [post.pk for post in paginator.page(number)]

    everything = [post.pk for post in Post.objects.published().pinned_first()]
    first, second = paginator(), paginator()  # Counted.
    with django_assert_num_queries(2):  # The ids of rows 0 to 5, then rows 2 and 3.
        assert rows(first, 2) == everything[2:4]
    with django_assert_num_queries(1):
        assert rows(second, 3) == everything[4:6]

    new = make_post(title_ko="새 소식")  # Every page of the list moves by one post.

    assert Post.objects.published().pinned_first()[0] == new
    after = paginator()
    with django_assert_num_queries(2):
        assert rows(after, 3) == everything[3:5]

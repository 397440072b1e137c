"""The news feeds (news/feeds.py)."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from news.models import Post
from tests.factories import days_ago, make_category, make_post
from tests.pages import rss_items

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def posts():
    news = make_category()
    notice = make_category(slug="notice", name_ko="공지", name_en="Notice")
    return {
        "both": make_post(
            news, title_ko="폐막 소식", title_en="Closing news", slug="closing", published_at=days_ago(1)
        ),
        "korean": make_post(
            news, title_ko="한국어 소식", title_en="", summary_en="", body_en="", published_at=days_ago(2)
        ),
        "notice": make_post(notice, title_ko="참가 안내", title_en="How to register", published_at=days_ago(3)),
        "draft": make_post(news, title_ko="초안", status=Post.Status.DRAFT),
        "scheduled": make_post(news, title_ko="예약", published_at=timezone.now() + datetime.timedelta(days=1)),
    }


def test_korean_feed_lists_every_published_post_newest_first(client, posts):
    channel, items = rss_items(client.get("/ko/news/feed/"))

    assert channel.findtext("language") == "ko"
    assert items == [
        ("폐막 소식", f"http://testserver/ko/news/{posts['both'].pk}/closing/"),
        ("한국어 소식", f"http://testserver{posts['korean'].get_absolute_url()}"),
        ("참가 안내", f"http://testserver{posts['notice'].get_absolute_url()}"),
    ]


def test_english_feed_lists_only_posts_written_in_english(client, posts):
    channel, items = rss_items(client.get("/en/news/feed/"))

    assert channel.findtext("language") == "en"
    assert channel.findtext("title") == "WHRCF News"
    assert [title for title, _link in items] == ["Closing news", "How to register"]
    assert items[0][1] == f"http://testserver/en/news/{posts['both'].pk}/closing/"


def test_category_feed_lists_only_that_category(client, posts):
    channel, items = rss_items(client.get("/en/news/feed/notice/"))

    assert channel.findtext("title") == "Notice · WHRCF News"
    assert [title for title, _link in items] == ["How to register"]


def test_atom_feed_lists_the_same_posts(client, posts):
    feed = ET.fromstring(client.get("/ko/news/feed/atom/").content)

    assert [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")] == [
        "폐막 소식",
        "한국어 소식",
        "참가 안내",
    ]


def test_feed_of_an_unknown_category_is_not_found(client, posts):
    response = client.get("/ko/news/feed/no-such-category/")

    assert response.status_code == 404


@pytest.mark.parametrize("size", [3, 15])
@pytest.mark.parametrize("path", ["/ko/news/feed/", "/en/news/feed/atom/", "/ko/news/feed/news/"])
def test_feed_query_count_does_not_grow_with_posts(client, django_assert_num_queries, path, size):
    category = make_category()
    for day in range(1, size + 1):
        make_post(category=category, published_at=days_ago(day))

    with django_assert_num_queries(QUERIES_PER_FEED[path]):
        response = client.get(path)

    assert response.content.count(b"<item>") + response.content.count(b"<entry>") == size


# The posts with their categories, and when the next scheduled post is due (how long the
# feed may stay cached); a category feed also reads its category.
QUERIES_PER_FEED = {"/ko/news/feed/": 2, "/en/news/feed/atom/": 2, "/ko/news/feed/news/": 3}

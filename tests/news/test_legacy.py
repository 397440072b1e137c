"""Links into the old site (/bbs/board.php?bo_table=..&wr_id=..) redirect to the imported posts."""

import datetime

import pytest
from django.utils import timezone

from news.models import Post
from tests.factories import import_sample_dump, make_post

pytestmark = pytest.mark.django_db


def test_board_redirect_goes_to_the_korean_post(client, django_assert_num_queries):
    post = make_post(slug="closing-of-the-11th-forum", legacy_board="news", legacy_id=63)

    # The legacy URL table, which has no entry for it, then the imported posts.
    with django_assert_num_queries(2):
        response = client.get("/bbs/board.php", {"bo_table": "news", "wr_id": "63"})

    assert (response.status_code, response["Location"]) == (301, f"/ko/news/{post.pk}/closing-of-the-11th-forum/")


def test_board_redirect_goes_to_the_english_post(client):
    post = make_post(slug="message-of-thanks", title_ko="", legacy_board="news_eng", legacy_id=35)

    response = client.get("/bbs/board.php", {"bo_table": "news_eng", "wr_id": "35"})

    assert (response.status_code, response["Location"]) == (301, f"/en/news/{post.pk}/message-of-thanks/")


def test_board_redirect_sends_each_twin_to_its_language(client):
    post = make_post(slug="closing-of-the-11th-forum", legacy_board="news", legacy_id=63, legacy_twin_id=33)

    korean = client.get("/bbs/board.php", {"bo_table": "news", "wr_id": "63"})
    english = client.get("/bbs/board.php", {"bo_table": "news_eng", "wr_id": "33"})

    assert (korean.status_code, korean["Location"]) == (301, f"/ko/news/{post.pk}/closing-of-the-11th-forum/")
    assert (english.status_code, english["Location"]) == (301, f"/en/news/{post.pk}/closing-of-the-11th-forum/")


def test_board_redirect_ignores_page_category_and_search(client):
    post = make_post(slug="closing-of-the-11th-forum", legacy_board="news", legacy_id=63, legacy_twin_id=33)

    response = client.get(
        "/bbs/board.php?bo_table=news_eng&wr_id=33&page=2&sca=2021&sfl=wr_subject%7C%7Cwr_content&stx=closing"
    )

    assert (response.status_code, response["Location"]) == (301, f"/en/news/{post.pk}/closing-of-the-11th-forum/")


def test_board_redirect_reaches_posts_of_the_sample_import(client):
    import_sample_dump()
    closing = Post.objects.get(legacy_board="news", legacy_id=63)
    letter = Post.objects.get(legacy_board="news_eng", legacy_id=35)

    locations = [
        client.get("/bbs/board.php", {"bo_table": board, "wr_id": wr_id})["Location"]
        for board, wr_id in [("news", 63), ("news_eng", 33), ("news_eng", 35), ("news", 70)]
    ]

    assert locations == [
        f"/ko/news/{closing.pk}/closing-of-the-11th-world-human-rights-cities-forum/",
        f"/en/news/{closing.pk}/closing-of-the-11th-world-human-rights-cities-forum/",
        f"/en/news/{letter.pk}/a-message-of-thanks-from-the-raoul-wallenberg-institute/",
        f"/ko/news/{Post.objects.get(legacy_board='news', legacy_id=70).pk}/news-70/",
    ]


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("bo_table=news", "/ko/news/"),
        ("bo_table=news_eng", "/en/news/"),
        ("bo_table=news&page=3&sca=2021", "/ko/news/"),
        ("bo_table=news_eng&wr_id=", "/en/news/"),
        ("bo_table=notice", "/ko/news/?category=notice"),
        ("bo_table=notice_eng", "/en/news/?category=notice"),
    ],
)
def test_board_redirect_sends_a_board_list_to_the_news_list(client, django_assert_num_queries, query, location):
    with django_assert_num_queries(0):
        response = client.get(f"/bbs/board.php?{query}")

    assert (response.status_code, response["Location"]) == (301, location)


@pytest.mark.parametrize(
    "query",
    [
        "bo_table=gallery",
        "",
        "bo_table=news&wr_id=64",
        "bo_table=gallery&wr_id=63",
        "bo_table=news_eng&wr_id=63",
        "wr_id=63",
        "bo_table=news&wr_id=abc",
        "bo_table=news&wr_id=-63",
        "bo_table=news&wr_id=6.3",
        "bo_table=news&wr_id=%D9%A3",
        "bo_table=news&wr_id=1234567890",
        "bo_table=news&wr_id=99999999999999999999999",
        "bo_table=%3Cscript%3E&wr_id=63",
    ],
)
def test_board_redirect_unknown_board_or_post_is_404(client, query):
    make_post(legacy_board="news", legacy_id=63, legacy_twin_id=33)

    response = client.get(f"/bbs/board.php?{query}")

    assert response.status_code == 404


def test_board_redirect_hides_drafts_and_scheduled_posts(client):
    make_post(legacy_board="news", legacy_id=63, status=Post.Status.DRAFT)
    make_post(legacy_board="news", legacy_id=64, published_at=timezone.now() + datetime.timedelta(days=1))

    draft = client.get("/bbs/board.php", {"bo_table": "news", "wr_id": "63"})
    scheduled = client.get("/bbs/board.php", {"bo_table": "news", "wr_id": "64"})

    assert (draft.status_code, scheduled.status_code) == (404, 404)

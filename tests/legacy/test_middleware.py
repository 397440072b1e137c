"""Links into the old site answered (legacy/middleware.py): redirects to the imported posts
and to what the legacy URL table names, gone pages, and the old addresses that lead nowhere yet."""

import datetime
import random
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains

from legacy.models import LegacyURL, MissingLegacyURL
from legacy.old_site import address_url
from news.models import Post
from tests.factories import (
    import_sample_dump,
    make_edition,
    make_legacy_url,
    make_missing_legacy_url,
    make_post,
    missing_addresses,
    seoul,
)

pytestmark = pytest.mark.django_db


# Board articles of imported posts


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


# The legacy URL table


# Redirects


# A list state of the site builder, base64 of PHP's serialize(): it is ignored.
BUILDER_LIST_STATE = "YToxOntzOjEyOiJrZXl3b3JkX3R5cGUiO3M6MzoiYWxsIjt9"


def hits(legacy_url):
    legacy_url.refresh_from_db()
    return legacy_url.hit_count


def test_legacy_url_board_article_redirects_whatever_the_list_category_and_search(client, django_assert_num_queries):
    post = make_post(slug="closing-of-the-11th-forum", published_at=seoul(2021, 10, 31, 17, 0))
    legacy_url = make_legacy_url(old_query="bo_table=news_eng&wr_id=33", language="en", post=post)

    with django_assert_num_queries(2):
        first = client.get("/bbs/board.php?bo_table=news_eng&wr_id=33")
    with time_machine.travel(seoul(2025, 5, 15, 9, 30), tick=False):
        second = client.get(
            "/bbs/board.php?page=2&wr_id=033&sca=2021&sfl=wr_subject%7C%7Cwr_content&stx=closing&bo_table=news_eng"
        )

    location = f"/en/news/{post.pk}/closing-of-the-11th-forum/"
    assert [(first.status_code, first["Location"]), (second.status_code, second["Location"])] == [(301, location)] * 2
    assert hits(legacy_url) == 2
    assert legacy_url.last_hit_at == seoul(2025, 5, 15, 9, 30)
    assert missing_addresses() == []


def test_legacy_url_takes_precedence_over_the_imported_post(client):
    make_post(legacy_board="news", legacy_id=63)
    replacement = make_post(slug="the-11th-forum-in-review")
    make_legacy_url(old_query="bo_table=news&wr_id=63", language="ko", post=replacement)

    response = client.get("/bbs/board.php", {"bo_table": "news", "wr_id": "63", "page": "3"})

    assert (response.status_code, response["Location"]) == (
        301,
        f"/ko/news/{replacement.pk}/the-11th-forum-in-review/",
    )


@pytest.mark.parametrize(
    ("old_path", "number", "year", "location"),
    [
        ("/E_p2100.php", 13, 2023, "/en/forums/13/"),
        ("/E_p2100_2020.php", 10, 2020, "/en/forums/10/"),
    ],
)
def test_legacy_url_english_page_redirects_to_its_edition_in_english(client, old_path, number, year, location):
    edition = make_edition(number=number, year=year)
    legacy_url = make_legacy_url(old_path=old_path, old_query="", language="en", edition=edition)

    response = client.get(old_path)

    assert (response.status_code, response["Location"]) == (301, location)
    assert hits(legacy_url) == 1


def test_legacy_url_past_forum_redirects_to_the_edition_of_its_entry(client):
    make_edition(number=8, year=2018)
    chosen = make_edition(number=7, year=2017)
    legacy_url = make_legacy_url(old_path="/PastForum/2018.php", old_query="", language="ko", edition=chosen)

    response = client.get("/PastForum/2018.php", HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, response["Location"]) == (301, "/ko/forums/7/")
    assert hits(legacy_url) == 1


@pytest.mark.parametrize(("accept_language", "location"), [("ko", "/ko/forums/8/"), ("en", "/en/forums/8/")])
def test_past_forum_without_entry_redirects_to_the_edition_of_that_year(client, accept_language, location):
    make_edition(number=8, year=2018)

    response = client.get("/PastForum/2018.php", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert (response.status_code, response["Location"]) == (301, location)
    assert response["Vary"] == "Accept-Language, Cookie"
    assert missing_addresses() == []


@pytest.mark.parametrize("language", ["ko", "en"])
def test_legacy_url_builder_article_redirects_in_the_language_of_its_entry(client, language):
    post = make_post(slug="civic-space-and-human-rights-cities")
    legacy_url = make_legacy_url(old_path="/news/", old_query="idx=12", language=language, post=post)

    response = client.get(f"/news/?q={BUILDER_LIST_STATE}&bmode=view&idx=12&t=board")

    expected = f"/{language}/news/{post.pk}/civic-space-and-human-rights-cities/"
    assert (response.status_code, response["Location"]) == (301, expected)
    assert hits(legacy_url) == 1


@pytest.mark.parametrize(("accept_language", "location"), [("ko", "/ko/news/"), ("en", "/en/news/")])
def test_builder_news_list_lands_on_the_news_list_without_its_list_state(client, accept_language, location):
    response = client.get(f"/news/?q={BUILDER_LIST_STATE}&t=board", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert (response.status_code, response["Location"]) == (301, location)
    assert missing_addresses() == []


def test_legacy_url_builder_article_ignores_a_malformed_list_state(client):
    post = make_post(slug="civic-space-and-human-rights-cities")
    make_legacy_url(old_path="/news/", old_query="idx=12", language="en", post=post)

    response = client.get("/news/", {"q": "%%%not base64!", "bmode": "view", "idx": "12", "t": "board"})

    assert (response.status_code, response["Location"]) == (
        301,
        f"/en/news/{post.pk}/civic-space-and-human-rights-cities/",
    )


def test_news_list_without_language_still_redirects_to_a_language(client):
    response = client.get("/news/?page=2", HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, response["Location"]) == (302, "/en/news/?page=2")


def test_legacy_url_with_a_target_address_redirects_there(client):
    legacy_url = make_legacy_url(old_path="/E_p1100.php", old_query="", language="en", target_url="/en/forums/")

    response = client.get("/E_p1100.php")

    assert (response.status_code, response["Location"]) == (301, "/en/forums/")
    assert hits(legacy_url) == 1


def test_legacy_url_to_a_draft_is_not_found_and_not_missing(client):
    draft = make_post(status=Post.Status.DRAFT)
    legacy_url = make_legacy_url(post=draft)

    response = client.get("/bbs/board.php", {"bo_table": "news", "wr_id": "63"})

    assert response.status_code == 404
    assert hits(legacy_url) == 1
    assert missing_addresses() == []


# Gone


def test_legacy_url_gone_answers_410_with_a_page_in_english(client):
    legacy_url = make_legacy_url(old_query="bo_table=notice_eng&wr_id=5", language="en", status=LegacyURL.Status.GONE)

    response = client.get("/bbs/board.php", {"bo_table": "notice_eng", "wr_id": "5"})

    assert response.status_code == 410
    assertContains(response, '<html lang="en">', status_code=410)
    assertContains(response, "<h1>Page removed</h1>", html=True, status_code=410)
    assertContains(
        response,
        "<p>The page you followed a link to, <code>/bbs/board.php?bo_table=notice_eng&amp;wr_id=5</code> on the "
        "forum's old website, was removed for good and has no new address.</p>",
        html=True,
        status_code=410,
    )
    assertContains(response, '<a href="/en/forums/">See all forums</a>', html=True, status_code=410)
    assert hits(legacy_url) == 1


def test_legacy_url_gone_answers_410_with_a_page_in_korean(client):
    make_legacy_url(old_query="bo_table=notice&wr_id=5", language="ko", status=LegacyURL.Status.GONE)

    response = client.get("/bbs/board.php", {"bo_table": "notice", "wr_id": "5"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 410
    assertContains(response, '<html lang="ko">', status_code=410)
    assertContains(response, "<code>/bbs/board.php?bo_table=notice&amp;wr_id=5</code>", status_code=410)
    assertContains(response, '<a href="/ko/forums/">', status_code=410)


# Missing addresses


def test_unknown_legacy_urls_are_recorded_once_per_address_with_their_count(client):
    for _ in range(3):
        client.get("/E_p2302.php")
    client.get("/bbs/board.php", {"bo_table": "news", "wr_id": "64", "page": "1"})
    client.get("/bbs/board.php", {"bo_table": "news", "wr_id": "064", "sca": "2021", "stx": "forum"})
    client.get(f"/news/?q={BUILDER_LIST_STATE}&bmode=view&idx=99&t=board")

    assert missing_addresses() == [
        ("/E_p2302.php", "", 3),
        ("/bbs/board.php", "bo_table=news&wr_id=64", 2),
        ("/news/", "idx=99", 1),
    ]


def test_unknown_legacy_url_is_a_404_page_in_the_language_of_the_old_page(client, django_assert_num_queries):
    make_missing_legacy_url(old_path="/E_p2302.php", hit_count=4)

    with django_assert_num_queries(2):
        response = client.get("/E_p2302.php", HTTP_ACCEPT_LANGUAGE="ko")

    assert response.status_code == 404
    assertContains(response, '<html lang="en">', status_code=404)
    assertContains(response, "<h1>Page not found</h1>", html=True, status_code=404)
    assert missing_addresses() == [("/E_p2302.php", "", 5)]


@pytest.mark.django_db(transaction=True)
def test_unknown_legacy_url_count_loses_nothing_under_concurrent_requests():
    def request_five_times(url):
        try:
            return [Client().get(url).status_code for _ in range(5)]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(request_five_times, ["/PastForum/2016.php"] * 8))

    assert [status for statuses in results for status in statuses] == [404] * 40
    assert missing_addresses() == [("/PastForum/2016.php", "", 40)]


@pytest.mark.parametrize(
    "url",
    [
        "/news/?q=%25%25%25not-base64&bmode=view&idx=abc&t=board",
        "/news/?bmode=view",
        f"/news/?q={BUILDER_LIST_STATE}&bmode=view&idx={'1' * 600}&t=board",
        f"/bbs/board.php?bo_table={'a' * 600}&wr_id=1",
        f"/bbs/board.php?bo_table=news&wr_id={'9' * 600}",
        f"/PastForum/{'2' * 600}.php",
        f"/E_p{'1' * 600}.php",
        f"/bbs/board.php/{'x' * 600}",
    ],
)
def test_malformed_or_overlong_legacy_url_is_not_found_and_not_recorded(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert missing_addresses() == []


@pytest.mark.parametrize(
    "url",
    [
        "/bbs/board.php?bo_table=gallery&wr_id=5",
        "/bbs/board.php?bo_table=x7f3k&wr_id=12",
        "/PastForum/1850.php",
        "/PastForum/2999.php",
    ],
)
def test_address_the_old_site_never_had_is_not_found_and_not_recorded(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert missing_addresses() == []


def random_old_address(rng):
    """An address shaped like one of the old site's pages (recorded when missing), or like
    nothing it had (never recorded): made up as a crawler or an attacker would."""
    board = rng.choice(["news", "news_eng", "notice", "notice_eng"])
    return rng.choice(
        [
            (f"/bbs/board.php?bo_table={board}&wr_id={rng.randint(1, 10**9 - 1)}&page={rng.randint(1, 9)}", True),
            (f"/E_p{rng.randint(1000, 9999)}.php", True),
            (f"/news/?bmode=view&idx={rng.randint(1, 10**9 - 1)}&t=board", True),
            (f"/bbs/board.php?bo_table=b{rng.randint(1, 10**9)}&wr_id={rng.randint(1, 999)}", False),
            (f"/PastForum/{rng.randint(1000, 2010)}.php", False),
            (f"/bbs/board.php?bo_table={board}&wr_id=x{rng.randint(1, 10**6)}", False),
        ]
    )


def test_made_up_old_addresses_leave_at_most_the_cap_and_keep_the_real_missing_ones(client, settings):
    settings.MISSING_LEGACY_URLS_MAX = 100
    for _ in range(2):
        client.get("/bbs/board.php?bo_table=news&wr_id=64")
    rng = random.Random(18)
    requests = [random_old_address(rng) for _ in range(4000)]

    statuses = {client.get(url).status_code for url, _shaped in requests}

    recorded = set(MissingLegacyURL.objects.values_list("old_path", "old_query"))
    junk = {url for url, shaped in requests if not shaped}
    assert statuses == {404}
    assert len(recorded) == 100
    assert ("/bbs/board.php", "bo_table=news&wr_id=64") in recorded
    assert not {address_url(*address) for address in recorded} & junk


def test_unknown_builder_article_with_a_malformed_list_state_is_not_found(client):
    response = client.get("/news/", {"q": "%%%not base64!", "bmode": "view", "idx": "7", "t": "board"})

    assert response.status_code == 404
    assert missing_addresses() == [("/news/", "idx=7", 1)]


def test_nul_character_in_a_legacy_url_is_a_bad_request(client):
    response = client.get("/bbs/board.php", {"bo_table": "news\x00", "wr_id": "63"})

    assert (response.status_code, response.content) == (400, b"Bad request")

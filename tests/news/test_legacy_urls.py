"""The legacy URL table: every form of the old site's addresses redirects (301) or answers
410, counts its hits, records the addresses that lead nowhere; the admin keeps the table and
reports what is missing; the gnuboard importer fills it."""

from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from legacy.models import LegacyURL
from news.models import Post
from tests.factories import (
    import_sample_dump,
    make_edition,
    make_legacy_url,
    make_missing_legacy_url,
    make_post,
    missing_addresses,
    post_legacy_url_form,
    seoul,
)

# A list state of the site builder, base64 of PHP's serialize(): it is ignored.
BUILDER_LIST_STATE = "YToxOntzOjEyOiJrZXl3b3JkX3R5cGUiO3M6MzoiYWxsIjt9"

pytestmark = pytest.mark.django_db


def hits(legacy_url):
    legacy_url.refresh_from_db()
    return legacy_url.hit_count


# Redirects


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


def test_unknown_builder_article_with_a_malformed_list_state_is_not_found(client):
    response = client.get("/news/", {"q": "%%%not base64!", "bmode": "view", "idx": "7", "t": "board"})

    assert response.status_code == 404
    assert missing_addresses() == [("/news/", "idx=7", 1)]


def test_nul_character_in_a_legacy_url_is_a_bad_request(client):
    response = client.get("/bbs/board.php", {"bo_table": "news\x00", "wr_id": "63"})

    assert (response.status_code, response.content) == (400, b"Bad request")


# Admin


def test_admin_saves_a_pasted_old_link_as_its_key(staff_client):
    post = make_post()

    response = post_legacy_url_form(
        staff_client,
        old_path="https://whrcf.org/bbs/board.php?wr_id=033&bo_table=news_eng&page=2&stx=forum",
        old_query="",
        language="en",
        post=str(post.pk),
    )

    assert response.status_code == 302
    assert list(LegacyURL.objects.values_list("old_path", "old_query", "language", "status", "post")) == [
        ("/bbs/board.php", "bo_table=news_eng&wr_id=33", "en", 301, post.pk)
    ]


def test_admin_rejects_an_address_the_old_site_did_not_have(staff_client):
    response = post_legacy_url_form(staff_client, old_path="/index.php", old_query="", target_url="/ko/")

    assert response.context["adminform"].form.errors == {
        "old_path": [
            "This site answers these old addresses only: /bbs/board.php?bo_table=…&wr_id=…, /E_pNNNN.php, "
            "/E_pNNNN_YYYY.php, /PastForum/YYYY.php and /news/?bmode=view&idx=…."
        ]
    }
    assert LegacyURL.objects.count() == 0


def test_admin_rejects_a_mapping_that_redirects_to_itself(staff_client):
    response = post_legacy_url_form(staff_client, target_url="/bbs/board.php?page=2&bo_table=news&wr_id=63")

    assert response.context["adminform"].form.errors == {
        "target_url": ["This target is the old address itself: it would redirect to itself."]
    }
    assert LegacyURL.objects.count() == 0


def test_admin_rejects_a_mapping_that_closes_a_loop(staff_client):
    make_legacy_url(old_path="/E_p2302.php", old_query="", target_url="http://testserver/E_p2305.php")

    response = post_legacy_url_form(staff_client, old_path="/E_p2305.php", old_query="", target_url="/E_p2302.php")

    assert response.context["adminform"].form.errors == {
        "target_url": ["This target leads back in a loop: /E_p2305.php → /E_p2302.php → /E_p2305.php."]
    }
    assert LegacyURL.objects.count() == 1


def test_admin_rejects_a_mapping_that_closes_a_longer_loop(staff_client):
    make_legacy_url(old_path="/news/", old_query="idx=12", target_url="/E_p2100.php")
    make_legacy_url(old_path="/E_p2100.php", old_query="", target_url="/PastForum/2018.php")

    response = post_legacy_url_form(
        staff_client, old_path="/PastForum/2018.php", old_query="", target_url="/news/?bmode=view&idx=12"
    )

    assert response.context["adminform"].form.errors == {
        "target_url": [
            "This target leads back in a loop: "
            "/PastForum/2018.php → /news/?idx=12 → /E_p2100.php → /PastForum/2018.php."
        ]
    }


def test_admin_accepts_a_chain_that_ends(staff_client):
    make_legacy_url(old_path="/E_p2302.php", old_query="", target_url="/E_p2305.php")

    response = post_legacy_url_form(staff_client, old_path="/E_p2305.php", old_query="", target_url="/en/forums/")

    assert response.status_code == 302
    assert LegacyURL.objects.count() == 2


ONE_TARGET = "Choose one target: a post, an edition or a target address."


def test_admin_rejects_a_redirect_without_target(staff_client):
    response = post_legacy_url_form(staff_client)

    assert response.context["adminform"].form.errors == {"post": [ONE_TARGET]}
    assert LegacyURL.objects.count() == 0


def test_admin_rejects_a_redirect_with_two_targets(staff_client):
    edition = make_edition()

    response = post_legacy_url_form(staff_client, edition=str(edition.pk), target_url="/en/forums/")

    assert response.context["adminform"].form.errors == {"post": [ONE_TARGET]}
    assert LegacyURL.objects.count() == 0


def test_admin_rejects_a_gone_page_with_a_target(staff_client):
    response = post_legacy_url_form(staff_client, status="410", target_url="/en/forums/")

    assert response.context["adminform"].form.errors == {
        "status": ["A gone page has no target: clear the post, edition and target address."]
    }
    assert LegacyURL.objects.count() == 0


def test_admin_rejects_a_target_address_that_is_no_link(staff_client):
    response = post_legacy_url_form(staff_client, target_url="javascript:alert(1)")

    assert response.context["adminform"].form.errors == {
        "target_url": ["Enter a path starting with / or an address starting with http:// or https://."]
    }
    assert LegacyURL.objects.count() == 0


def test_admin_saves_a_gone_page_without_target(staff_client):
    response = post_legacy_url_form(staff_client, status="410")

    assert response.status_code == 302
    assert list(LegacyURL.objects.values_list("old_path", "old_query", "status", "target_url")) == [
        ("/bbs/board.php", "bo_table=news&wr_id=63", 410, "")
    ]


def test_admin_rejects_a_second_mapping_of_an_old_address(staff_client):
    make_legacy_url(target_url="/ko/")

    response = post_legacy_url_form(staff_client, old_query="wr_id=63&bo_table=news&page=4", target_url="/en/")

    assert response.context["adminform"].form.errors == {"__all__": ["This old address already leads somewhere."]}
    assert LegacyURL.objects.count() == 1


def test_admin_legacy_url_list_shows_address_target_status_and_hits(staff_client):
    post = make_post(title_en="Closing of the 11th forum")
    edition = make_edition(number=8, year=2018)
    make_legacy_url(old_query="bo_table=news_eng&wr_id=33", language="en", post=post, hit_count=7)
    make_legacy_url(old_path="/news/", old_query="idx=8", edition=edition)
    make_legacy_url(old_query="bo_table=notice&wr_id=5", status=LegacyURL.Status.GONE)

    response = staff_client.get(reverse("admin:legacy_legacyurl_changelist"), HTTP_ACCEPT_LANGUAGE="en")

    rows = response.context["cl"].result_list
    assert [(row.old_url, row.target, row.hit_count) for row in rows] == [
        ("/bbs/board.php?bo_table=news_eng&wr_id=33", post, 7),
        ("/bbs/board.php?bo_table=notice&wr_id=5", None, 0),
        ("/news/?idx=8", edition, 0),
    ]
    changelist = reverse("admin:legacy_legacyurl_changelist")
    assertContains(response, f'<th class="field-old_address"><a href="{changelist}', count=3)
    assertContains(response, '<td class="field-target">8th World Human Rights Cities Forum</td>', html=True)
    assertContains(response, '<td class="field-target">Closing of the 11th forum</td>', html=True)
    assertContains(response, '<td class="field-target">-</td>', html=True)
    assertContains(response, '<td class="field-status">Gone (410)</td>', html=True)
    assertContains(response, '<td class="field-hit_count">7</td>', html=True)


def test_admin_legacy_url_list_filters_by_kind_of_old_page(staff_client):
    make_legacy_url(old_path="/E_p2100.php", old_query="", target_url="/en/")
    make_legacy_url(target_url="/ko/")

    response = staff_client.get(reverse("admin:legacy_legacyurl_changelist"), {"kind": "english"})

    assert [row.old_url for row in response.context["cl"].result_list] == ["/E_p2100.php"]


def test_admin_missing_report_lists_the_most_requested_first_with_a_link_to_map_them(staff_client):
    make_missing_legacy_url(old_path="/PastForum/2016.php", hit_count=2)
    make_missing_legacy_url(old_path="/bbs/board.php", old_query="bo_table=news_eng&wr_id=40", hit_count=9)
    make_missing_legacy_url(old_path="/news/", old_query="idx=99", hit_count=1)

    response = staff_client.get(reverse("admin:legacy_missinglegacyurl_changelist"), HTTP_ACCEPT_LANGUAGE="en")

    assert [(row.old_url, row.hit_count) for row in response.context["cl"].result_list] == [
        ("/bbs/board.php?bo_table=news_eng&wr_id=40", 9),
        ("/PastForum/2016.php", 2),
        ("/news/?idx=99", 1),
    ]
    add_url = reverse("admin:legacy_legacyurl_add")
    assertContains(
        response,
        f'<a href="{add_url}?old_path=%2Fbbs%2Fboard.php&amp;old_query=bo_table%3Dnews_eng%26wr_id%3D40'
        '&amp;language=en">Map it</a>',
        html=True,
    )
    assertContains(
        response, f'<a href="{add_url}?old_path=%2FPastForum%2F2016.php&amp;old_query=">Map it</a>', html=True
    )


def test_admin_map_link_fills_the_form_and_mapping_removes_the_missing_address(staff_client):
    make_missing_legacy_url(old_path="/bbs/board.php", old_query="bo_table=news_eng&wr_id=40", hit_count=9)
    make_missing_legacy_url(old_path="/E_p2302.php", hit_count=3)
    post = make_post()
    query = {"old_path": "/bbs/board.php", "old_query": "bo_table=news_eng&wr_id=40", "language": "en"}

    form = staff_client.get(reverse("admin:legacy_legacyurl_add"), query).context["adminform"].form
    saved = post_legacy_url_form(staff_client, **query, post=str(post.pk))

    assert [form[name].value() for name in ("old_path", "old_query", "language", "status")] == [
        "/bbs/board.php",
        "bo_table=news_eng&wr_id=40",
        "en",
        301,
    ]
    assert saved.status_code == 302
    assert missing_addresses() == [("/E_p2302.php", "", 3)]


def test_admin_missing_report_offers_no_map_link_without_permission_to_add(client):
    user = get_user_model().objects.create_user(username="viewer", password="a-long-test-password", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_missinglegacyurl"))
    client.force_login(user)
    make_missing_legacy_url()

    response = client.get(reverse("admin:legacy_missinglegacyurl_changelist"))

    assert [row.old_url for row in response.context["cl"].result_list] == ["/E_p2302.php"]
    assertNotContains(response, reverse("admin:legacy_legacyurl_add"))


# The gnuboard importer


def imported_legacy_urls():
    """Sorted here: databases sort "&" and "_" of the queries differently."""
    return sorted(
        LegacyURL.objects.values_list(
            "old_path", "old_query", "language", "status", "post__legacy_board", "post__legacy_id"
        )
    )


def test_import_maps_each_row_to_its_post_once(client):
    client.get("/bbs/board.php", {"bo_table": "news", "wr_id": "70"})
    import_sample_dump()
    first_pks = list(LegacyURL.objects.order_by("pk").values_list("pk", flat=True))
    client.get("/bbs/board.php", {"bo_table": "news_eng", "wr_id": "33", "page": "2"})

    import_sample_dump()

    assert imported_legacy_urls() == [
        ("/bbs/board.php", "bo_table=news&wr_id=38", "ko", 301, "news", 38),
        ("/bbs/board.php", "bo_table=news&wr_id=52", "ko", 301, "news", 52),
        ("/bbs/board.php", "bo_table=news&wr_id=63", "ko", 301, "news", 63),
        ("/bbs/board.php", "bo_table=news&wr_id=70", "ko", 301, "news", 70),
        ("/bbs/board.php", "bo_table=news_eng&wr_id=21", "en", 301, "news", 38),
        ("/bbs/board.php", "bo_table=news_eng&wr_id=26", "en", 301, "news", 52),
        ("/bbs/board.php", "bo_table=news_eng&wr_id=33", "en", 301, "news", 63),
        ("/bbs/board.php", "bo_table=news_eng&wr_id=35", "en", 301, "news_eng", 35),
        ("/bbs/board.php", "bo_table=news_eng&wr_id=36", "en", 301, "news_eng", 36),
    ]
    assert list(LegacyURL.objects.order_by("pk").values_list("pk", flat=True)) == first_pks
    assert LegacyURL.objects.get(old_query="bo_table=news_eng&wr_id=33").hit_count == 1
    assert missing_addresses() == []


def test_import_dry_run_maps_nothing():
    import_sample_dump("--dry-run")

    assert LegacyURL.objects.count() == 0

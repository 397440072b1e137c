"""The legacy URL admin (legacy/admin.py): the table of old addresses and the report of missing ones."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from legacy.models import LegacyURL
from tests.factories import (
    make_edition,
    make_legacy_url,
    make_missing_legacy_url,
    make_post,
    missing_addresses,
    post_legacy_url_form,
)

pytestmark = pytest.mark.django_db


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

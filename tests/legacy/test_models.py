"""Legacy URLs (legacy/models.py): what the admin's form accepts as an old address and a target."""

import pytest

from legacy.models import LegacyURL
from tests.factories import make_edition, make_legacy_url, make_post, post_legacy_url_form

pytestmark = pytest.mark.django_db


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
            "This site answers these old addresses only: /bbs/board.php?bo_table=…&wr_id=…, "
            "/bbs/download.php?bo_table=…&wr_id=…&no=…, /E_pNNNN.php, /E_pNNNN_YYYY.php, /PastForum/YYYY.php "
            "and /news/?bmode=view&idx=…."
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

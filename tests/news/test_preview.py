"""The staff-only preview of posts that readers cannot see yet."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains

from news.counting import COOKIE_NAME
from news.models import Post
from tests.factories import make_post, make_staff, seoul
from tests.pages import BROWSER

pytestmark = pytest.mark.django_db


def preview_url(post, language):
    return f"/{language}/news/preview/{post.pk}/"


@pytest.mark.parametrize(("language", "title"), [("ko", "포럼 준비 중"), ("en", "Preparing the forum")])
def test_preview_of_a_draft_shows_the_banner_and_is_not_indexed(client, language, title):
    post = make_post(title_ko="포럼 준비 중", title_en="Preparing the forum", status=Post.Status.DRAFT)
    client.force_login(make_staff())

    response = client.get(preview_url(post, language), HTTP_USER_AGENT=BROWSER)

    # The banner's words as the interface catalogue of the page's language gives them.
    with translation.override(language):
        banner, draft, edit = map(
            translation.gettext,
            ["Preview — not published", "This post is a draft: only staff can see it.", "Edit in the admin"],
        )
    assert response.status_code == 200
    assertContains(response, f"<h1>{title}</h1>")
    assertContains(response, f'<div class="preview-banner" role="status">\n  <p><strong>{banner}</strong>')
    assertContains(response, draft)
    assertContains(response, f'<a href="/admin/news/post/{post.pk}/change/">{edit}</a>')
    assertContains(response, '<meta name="robots" content="noindex">', count=1)
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]


def test_preview_of_a_scheduled_post_says_when_it_appears(client):
    post = make_post(published_at=seoul(2031, 10, 6, 9, 30))
    client.force_login(make_staff())

    response = client.get(preview_url(post, "en"), HTTP_USER_AGENT=BROWSER)

    assertContains(response, "This post is scheduled for Oct. 6, 2031, 9:30 a.m.: readers cannot see it before then.")


def test_preview_is_never_counted_as_a_view(client):
    post = make_post(status=Post.Status.DRAFT, view_count=3)
    client.force_login(make_staff())

    responses = [client.get(preview_url(post, language), HTTP_USER_AGENT=BROWSER) for language in ("ko", "en")]

    post.refresh_from_db()
    assert post.view_count == 3
    assert [COOKIE_NAME in response.cookies for response in responses] == [False, False]
    assertContains(responses[1], '<span class="views">Views 3</span>')


@pytest.mark.parametrize("language", ["ko", "en"])
def test_preview_is_not_found_for_readers(client, language):
    post = make_post(status=Post.Status.DRAFT)

    response = client.get(preview_url(post, language), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 404


def test_preview_is_not_found_for_logged_in_users_who_are_not_staff(client):
    post = make_post(status=Post.Status.DRAFT)
    client.force_login(get_user_model().objects.create_user(username="reader", password="a-long-test-password"))

    response = client.get(preview_url(post, "ko"), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 404


def test_preview_needs_the_permission_to_view_posts(client):
    post = make_post(status=Post.Status.DRAFT)
    staff = make_staff(superuser=False)
    client.force_login(staff)
    without = client.get(preview_url(post, "ko"), HTTP_USER_AGENT=BROWSER)
    staff.user_permissions.add(Permission.objects.get(codename="view_post"))

    with_permission = client.get(preview_url(post, "ko"), HTTP_USER_AGENT=BROWSER)

    assert (without.status_code, with_permission.status_code) == (404, 200)


def test_unknown_post_has_no_preview(client):
    client.force_login(make_staff())

    response = client.get("/ko/news/preview/999999/", HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 404


def test_public_address_of_a_draft_is_not_found_even_for_staff(client):
    post = make_post(status=Post.Status.DRAFT)
    client.force_login(make_staff())

    response = client.get(f"/ko/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 404


def test_published_article_has_no_preview_banner(client):
    post = make_post()

    response = client.get(f"/en/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    assertNotContains(response, "preview-banner")
    assertNotContains(response, "noindex")


# Scheduled posts appear by themselves


@pytest.mark.parametrize("language", ["ko", "en"])
def test_scheduled_post_appears_by_itself_at_its_time(client, time_machine, language):
    time_machine.move_to(seoul(2031, 10, 1, 8, 0), tick=False)
    post = make_post(title_ko="예약된 글", title_en="Scheduled post", published_at=seoul(2031, 10, 1, 9, 0))
    article = f"/{language}/news/{post.pk}/{post.slug}/"
    before = [client.get(url, HTTP_USER_AGENT=BROWSER) for url in (article, f"/{language}/news/")]

    time_machine.move_to(seoul(2031, 10, 1, 9, 0), tick=False)
    after = [client.get(url, HTTP_USER_AGENT=BROWSER) for url in (article, f"/{language}/news/")]

    title = {"ko": "예약된 글", "en": "Scheduled post"}[language]
    assert before[0].status_code == 404
    assert list(before[1].context["posts"]) == []
    assert after[0].status_code == 200
    assert list(after[1].context["posts"]) == [post]
    assertContains(after[1], f'<a href="{article}">{title}</a>')


def test_scheduled_post_preview_stays_available_to_staff_before_its_time(client):
    post = make_post(published_at=timezone.now() + datetime.timedelta(days=2))
    client.force_login(make_staff())

    response = client.get(preview_url(post, "ko"), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 200
    assert response.context["post"] == post

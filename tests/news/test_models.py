import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from news.models import Post
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def test_published_lists_published_posts_newest_first():
    now = timezone.now()
    older = make_post(published_at=now - datetime.timedelta(days=3))
    newer = make_post(published_at=now - datetime.timedelta(days=1))
    make_post(status=Post.Status.DRAFT)
    make_post(published_at=now + datetime.timedelta(hours=1))

    assert list(Post.objects.published()) == [newer, older]


def test_published_includes_a_scheduled_post_once_its_time_comes(time_machine):
    now = timezone.now()
    scheduled = make_post(published_at=now + datetime.timedelta(hours=2))

    time_machine.move_to(now + datetime.timedelta(hours=2, seconds=1))

    assert list(Post.objects.published()) == [scheduled]


def test_post_slug_is_unique():
    make_post(slug="closing-ceremony")

    with pytest.raises(IntegrityError), transaction.atomic():
        make_post(slug="closing-ceremony")


def test_post_slug_is_made_from_the_english_title():
    first = make_post(slug="", title_en="Closing of the 11th Forum")
    second = make_post(slug="", title_en="Closing of the 11th Forum")
    korean_only = make_post(slug="", title_en="")
    another_korean_only = make_post(slug="", title_en="")

    assert (first.slug, second.slug, korean_only.slug, another_korean_only.slug) == (
        "closing-of-the-11th-forum",
        "closing-of-the-11th-forum-2",
        "",
        "",
    )


def test_post_slug_stays_when_the_title_changes():
    post = make_post(slug="", title_en="Opening ceremony")

    post.title_en = "Opening ceremony of the forum"
    post.save()

    assert post.slug == "opening-ceremony"


def test_post_title_falls_back_to_korean_in_english():
    post = make_post(title_ko="폐막식 소식", title_en="")

    with translation.override("en"):
        assert post.title == "폐막식 소식"
    assert post.languages == ["ko"]


def test_post_title_falls_back_to_english_in_korean():
    post = make_post(title_ko="", title_en="Closing news")

    with translation.override("ko"):
        assert post.title == "Closing news"
    assert post.languages == ["en"]


def test_post_body_is_sanitized_in_both_languages():
    post = make_post(
        body_ko='<p onclick="steal()">본문<script>alert(1)</script></p><a href="javascript:alert(1)">링크</a>',
        body_en='<p>Body</p><iframe src="https://evil.example/"></iframe><a href="https://whrcf.org/">site</a>',
    )

    post.refresh_from_db()
    assert post.body_ko == '<p>본문</p><a rel="noopener noreferrer">링크</a>'
    assert post.body_en == '<p>Body</p><a href="https://whrcf.org/" rel="noopener noreferrer">site</a>'


def test_post_without_english_title_is_at_its_number_alone():
    post = make_post(slug="", title_ko="광주 인권헌장 개정 토론회", title_en="")

    with translation.override("ko"):
        korean = post.get_absolute_url()
    with translation.override("en"):
        english = post.get_absolute_url()

    assert (korean, english) == (f"/ko/news/{post.pk}/", f"/en/news/{post.pk}/")


def test_post_slug_is_made_when_an_english_title_comes():
    post = make_post(slug="", title_en="")

    post.title_en = "Gwangju charter debate"
    post.save()

    assert post.slug == "gwangju-charter-debate"


def test_post_absolute_url_carries_id_and_slug():
    post = make_post(slug="closing")

    with translation.override("en"):
        assert post.get_absolute_url() == f"/en/news/{post.pk}/closing/"

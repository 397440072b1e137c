"""The Editors and Translators groups, made by a migration, and what each may do."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pytest_django.asserts import assertNotContains

from legacy.models import LegacyURL
from news.models import Post
from tests.factories import (
    make_attachment,
    make_category,
    make_legacy_url,
    make_post,
    make_staff,
    post_translation_form_data,
    seoul,
)

pytestmark = pytest.mark.django_db


# Translators


def test_translator_edits_only_translated_fields_of_a_post(translator_client):
    post = make_post(status=Post.Status.DRAFT)

    response = translator_client.get(reverse("admin:news_post_change", args=[post.pk]))

    assert sorted(response.context["adminform"].form.fields) == [
        "body_en",
        "body_ko",
        "cover_alt_en",
        "cover_alt_ko",
        "summary_en",
        "summary_ko",
        "title_en",
        "title_ko",
    ]
    assertNotContains(response, 'name="status"')
    assertNotContains(response, 'name="slug"')


def test_translator_changes_the_english_title_and_the_posted_status_is_ignored(translator_client):
    post = make_post(title_en="Forum opens", slug="forum-opens", status=Post.Status.DRAFT, pinned=False)

    response = translator_client.post(
        reverse("admin:news_post_change", args=[post.pk]),
        post_translation_form_data(
            post,
            title_en="The forum opens",
            status="published",
            slug="hijacked",
            pinned="on",
            published_at_0="2020-01-01",
            published_at_1="00:00:00",
            category=make_category(slug="notice").pk,
        ),
    )

    assert response.status_code == 302
    saved = Post.objects.get(pk=post.pk)
    assert (saved.title_en, saved.status, saved.slug, saved.pinned, saved.published_at, saved.category) == (
        "The forum opens",
        Post.Status.DRAFT,
        "forum-opens",
        False,
        post.published_at,
        post.category,
    )


def test_translator_has_no_publishing_actions(translator_client):
    make_post(status=Post.Status.DRAFT)

    response = translator_client.get(reverse("admin:news_post_changelist"))

    assert response.context["action_form"] is None


def test_translator_cannot_publish_by_posting_the_action(translator_client):
    post = make_post(status=Post.Status.DRAFT)

    response = translator_client.post(
        reverse("admin:news_post_changelist"), {"action": "publish_now", "_selected_action": [post.pk]}
    )

    post.refresh_from_db()
    assert (response.status_code, post.status) == (200, Post.Status.DRAFT)


def test_translator_cannot_add_or_delete_posts(translator_client):
    post = make_post()

    add = translator_client.get(reverse("admin:news_post_add"))
    delete = translator_client.post(reverse("admin:news_post_delete", args=[post.pk]), {"post": "yes"})

    assert (add.status_code, delete.status_code, Post.objects.count()) == (403, 403, 1)


def test_translator_changes_a_category_name_but_not_its_slug(translator_client):
    category = make_category(slug="news", name_en="News")

    response = translator_client.post(
        reverse("admin:news_category_change", args=[category.pk]),
        {"name_ko": "소식", "name_en": "Stories", "slug": "stories", "order": "9"},
    )

    category.refresh_from_db()
    assert response.status_code == 302
    assert (category.name_ko, category.name_en, category.slug, category.order) == ("소식", "Stories", "news", 0)


def test_translator_translates_attachment_titles_but_cannot_replace_files(translator_client):
    attachment = make_attachment(make_post(), ContentFile(b"%PDF-1.4", name="program.pdf"))

    response = translator_client.get(reverse("admin:news_attachment_change", args=[attachment.pk]))

    assert sorted(response.context["adminform"].form.fields) == ["title_en", "title_ko"]


def test_translator_chooses_body_images_but_uploads_none(translator_client):
    response = translator_client.get("/admin/news/postimage/picker/", {"language": "en"})

    assert (response.status_code, response.context["form"]) == (200, None)
    assertNotContains(response, 'enctype="multipart/form-data"')


def test_staff_without_image_permissions_cannot_open_the_picker(client):
    client.force_login(make_staff(superuser=False))

    response = client.get("/admin/news/postimage/picker/")

    assert response.status_code == 403


# Editors


def test_editor_edits_every_field_of_a_post(editor_client):
    post = make_post(status=Post.Status.DRAFT)

    response = editor_client.get(reverse("admin:news_post_change", args=[post.pk]))

    assert sorted(response.context["adminform"].form.fields) == [
        "body_en",
        "body_ko",
        "category",
        "cover",
        "cover_alt_en",
        "cover_alt_ko",
        "edition",
        "organizations",
        "pinned",
        "published_at",
        "sessions",
        "slug",
        "status",
        "summary_en",
        "summary_ko",
        "title_en",
        "title_ko",
    ]


def test_editor_publishes_a_draft_now(editor_client, time_machine):
    time_machine.move_to(seoul(2024, 9, 1, 10, 0), tick=False)
    draft = make_post(status=Post.Status.DRAFT, published_at=seoul(2024, 8, 20))

    response = editor_client.post(
        reverse("admin:news_post_changelist"), {"action": "publish_now", "_selected_action": [draft.pk]}
    )

    draft.refresh_from_db()
    assert response.status_code == 302
    assert (draft.status, draft.published_at) == (Post.Status.PUBLISHED, seoul(2024, 9, 1, 10, 0))
    assert list(Post.objects.published()) == [draft]


def test_editor_uploads_body_images(editor_client):
    response = editor_client.get("/admin/news/postimage/picker/", {"language": "ko"})

    assert list(response.context["form"].fields) == ["image", "alt_ko", "alt_en", "caption_ko", "caption_en"]


def test_editor_actions(editor_client):
    make_post()

    response = editor_client.get(reverse("admin:news_post_changelist"), HTTP_ACCEPT_LANGUAGE="en")

    assert [name for name, _label in response.context["action_form"].fields["action"].choices] == [
        "",
        "delete_selected",
        "publish_now",
        "unpublish",
        "duplicate_as_draft",
        "make_newsletter_issue",
    ]


# In-browser .po editing (django-rosetta)


def test_editor_deletes_a_post_that_an_old_link_leads_to(editor_client):
    post = make_post(title_ko="옛 주소가 있는 소식")
    make_legacy_url(post=post)

    response = editor_client.post(reverse("admin:news_post_delete", args=[post.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert (Post.objects.filter(pk=post.pk).exists(), LegacyURL.objects.count()) == (False, 0)

"""The translated admin (common/admin.py): language tabs, the languages column and filter, and
the translation status page."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    make_attachment,
    make_category,
    make_edition,
    make_organization,
    make_partner,
    make_post,
    make_session,
    make_speaker,
)

pytestmark = pytest.mark.django_db

JQUERY_UI = "/static/vendor/jquery-ui/jquery-ui.min.js"


@pytest.fixture
def one_of_each(tmp_path):
    from django.core.files.base import ContentFile

    edition = make_edition()
    organization = make_organization()
    partner = make_partner(edition, organization)
    session = make_session(edition)
    person = make_speaker(session).person
    category = make_category()
    post = make_post(category, edition=edition)
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    return {
        "edition": (edition, "theme"),
        "organization": (organization, "name"),
        "editionpartner": (partner, None),
        "session": (session, "title"),
        "person": (person, "name"),
        "category": (category, "name"),
        "post": (post, "title"),
        "attachment": (attachment, "title"),
    }


@pytest.mark.parametrize(
    "model_name", ["edition", "organization", "editionpartner", "session", "person", "category", "post", "attachment"]
)
def test_admin_changelist_and_change_form_render_with_both_language_inputs(staff_client, one_of_each, model_name):
    obj, translated_field = one_of_each[model_name]
    app_label = obj._meta.app_label

    changelist = staff_client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    change_form = staff_client.get(reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk]))
    add_form = staff_client.get(reverse(f"admin:{app_label}_{model_name}_add"))

    assert (changelist.status_code, change_form.status_code, add_form.status_code) == (200, 200, 200)
    assertContains(changelist, str(obj))
    if translated_field:
        for response in (change_form, add_form):
            assertContains(response, f'name="{translated_field}_ko"')
            assertContains(response, f'name="{translated_field}_en"')
            assertContains(response, f'<script src="{JQUERY_UI}"></script>', html=True)
            assertNotContains(response, "googleapis")


def test_admin_post_list_shows_which_languages_are_filled(staff_client):
    make_post(title_ko="양쪽 언어 글", title_en="Both languages")
    make_post(title_ko="한국어만 있는 글", title_en="")

    response = staff_client.get(reverse("admin:news_post_changelist"))

    rows = response.context["cl"].result_list
    assert [post.languages for post in rows] == [["ko"], ["ko", "en"]]
    assertContains(response, '<span title="영어">EN ✗</span>', html=True)
    assertContains(response, '<span title="영어">EN ✓</span>', html=True)


def test_admin_post_list_filters_missing_english(staff_client):
    make_post(title_ko="양쪽 언어 글", title_en="Both languages")
    korean_only = make_post(title_ko="한국어만 있는 글", title_en="")

    response = staff_client.get(reverse("admin:news_post_changelist"), {"missing": "en"})

    assert list(response.context["cl"].result_list) == [korean_only]


def test_jquery_ui_for_the_admin_tabs_is_served_locally(settings):
    settings.WHITENOISE_USE_FINDERS = True

    response = Client().get(JQUERY_UI)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"/*! jQuery UI - v1.14.2")


# The translation status page


def missing_of(response, model, language):
    return next(
        row["missing"] for row in response.context["rows"] if (row["model"], row["language"]) == (model, language)
    )


def test_translation_status_counts_missing_translations_per_model_and_language(staff_client):
    make_post(title_en="", summary_en="", body_en="", slug="korean-only")
    make_post(summary_en="", slug="no-english-summary")
    make_post(slug="complete")

    response = staff_client.get("/admin/translations/", HTTP_ACCEPT_LANGUAGE="en")

    assert [(item["field"], item["count"], item["url"]) for item in missing_of(response, "posts", "English")] == [
        ("title", 1, "/admin/news/post/?missing=title_en"),
        ("summary", 2, "/admin/news/post/?missing=summary_en"),
        ("body", 1, "/admin/news/post/?missing=body_en"),
    ]
    assert missing_of(response, "posts", "Korean") == []
    assertContains(response, '<a href="/admin/news/post/?missing=summary_en">summary: 2</a>', html=True)


def test_translation_status_link_lists_exactly_the_objects_to_fix(staff_client):
    lacking = make_post(summary_en="", slug="no-english-summary")
    make_post(slug="complete")
    make_post(summary_ko="", summary_en="", slug="no-summary-at-all")

    response = staff_client.get(reverse("admin:news_post_changelist"), {"missing": "summary_en"})

    assert list(response.context["cl"].result_list) == [lacking]


def test_translation_status_is_for_staff_only(client):
    response = client.get("/admin/translations/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

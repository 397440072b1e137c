import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.factories import make_post

pytestmark = pytest.mark.django_db


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

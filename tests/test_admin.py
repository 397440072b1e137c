import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from editions.models import Edition
from news.models import Post
from tests.factories import make_category, make_edition, make_post, post_admin_form_data

pytestmark = pytest.mark.django_db


def test_admin_post_search_covers_both_languages(staff_client):
    make_post(title_ko="폐막식", title_en="Closing ceremony")
    make_post(title_ko="개막식", title_en="Opening ceremony")

    english = staff_client.get(reverse("admin:news_post_changelist"), {"q": "closing"})
    korean = staff_client.get(reverse("admin:news_post_changelist"), {"q": "개막"})

    assert [post.title_en for post in english.context["cl"].result_list] == ["Closing ceremony"]
    assert [post.title_en for post in korean.context["cl"].result_list] == ["Opening ceremony"]


def test_admin_view_count_is_read_only(staff_client):
    post = make_post(view_count=660)

    response = staff_client.get(reverse("admin:news_post_change", args=[post.pk]))

    assertNotContains(response, 'name="view_count"')
    assertContains(response, "660")


def post_form_data(category, **overrides):
    return post_admin_form_data(category, **({"status": "published"} | overrides))


def test_admin_saves_a_post_in_both_languages(staff_client):
    category = make_category()

    response = staff_client.post(reverse("admin:news_post_add"), post_form_data(category))

    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.title_ko, post.title_en) == ("제11회 포럼 폐막", "The 11th forum closes")
    assert (post.body_ko, post.body_en) == ("<p>폐막식이 열렸습니다.</p>", "<p>The closing ceremony was held.</p>")
    assert post.author.username == "editor"


def test_admin_rejects_a_post_without_korean_title(staff_client):
    category = make_category()

    response = staff_client.post(
        reverse("admin:news_post_add"), post_form_data(category, title_ko=""), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["title_ko"] == ["This field is required."]
    assert Post.objects.count() == 0


def edition_form_data(**overrides):
    data = {
        "number": "12",
        "year": "2022",
        "theme_ko": "기후 위기와 인권",
        "theme_en": "Climate Crisis and Human Rights",
        "summary_ko": "",
        "summary_en": "",
        "starts_on": "2022-10-10",
        "ends_on": "2022-10-13",
        "venue_ko": "김대중컨벤션센터",
        "venue_en": "Kim Dae-jung Convention Center",
        "format": "in_person",
        "poster_alt_ko": "",
        "poster_alt_en": "",
        "is_published": "on",
        "partnerships-TOTAL_FORMS": "0",
        "partnerships-INITIAL_FORMS": "0",
        "partnerships-MIN_NUM_FORMS": "0",
        "partnerships-MAX_NUM_FORMS": "1000",
        "sessions-TOTAL_FORMS": "0",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
    }
    return data | overrides


def test_admin_saves_an_edition(staff_client):
    response = staff_client.post(reverse("admin:editions_edition_add"), edition_form_data())

    assert response.status_code == 302
    edition = Edition.objects.get()
    assert (edition.number, edition.theme_ko, edition.theme_en) == (
        12,
        "기후 위기와 인권",
        "Climate Crisis and Human Rights",
    )
    assert edition.ends_on == datetime.date(2022, 10, 13)


def test_admin_rejects_an_edition_ending_before_it_starts(staff_client):
    response = staff_client.post(
        reverse("admin:editions_edition_add"),
        edition_form_data(starts_on="2022-10-13", ends_on="2022-10-10"),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.context["adminform"].form.non_field_errors() == ["An edition cannot end before it starts."]
    assert Edition.objects.count() == 0


def test_admin_rejects_a_duplicate_edition_number(staff_client):
    make_edition(number=12, year=2022)

    response = staff_client.post(reverse("admin:editions_edition_add"), edition_form_data(), HTTP_ACCEPT_LANGUAGE="en")

    assert response.context["adminform"].form.errors == {"__all__": ["An edition with this number already exists."]}
    assert Edition.objects.count() == 1


def test_admin_rejects_an_edition_without_korean_theme_in_korean(staff_client):
    response = staff_client.post(
        reverse("admin:editions_edition_add"), edition_form_data(theme_ko=""), HTTP_ACCEPT_LANGUAGE="ko"
    )

    assert response.context["adminform"].form.errors["theme_ko"] == ["필수 항목입니다."]
    assert Edition.objects.count() == 0


def test_admin_rejects_a_text_file_as_organization_logo(staff_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from editions.models import Organization

    response = staff_client.post(
        reverse("admin:editions_organization_add"),
        {
            "name_ko": "유네스코",
            "name_en": "UNESCO",
            "slug": "unesco",
            "kind": "un_body",
            "logo": SimpleUploadedFile("logo.png", b"not an image at all"),
            "logo_alt_ko": "",
            "logo_alt_en": "",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.context["adminform"].form.errors["logo"] == [
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ]
    assert response.context["adminform"].form["name_en"].value() == "UNESCO"
    assert Organization.objects.count() == 0

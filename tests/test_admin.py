import datetime

import pytest
from django.urls import reverse

from editions.models import Edition
from tests.factories import make_edition

pytestmark = pytest.mark.django_db


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

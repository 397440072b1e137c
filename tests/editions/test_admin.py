"""The forum admin (editions/admin.py): editions, organizations and declarations, and what
translators and editors may do there."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editions.models import Declaration, DeclarationParagraph, Edition
from tests.factories import PDF_BYTES, make_edition, make_member, make_organization, make_session

pytestmark = pytest.mark.django_db


# Editions and organizations


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


# Translators


def test_translator_edits_only_translated_fields_of_an_edition(translator_client):
    edition = make_edition()

    response = translator_client.get(reverse("admin:editions_edition_change", args=[edition.pk]))

    assert sorted(response.context["adminform"].form.fields) == [
        "poster_alt_en",
        "poster_alt_ko",
        "summary_en",
        "summary_ko",
        "theme_en",
        "theme_ko",
        "venue_en",
        "venue_ko",
    ]


def test_translator_edits_only_translated_fields_of_a_session_and_an_organization(translator_client):
    session = make_session(make_edition())
    organization = make_organization()

    session_form = translator_client.get(reverse("admin:editions_session_change", args=[session.pk]))
    organization_form = translator_client.get(reverse("admin:editions_organization_change", args=[organization.pk]))

    assert sorted(session_form.context["adminform"].form.fields) == [
        "field_en",
        "field_ko",
        "room_en",
        "room_ko",
        "summary_en",
        "summary_ko",
        "title_en",
        "title_ko",
    ]
    assert sorted(organization_form.context["adminform"].form.fields) == [
        "logo_alt_en",
        "logo_alt_ko",
        "name_en",
        "name_ko",
    ]


def test_translator_changes_the_english_theme_and_the_posted_dates_are_ignored(translator_client):
    edition = make_edition(number=11, theme_en="")
    data = {
        "theme_ko": edition.theme_ko,
        "theme_en": "Human Rights in Times of Challenge",
        "summary_ko": "",
        "summary_en": "",
        "venue_ko": edition.venue_ko,
        "venue_en": edition.venue_en,
        "poster_alt_ko": "",
        "poster_alt_en": "",
        "number": "99",
        "starts_on": "2030-01-01",
        "ends_on": "2030-01-02",
        **{f"{prefix}-{key}": value for prefix in ("partnerships", "sessions") for key, value in FORMSET.items()},
    }

    response = translator_client.post(reverse("admin:editions_edition_change", args=[edition.pk]), data)

    assert response.status_code == 302
    edition = Edition.objects.get()
    assert (edition.number, edition.theme_en, str(edition.starts_on)) == (
        11,
        "Human Rights in Times of Challenge",
        "2021-10-06",
    )


FORMSET = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}


# Declarations


def declaration_form_data(edition, **overrides):
    """What the admin's declaration form posts for a new declaration with two paragraphs."""
    data = {
        "edition": edition.pk,
        "title_ko": "광주선언문",
        "title_en": "Gwangju Declaration",
        "adopted_on": "2021-10-10",
        "is_published": "on",
        "paragraphs-TOTAL_FORMS": "2",
        "paragraphs-INITIAL_FORMS": "0",
        "paragraphs-MIN_NUM_FORMS": "0",
        "paragraphs-MAX_NUM_FORMS": "1000",
        "paragraphs-0-order": "",
        "paragraphs-0-text_ko": "첫째 문단",
        "paragraphs-0-text_en": "First paragraph",
        "paragraphs-1-order": "",
        "paragraphs-1-text_ko": "둘째 문단",
        "paragraphs-1-text_en": "",
    }
    return data | overrides


def test_admin_adds_a_declaration_with_its_paragraphs_and_pdf(staff_client):
    edition = make_edition(number=11)

    response = staff_client.post(
        reverse("admin:editions_declaration_add"),
        declaration_form_data(edition, pdf=SimpleUploadedFile("declaration.pdf", PDF_BYTES)),
    )

    assert response.status_code == 302
    declaration = Declaration.objects.get()
    assert (declaration.edition, declaration.title_en, declaration.pdf.read()) == (
        edition,
        "Gwangju Declaration",
        PDF_BYTES,
    )
    assert list(declaration.paragraphs.values_list("number", "order", "text_ko", "text_en")) == [
        (1, 1, "첫째 문단", "First paragraph"),
        (2, 2, "둘째 문단", ""),
    ]


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("declaration.txt", PDF_BYTES, "Upload a PDF file: its name must end in .pdf."),
        (
            "declaration.pdf",
            b"<html><script>alert(1)</script></html>",
            "This file is not a PDF document, whatever its name says: it is damaged or of another kind.",
        ),
        (
            "declaration.pdf",
            b"\x89PNG\r\n\x1a\n",
            "This file is not a PDF document, whatever its name says: it is damaged or of another kind.",
        ),
    ],
)
def test_admin_rejects_a_file_that_is_not_a_pdf_and_saves_nothing(staff_client, name, content, error):
    edition = make_edition(number=11)

    response = staff_client.post(
        reverse("admin:editions_declaration_add"),
        declaration_form_data(edition, pdf=SimpleUploadedFile(name, content)),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"pdf": [error]}
    assert Declaration.objects.count() == 0
    assert DeclarationParagraph.objects.count() == 0


def test_admin_rejects_a_pdf_over_the_size_limit(staff_client, settings):
    settings.ATTACHMENT_UPLOAD_MAX_BYTES = 1024
    edition = make_edition(number=11)

    response = staff_client.post(
        reverse("admin:editions_declaration_add"),
        declaration_form_data(edition, pdf=SimpleUploadedFile("declaration.pdf", PDF_BYTES + b" " * 2048)),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.context["adminform"].form.errors == {
        "pdf": ["This file is 2.1\xa0KB; a PDF may be at most 1.0\xa0KB."]
    }


def test_admin_moving_a_paragraph_keeps_every_number(staff_client, declaration):
    first, second, third = declaration.paragraphs.all()
    data = declaration_form_data(
        declaration.edition,
        title_ko=declaration.title_ko,
        title_en=declaration.title_en,
        **{
            "paragraphs-TOTAL_FORMS": "3",
            "paragraphs-INITIAL_FORMS": "3",
        },
    )
    for index, (paragraph, order) in enumerate([(first, 3), (second, 1), (third, 2)]):
        data |= {
            f"paragraphs-{index}-id": paragraph.pk,
            f"paragraphs-{index}-declaration": declaration.pk,
            f"paragraphs-{index}-order": order,
            f"paragraphs-{index}-text_ko": paragraph.text_ko,
            f"paragraphs-{index}-text_en": paragraph.text_en,
        }

    response = staff_client.post(reverse("admin:editions_declaration_change", args=[declaration.pk]), data)

    assert response.status_code == 302
    assert list(declaration.paragraphs.values_list("number", "order")) == [(2, 1), (3, 2), (1, 3)]


def test_translator_edits_only_translated_fields_of_a_declaration(client, declaration):
    client.force_login(make_member("Translators", "translator"))

    response = client.get(reverse("admin:editions_declaration_change", args=[declaration.pk]))

    assert response.status_code == 200
    assert sorted(response.context["adminform"].form.fields) == ["title_en", "title_ko"]
    paragraph_form = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert sorted(name for name in paragraph_form.fields if name not in {"id", "declaration", "DELETE"}) == [
        "text_en",
        "text_ko",
    ]


def test_editor_may_add_declarations(client):
    client.force_login(make_member("Editors", "editor"))

    response = client.get(reverse("admin:editions_declaration_add"))

    assert response.status_code == 200

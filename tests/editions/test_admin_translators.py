"""Translators translate forum editions, sessions and organizations, and change nothing else."""

import pytest
from django.urls import reverse

from editions.models import Edition
from tests.factories import make_edition, make_organization, make_session

pytestmark = pytest.mark.django_db


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

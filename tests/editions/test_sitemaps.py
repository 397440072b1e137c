"""Organizations, declarations and people in the sitemap (editions/sitemaps.py)."""

import pytest

from tests.factories import (
    make_declaration,
    make_edition,
    make_organization,
    make_partner,
    make_person,
    make_session,
    make_speaker,
)
from tests.pages import sitemap_entries

pytestmark = pytest.mark.django_db


def test_sitemap_lists_organization_pages_in_each_language_they_have(client, unesco):
    edition = make_edition(number=11)
    make_partner(edition, unesco)
    korean_only = make_organization(slug="may18", name_ko="5·18기념재단", name_en="")
    make_session(edition).organizers.add(korean_only)
    make_organization(slug="unlinked", name_ko="관계없는 기관", name_en="Unrelated")

    entries = sitemap_entries(client, containing="/organizations/")

    assert entries == {
        "http://testserver/ko/organizations/": {
            "ko": "http://testserver/ko/organizations/",
            "en": "http://testserver/en/organizations/",
            "x-default": "http://testserver/organizations/",
        },
        "http://testserver/en/organizations/": {
            "ko": "http://testserver/ko/organizations/",
            "en": "http://testserver/en/organizations/",
            "x-default": "http://testserver/organizations/",
        },
        "http://testserver/ko/organizations/unesco/": {
            "ko": "http://testserver/ko/organizations/unesco/",
            "en": "http://testserver/en/organizations/unesco/",
            "x-default": "http://testserver/organizations/unesco/",
        },
        "http://testserver/en/organizations/unesco/": {
            "ko": "http://testserver/ko/organizations/unesco/",
            "en": "http://testserver/en/organizations/unesco/",
            "x-default": "http://testserver/organizations/unesco/",
        },
        "http://testserver/ko/organizations/may18/": {
            "ko": "http://testserver/ko/organizations/may18/",
            "x-default": "http://testserver/organizations/may18/",
        },
    }


def test_sitemap_lists_declarations_in_each_language_they_have(client, declaration):
    make_declaration(make_edition(number=12, year=2022), title_ko="한국어 선언문", title_en="")
    make_declaration(make_edition(number=13, year=2023), is_published=False)

    entries = sitemap_entries(client, containing="/declaration")

    assert entries == {
        "http://testserver/ko/forums/declarations/": {
            "ko": "http://testserver/ko/forums/declarations/",
            "en": "http://testserver/en/forums/declarations/",
            "x-default": "http://testserver/forums/declarations/",
        },
        "http://testserver/en/forums/declarations/": {
            "ko": "http://testserver/ko/forums/declarations/",
            "en": "http://testserver/en/forums/declarations/",
            "x-default": "http://testserver/forums/declarations/",
        },
        "http://testserver/ko/forums/11/declaration/": {
            "ko": "http://testserver/ko/forums/11/declaration/",
            "en": "http://testserver/en/forums/11/declaration/",
            "x-default": "http://testserver/forums/11/declaration/",
        },
        "http://testserver/en/forums/11/declaration/": {
            "ko": "http://testserver/ko/forums/11/declaration/",
            "en": "http://testserver/en/forums/11/declaration/",
            "x-default": "http://testserver/forums/11/declaration/",
        },
        "http://testserver/ko/forums/12/declaration/": {
            "ko": "http://testserver/ko/forums/12/declaration/",
            "x-default": "http://testserver/forums/12/declaration/",
        },
    }


def test_sitemap_lists_people_of_published_forums_in_each_language_they_have(client):
    session = make_session(make_edition(number=11))
    jane = make_speaker(session, name_ko="제인 도", name_en="Jane Doe").person
    korean_only = make_speaker(session, name_ko="김인권", name_en="").person
    make_speaker(
        make_session(make_edition(number=12, year=2022, is_published=False)), name_ko="비공개", name_en="Hidden"
    )
    make_person(name_ko="세션 없음", name_en="No session")

    entries = sitemap_entries(client, containing="/people/")

    assert entries == {
        f"http://testserver/ko/people/{jane.pk}/jane-doe/": {
            "ko": f"http://testserver/ko/people/{jane.pk}/jane-doe/",
            "en": f"http://testserver/en/people/{jane.pk}/jane-doe/",
            "x-default": f"http://testserver/people/{jane.pk}/jane-doe/",
        },
        f"http://testserver/en/people/{jane.pk}/jane-doe/": {
            "ko": f"http://testserver/ko/people/{jane.pk}/jane-doe/",
            "en": f"http://testserver/en/people/{jane.pk}/jane-doe/",
            "x-default": f"http://testserver/people/{jane.pk}/jane-doe/",
        },
        f"http://testserver/ko/people/{korean_only.pk}/": {
            "ko": f"http://testserver/ko/people/{korean_only.pk}/",
            "x-default": f"http://testserver/people/{korean_only.pk}/",
        },
    }

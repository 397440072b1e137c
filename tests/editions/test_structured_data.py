"""A forum's structured data (editions/structured_data.py)."""

import datetime

import pytest

from tests.factories import make_edition, make_organization, make_png, make_session, make_speaker, seoul
from tests.pages import json_ld

pytestmark = pytest.mark.django_db


def test_edition_page_carries_event_structured_data(client):
    make_edition(
        number=11,
        year=2021,
        theme_en="Human Rights in Times of Challenge",
        starts_on=datetime.date(2021, 10, 6),
        ends_on=datetime.date(2021, 10, 10),
        format="hybrid",
    )

    data = json_ld(client.get("/en/forums/11/"))

    assert data["@type"] == "Event"
    assert data["name"] == "11th World Human Rights Cities Forum: Human Rights in Times of Challenge"
    assert (data["startDate"], data["endDate"]) == ("2021-10-06", "2021-10-10")
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"][0] == {
        "@type": "Place",
        "name": "Kim Dae-jung Convention Center",
        "address": "Gwangju, Republic of Korea",
    }
    assert data["organizer"]["name"] == "World Human Rights Cities Forum"
    assert data["url"] == "http://testserver/en/forums/11/"


LOGO = {"@type": "ImageObject", "url": "http://testserver/static/img/logo.png", "width": 512, "height": 512}


@pytest.mark.parametrize(
    ("language", "forum", "title", "summary", "place", "address", "publisher"),
    [
        (
            "ko",
            "제11회 세계인권도시포럼: 도전의 시대의 인권",
            "도시와 이주민의 권리",
            "이주민 인권을 논의합니다.",
            "회의실 A, 김대중컨벤션센터",
            "대한민국 광주",
            "세계인권도시포럼",
        ),
        (
            "en",
            "11th World Human Rights Cities Forum: Human Rights in Times of Challenge",
            "Cities and the rights of migrants",
            "A talk on migrants' rights.",
            "Room A, Kim Dae-jung Convention Center",
            "Gwangju, Republic of Korea",
            "World Human Rights Cities Forum",
        ),
    ],
)
def test_session_page_carries_an_event_of_its_forum_with_its_speakers(
    client, language, forum, title, summary, place, address, publisher
):
    edition = make_edition(number=11, year=2021, format="in_person")
    session = make_session(
        edition,
        starts_at=seoul(2021, 10, 7, 14),
        ends_at=seoul(2021, 10, 7, 15, 30),
        title_ko="도시와 이주민의 권리",
        title_en="Cities and the rights of migrants",
        summary_ko="이주민 인권을 논의합니다.",
        summary_en="A talk on migrants' rights.",
        room_ko="회의실 A",
        room_en="Room A",
    )
    kim = make_speaker(session, name_ko="김인권", name_en="Kim In-kwon", affiliation_ko="", affiliation_en="").person
    jane = make_speaker(
        session, name_ko="제인 도", name_en="Jane Doe", affiliation_ko="유엔", affiliation_en="UN", order=1
    ).person
    kim_url = f"http://testserver/{language}/people/{kim.pk}/kim-in-kwon/"
    jane_url = f"http://testserver/{language}/people/{jane.pk}/jane-doe/"
    organizer = {"@type": "Organization", "name": publisher, "url": "https://www.whrcf.org/", "logo": LOGO}
    location = {"@type": "Place", "name": place, "address": address}

    data = json_ld(client.get(f"/{language}/forums/11/sessions/{session.pk}/"))

    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": title,
        "description": summary,
        "startDate": "2021-10-07T14:00:00+09:00",
        "endDate": "2021-10-07T15:30:00+09:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": location,
        "organizer": organizer,
        "superEvent": {
            "@type": "Event",
            "name": forum,
            "description": forum.split(": ")[1],
            "startDate": "2021-10-06",
            "endDate": "2021-10-10",
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {**location, "name": place.split(", ")[1]},
            "organizer": organizer,
            "url": f"http://testserver/{language}/forums/11/",
        },
        "performer": {
            "ko": [
                {"@type": "Person", "name": "김인권", "url": kim_url},
                {
                    "@type": "Person",
                    "name": "제인 도",
                    "url": jane_url,
                    "affiliation": {"@type": "Organization", "name": "유엔"},
                },
            ],
            "en": [
                {"@type": "Person", "name": "Kim In-kwon", "url": kim_url},
                {
                    "@type": "Person",
                    "name": "Jane Doe",
                    "url": jane_url,
                    "affiliation": {"@type": "Organization", "name": "UN"},
                },
            ],
        }[language],
        "url": f"http://testserver/{language}/forums/11/sessions/{session.pk}/",
    }


def test_session_event_without_end_summary_or_speakers_leaves_them_out(client):
    session = make_session(make_edition(number=11, format="online"), starts_at=seoul(2021, 10, 6, 9))

    data = json_ld(client.get(f"/en/forums/11/sessions/{session.pk}/"))

    assert sorted(data) == sorted(
        [
            "@context",
            "@type",
            "name",
            "description",
            "startDate",
            "eventStatus",
            "eventAttendanceMode",
            "location",
            "organizer",
            "superEvent",
            "url",
        ]
    )
    assert (data["description"], data["startDate"]) == ("Plenary session", "2021-10-06T09:00:00+09:00")
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": f"http://testserver/en/forums/11/sessions/{session.pk}/",
    }


@pytest.mark.parametrize(("language", "name"), [("ko", "유네스코"), ("en", "UNESCO")])
def test_organization_page_carries_an_organization(client, language, name):
    make_organization(
        slug="unesco", acronym="UNESCO", website="https://www.unesco.org/", logo=make_png("unesco.png", (240, 120))
    )

    data = json_ld(client.get(f"/{language}/organizations/unesco/"))

    assert data == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": name,
        "url": f"http://testserver/{language}/organizations/unesco/",
        "alternateName": "UNESCO",
        "sameAs": ["https://www.unesco.org/"],
        "logo": "http://testserver/media/organizations/unesco.png",
    }


def test_organization_without_acronym_website_or_logo_has_only_its_name_and_page(client):
    make_organization(slug="gwangju", name_ko="광주광역시", name_en="Gwangju", kind="city")

    data = json_ld(client.get("/ko/organizations/gwangju/"))

    assert data == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "광주광역시",
        "url": "http://testserver/ko/organizations/gwangju/",
    }

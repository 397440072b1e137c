"""The program to take away (editions/calendar.py): .ics files of a session and of an
edition's program, read back with a real iCalendar parser."""

import datetime

import pytest
from django.core.cache import cache
from icalendar import Calendar
from pytest_django.asserts import assertContains

from tests.factories import make_edition, make_session, seoul

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture
def session():
    edition = make_edition(number=11, year=2021)
    return make_session(
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


def calendar_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def event_fields(event):
    return {
        "uid": str(event["UID"]),
        "summary": str(event["SUMMARY"]),
        "description": str(event.get("DESCRIPTION")),
        "location": str(event.get("LOCATION")),
        "url": str(event["URL"]),
        "start": event.start.astimezone(UTC),
        "end": event.end.astimezone(UTC),
        "tzid": event["DTSTART"].params["TZID"],
    }


@pytest.mark.parametrize(
    ("language", "summary", "description", "location"),
    [
        ("ko", "도시와 이주민의 권리", "이주민 인권을 논의합니다.", "회의실 A, 김대중컨벤션센터"),
        (
            "en",
            "Cities and the rights of migrants",
            "A talk on migrants' rights.",
            "Room A, Kim Dae-jung Convention Center",
        ),
    ],
)
def test_session_calendar_has_the_session_in_the_language_of_the_tree(
    client, session, language, summary, description, location
):
    response = client.get(f"/{language}/forums/11/sessions/{session.pk}/calendar.ics")

    calendar = calendar_of(response)
    [event] = calendar.events
    assert event_fields(event) == {
        "uid": f"session-{session.pk}@testserver",
        "summary": summary,
        "description": description,
        "location": location,
        "url": f"http://testserver/{language}/forums/11/sessions/{session.pk}/",
        # 14:00 in Seoul (KST, UTC+9) is 05:00 UTC.
        "start": datetime.datetime(2021, 10, 7, 5, 0, tzinfo=UTC),
        "end": datetime.datetime(2021, 10, 7, 6, 30, tzinfo=UTC),
        "tzid": "Asia/Seoul",
    }
    assert str(calendar["X-WR-CALNAME"]) == summary


def test_session_calendar_carries_the_seoul_time_zone_and_a_utc_stamp(client, session):
    before = datetime.datetime.now(UTC).replace(microsecond=0)

    response = client.get(f"/ko/forums/11/sessions/{session.pk}/calendar.ics")

    calendar = calendar_of(response)
    [time_zone] = calendar.timezones
    assert time_zone["TZID"] == "Asia/Seoul"
    assert [(str(part["TZNAME"]), part["TZOFFSETTO"].td) for part in time_zone.standard] == [
        ("KST", datetime.timedelta(hours=9)),
        ("KST", datetime.timedelta(hours=9)),
    ]
    assert str(calendar["VERSION"]) == "2.0"
    stamp = calendar.events[0]["DTSTAMP"].dt
    assert stamp.utcoffset() == datetime.timedelta(0)
    assert f"DTSTAMP:{stamp:%Y%m%dT%H%M%S}Z" in response.content.decode()
    assert before <= stamp <= datetime.datetime.now(UTC)


def test_session_calendar_in_english_of_korean_only_session_falls_back_to_korean(client):
    session = make_session(
        make_edition(number=11),
        title_ko="청년 인권 워크숍",
        title_en="",
        summary_ko="청년들이 토론합니다.",
        summary_en="",
    )

    response = client.get(f"/en/forums/11/sessions/{session.pk}/calendar.ics")

    [event] = calendar_of(response).events
    assert (str(event["SUMMARY"]), str(event["DESCRIPTION"])) == ("청년 인권 워크숍", "청년들이 토론합니다.")


def test_session_calendar_without_end_room_or_summary_leaves_them_out(client):
    edition = make_edition(number=11, venue_ko="", venue_en="")
    session = make_session(edition, starts_at=seoul(2021, 10, 6, 9), room_ko="", room_en="")

    response = client.get(f"/ko/forums/11/sessions/{session.pk}/calendar.ics")

    [event] = calendar_of(response).events
    assert sorted(event) == ["DTSTAMP", "DTSTART", "SUMMARY", "UID", "URL"]
    assert event.start.astimezone(UTC) == datetime.datetime(2021, 10, 6, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_program_calendar_has_every_session_in_time_order_with_the_session_files_uids(client, session, language):
    opening = make_session(
        session.edition, starts_at=seoul(2021, 10, 6, 10), title_ko="개회식", title_en="Opening ceremony"
    )

    response = client.get(f"/{language}/forums/11/program.ics")

    calendar = calendar_of(response)
    assert [(str(event["UID"]), event.start.astimezone(UTC)) for event in calendar.events] == [
        (f"session-{opening.pk}@testserver", datetime.datetime(2021, 10, 6, 1, 0, tzinfo=UTC)),
        (f"session-{session.pk}@testserver", datetime.datetime(2021, 10, 7, 5, 0, tzinfo=UTC)),
    ]
    assert [str(event["SUMMARY"]) for event in calendar.events] == {
        "ko": ["개회식", "도시와 이주민의 권리"],
        "en": ["Opening ceremony", "Cities and the rights of migrants"],
    }[language]
    assert (
        str(calendar["X-WR-CALNAME"])
        == {
            "ko": "제11회 세계인권도시포럼",
            "en": "11th World Human Rights Cities Forum",
        }[language]
    )
    assert [time_zone["TZID"] for time_zone in calendar.timezones] == ["Asia/Seoul"]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_program_calendar_events_each_carry_a_stamp_and_keep_their_uids_from_one_download_to_the_next(
    client, session, time_machine, language
):
    """RFC 5545 requires DTSTAMP in every VEVENT; a calendar app recognises an event it
    already has by its UID, so a later download must repeat it."""
    make_session(session.edition, starts_at=seoul(2021, 10, 6, 10), title_ko="개회식", title_en="Opening ceremony")
    time_machine.move_to(datetime.datetime(2021, 9, 1, 3, 0, 5, tzinfo=UTC), tick=False)
    first = calendar_of(client.get(f"/{language}/forums/11/program.ics"))
    cache.clear()
    time_machine.move_to(datetime.datetime(2021, 9, 20, 8, 30, tzinfo=UTC), tick=False)

    second = calendar_of(client.get(f"/{language}/forums/11/program.ics"))

    assert [event["DTSTAMP"].dt for event in first.events] == [datetime.datetime(2021, 9, 1, 3, 0, 5, tzinfo=UTC)] * 2
    assert [event["DTSTAMP"].dt for event in second.events] == [datetime.datetime(2021, 9, 20, 8, 30, tzinfo=UTC)] * 2
    assert [str(event["UID"]) for event in second.events] == [str(event["UID"]) for event in first.events]
    assert len({str(event["UID"]) for event in first.events}) == 2


def test_program_calendar_of_edition_without_sessions_has_no_events(client):
    make_edition(number=11)

    calendar = calendar_of(client.get("/ko/forums/11/program.ics"))

    assert calendar.events == []


@pytest.mark.parametrize(
    "path",
    ["/ko/forums/12/program.ics", "/en/forums/12/sessions/1/calendar.ics", "/ko/forums/11/sessions/999/calendar.ics"],
)
def test_calendar_of_unknown_edition_or_session_is_not_found(client, session, path):
    response = client.get(path)

    assert response.status_code == 404


def test_calendars_of_unpublished_edition_are_not_found(client, session):
    session.edition.is_published = False
    session.edition.save()

    responses = [
        client.get("/ko/forums/11/program.ics"),
        client.get(f"/ko/forums/11/sessions/{session.pk}/calendar.ics"),
    ]

    assert [response.status_code for response in responses] == [404, 404]


@pytest.mark.parametrize(
    ("language", "label"), [("ko", "내 캘린더에 추가 (.ics)"), ("en", "Add to my calendar (.ics)")]
)
def test_session_page_links_its_calendar_file(client, session, language, label):
    response = client.get(f"/{language}/forums/11/sessions/{session.pk}/")

    url = f"/{language}/forums/11/sessions/{session.pk}/calendar.ics"
    assertContains(response, f'<a href="{url}" type="text/calendar" download>{label}</a>')


@pytest.mark.parametrize(
    ("language", "label"),
    [("ko", "전체 프로그램을 내 캘린더에 추가 (.ics)"), ("en", "Add the program to my calendar (.ics)")],
)
def test_edition_page_links_its_program_calendar_file(client, session, language, label):
    response = client.get(f"/{language}/forums/11/")

    assertContains(response, f'<a href="/{language}/forums/11/program.ics" type="text/calendar" download>{label}</a>')


def test_calendar_files_are_cached_like_public_pages(client, session, django_assert_num_queries):
    first = client.get("/ko/forums/11/program.ics")

    with django_assert_num_queries(0):
        again = client.get("/ko/forums/11/program.ics")

    assert again.content == first.content
    assert again["Content-Type"] == "text/calendar; charset=utf-8"
    assert again["Cache-Control"] == "max-age=0, must-revalidate"


@pytest.mark.parametrize("size", [1, 4])
def test_program_calendar_query_count_does_not_grow_with_sessions(client, django_assert_num_queries, size):
    edition = make_edition(number=11)
    for hour in range(size):
        make_session(edition, starts_at=seoul(2021, 10, 6, 9 + hour))

    # The edition, its sessions with their edition, and when the next scheduled post is due.
    with django_assert_num_queries(3):
        response = client.get("/ko/forums/11/program.ics")

    assert len(calendar_of(response).events) == size

"""People (editions: Person, its page and its admin): one row per person across forums."""

import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from editions.models import Person, Speaker
from tests.factories import make_edition, make_member, make_person, make_png, make_session, make_speaker, seoul
from tests.pages import json_ld, messages_of, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def jane():
    """Jane Doe: moderator in 2021 and in 2022, speaker in 2022; also at an unpublished forum."""
    person = make_person(
        name_ko="제인 도",
        name_en="Jane Doe",
        affiliation_ko="유엔인권사무소",
        affiliation_en="OHCHR",
        bio_ko="인권 도시를 연구합니다.",
        bio_en="Researches human rights cities.",
    )
    forum_11 = make_edition(number=11, year=2021)
    forum_12 = make_edition(number=12, year=2022)
    hidden = make_edition(number=13, year=2023, is_published=False)
    make_speaker(
        make_session(
            forum_11, starts_at=seoul(2021, 10, 7, 14), title_ko="이주민의 권리", title_en="Migrants' rights"
        ),
        person=person,
        role=Speaker.Role.MODERATOR,
    )
    make_speaker(
        make_session(
            forum_12, starts_at=seoul(2022, 10, 11, 9), title_ko="기후와 도시", title_en="Climate and cities"
        ),
        person=person,
        role=Speaker.Role.PANELIST,
    )
    make_speaker(
        make_session(forum_12, starts_at=seoul(2022, 10, 10, 16), title_ko="개회식", title_en="Opening"),
        person=person,
    )
    make_speaker(make_session(hidden, title_ko="비공개 세션", title_en="Hidden session"), person=person)
    return person


def sessions_listed(response):
    """[(forum heading, [session line, ...]), ...] as the person page shows them."""
    markup = section(response, "sessions-heading")
    forums = re.findall(r'<h3><a href="[^"]*">(.*?)</a></h3>\s*<ul class="sessions">(.*?)</ul>', markup, re.S)
    return [
        (
            forum,
            [re.sub(r"<[^>]+>", "", line).strip() for line in re.findall(r"<li>(.*?)</li>", items, re.S)],
        )
        for forum, items in forums
    ]


@pytest.mark.parametrize(
    ("language", "name", "affiliation", "bio", "expected"),
    [
        (
            "ko",
            "제인 도",
            "유엔인권사무소",
            "<p>인권 도시를 연구합니다.</p>",
            [
                ("제12회 세계인권도시포럼", ["2022년 10월 10일 개회식 발표자", "2022년 10월 11일 기후와 도시 패널"]),
                ("제11회 세계인권도시포럼", ["2021년 10월 7일 이주민의 권리 좌장"]),
            ],
        ),
        (
            "en",
            "Jane Doe",
            "OHCHR",
            "<p>Researches human rights cities.</p>",
            [
                (
                    "12th World Human Rights Cities Forum",
                    ["Oct. 10, 2022 Opening Speaker", "Oct. 11, 2022 Climate and cities Panelist"],
                ),
                ("11th World Human Rights Cities Forum", ["Oct. 7, 2021 Migrants&#x27; rights Moderator"]),
            ],
        ),
    ],
)
def test_person_page_lists_every_session_by_forum_newest_first(
    client, jane, language, name, affiliation, bio, expected
):
    response = client.get(f"/{language}/people/{jane.pk}/jane-doe/")

    assertContains(response, f"<h1>{name}</h1>", count=1)
    assertContains(response, f'<p class="person-affiliation">{affiliation}</p>')
    assertContains(response, f'<div class="lead">{bio}</div>')
    assert sessions_listed(response) == expected
    assertNotContains(response, "비공개 세션")
    assertNotContains(response, "Hidden session")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_person_page_carries_a_person(client, jane, language):
    data = json_ld(client.get(f"/{language}/people/{jane.pk}/jane-doe/"))

    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": {"ko": "제인 도", "en": "Jane Doe"}[language],
        "url": f"http://testserver/{language}/people/{jane.pk}/jane-doe/",
        "affiliation": {"@type": "Organization", "name": {"ko": "유엔인권사무소", "en": "OHCHR"}[language]},
    }


def test_person_page_shows_the_photo_with_the_name_as_alt_text(client, jane):
    jane.photo = make_png("jane.png", size=(300, 400))
    jane.save()

    response = client.get(f"/en/people/{jane.pk}/jane-doe/")

    assertContains(
        response, f'<img class="person-photo" src="{jane.photo.url}" alt="Jane Doe" width="300" height="400">'
    )
    assert json_ld(response)["image"] == f"http://testserver{jane.photo.url}"


@pytest.mark.parametrize(
    ("language", "alt"), [("ko", "연단에서 발언하는 제인 도"), ("en", "Jane Doe speaking at the lectern")]
)
def test_person_photo_alt_text_is_shown_on_the_person_and_session_pages_in_each_language(client, jane, language, alt):
    jane.photo = make_png("jane.png", size=(300, 400))
    jane.photo_alt_ko, jane.photo_alt_en = "연단에서 발언하는 제인 도", "Jane Doe speaking at the lectern"
    jane.save()
    session = jane.roles.get(session__title_en="Migrants' rights").session

    person_page = client.get(f"/{language}/people/{jane.pk}/jane-doe/")
    session_page = client.get(f"/{language}/forums/11/sessions/{session.pk}/")

    assertContains(
        person_page, f'<img class="person-photo" src="{jane.photo.url}" alt="{alt}" width="300" height="400">'
    )
    assertContains(person_page, f'<meta property="og:image:alt" content="{alt}">')
    assert re.findall(
        r'<img class="speaker-photo" src="[^"]+"(?: srcset="[^"]+")? alt="([^"]*)" width="48" height="64"',
        session_page.content.decode(),
    ) == [alt]


def test_person_photo_without_alt_text_is_described_by_the_name(client, jane):
    jane.photo = make_png("jane.png", size=(300, 400))
    jane.save()
    session = jane.roles.get(session__title_en="Migrants' rights").session

    session_page = client.get(f"/ko/forums/11/sessions/{session.pk}/")

    assert re.findall(
        r'<img class="speaker-photo" src="[^"]+"(?: srcset="[^"]+")? alt="([^"]*)"', session_page.content.decode()
    ) == ["제인 도"]


def test_person_page_in_english_of_korean_only_person_shows_notice_and_canonical(client):
    person = make_person(name_ko="김인권", name_en="", affiliation_en="")
    make_speaker(make_session(make_edition(number=11)), person=person)

    response = client.get(f"/en/people/{person.pk}/")
    old = client.get(f"/en/people/{person.pk}/person/")

    assertContains(response, '<h1 lang="ko">김인권</h1>')
    assertContains(response, "This person is only described in Korean.")
    assertContains(response, f'<link rel="canonical" href="http://testserver/ko/people/{person.pk}/">')
    assert (old.status_code, old["Location"]) == (301, f"/en/people/{person.pk}/")


@pytest.mark.parametrize("path", ["/ko/people/{pk}/", "/ko/people/{pk}/old-name/"])
def test_person_address_without_or_with_an_old_slug_redirects_to_the_page(client, jane, path):
    response = client.get(path.format(pk=jane.pk))

    assert (response.status_code, response["Location"]) == (301, f"/ko/people/{jane.pk}/jane-doe/")


def test_person_without_a_session_of_a_published_forum_is_not_found(client):
    person = make_person()
    make_speaker(make_session(make_edition(number=11, is_published=False)), person=person)
    lonely = make_person(name_ko="세션 없음", name_en="No session")

    responses = [
        client.get(f"/ko/people/{person.pk}/hong-gil-dong/"),
        client.get(f"/en/people/{lonely.pk}/no-session/"),
        client.get("/en/people/999/nobody/"),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404]


def test_session_page_links_the_same_person_in_two_forums_to_one_page(client, jane):
    forum_11_session, forum_12_session = (
        jane.roles.get(session__edition__number=number, role=role).session
        for number, role in [(11, "moderator"), (12, "panelist")]
    )

    pages = [
        client.get(f"/en/forums/11/sessions/{forum_11_session.pk}/"),
        client.get(f"/en/forums/12/sessions/{forum_12_session.pk}/"),
    ]

    for page in pages:
        assertContains(page, f'<a href="/en/people/{jane.pk}/jane-doe/"><strong>Jane Doe</strong></a>', count=1)


@pytest.mark.parametrize("size", [1, 4])
def test_person_page_query_count_does_not_grow_with_sessions(client, django_assert_num_queries, size):
    person = make_person()
    edition = make_edition(number=11)
    for hour in range(size):
        make_speaker(make_session(edition, starts_at=seoul(2021, 10, 6, 9 + hour)), person=person)

    # The person, their roles with sessions and forums, and when the next scheduled post is due.
    with django_assert_num_queries(3):
        response = client.get(f"/ko/people/{person.pk}/hong-gil-dong/")

    assert len(sessions_listed(response)[0][1]) == size


# Merging two records of one person in the admin


def merge(client, people, **extra):
    return client.post(
        reverse("admin:editions_person_changelist"),
        {"action": "merge_people", "_selected_action": [person.pk for person in people], **extra},
    )


def test_merge_asks_which_record_to_keep(editor_client, jane):
    duplicate = make_person(name_ko="제인  도", name_en="", affiliation_ko="", affiliation_en="")

    response = merge(editor_client, [jane, duplicate])

    assert response.status_code == 200
    assert response.context["people"] == [jane, duplicate]
    assertContains(response, f'<input type="radio" name="keep" value="{jane.pk}" required checked>')
    assertContains(response, f'<input type="radio" name="keep" value="{duplicate.pk}" required>')
    assert Person.objects.count() == 2


def test_merge_moves_the_duplicates_roles_fills_empty_fields_and_deletes_it(editor_client, jane):
    duplicate = make_person(name_ko="제인  도", name_en="Jane  Doe", affiliation_en="", bio_ko="", bio_en="")
    duplicate.photo = make_png("jane.png", size=(300, 400))
    duplicate.save()
    session = make_session(make_edition(number=14, year=2024), title_ko="청년", title_en="Youth")
    make_speaker(session, person=duplicate, role=Speaker.Role.DISCUSSANT)
    shared = jane.roles.get(role="moderator").session
    make_speaker(shared, person=duplicate, role=Speaker.Role.MODERATOR)
    kept_roles = sorted(jane.roles.values_list("session", "role"))

    response = merge(editor_client, [jane, duplicate], keep=jane.pk)

    assert response.status_code == 302
    assert messages_of(editor_client.get(response["Location"])) == ["제인  도 기록을 제인 도 기록에 합쳤습니다."]
    assert list(Person.objects.all()) == [jane]
    jane.refresh_from_db()
    assert sorted(jane.roles.values_list("session", "role")) == sorted([*kept_roles, (session.pk, "discussant")])
    assert (jane.name_en, jane.affiliation_en, jane.photo.name) == ("Jane Doe", "OHCHR", duplicate.photo.name)


def test_merge_keeps_the_record_chosen(editor_client, jane):
    duplicate = make_person(name_ko="제인 도", name_en="Jane Doe", affiliation_en="UN Human Rights")

    merge(editor_client, [jane, duplicate], keep=duplicate.pk)

    assert list(Person.objects.all()) == [duplicate]
    assert duplicate.roles.count() == 4


def test_merge_needs_exactly_two_people(editor_client, jane):
    others = [make_person(name_ko=f"사람 {number}", name_en=f"Person {number}") for number in range(2)]

    response = merge(editor_client, [jane, *others], keep=jane.pk)

    assert messages_of(editor_client.get(response["Location"])) == ["합칠 인물을 정확히 두 명 고르세요."]
    assert Person.objects.count() == 3


def test_translators_cannot_merge_people(client, jane):
    client.force_login(make_member("Translators", "translator"))
    duplicate = make_person(name_ko="제인 도", name_en="")

    response = client.post(
        reverse("admin:editions_person_changelist"),
        {"action": "merge_people", "_selected_action": [jane.pk, duplicate.pk], "keep": jane.pk},
    )

    assert Person.objects.count() == 2
    assert response.status_code == 200

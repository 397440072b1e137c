"""Forum pages (editions/views.py): forums, sessions, declarations and organizations."""

import datetime
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django.utils.formats import date_format
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from common.images import fitted
from editions.models import Edition, EditionPartner, Organization, Session, Speaker
from news.models import Post
from tests.factories import (
    PDF_BYTES,
    days_ago,
    image_bytes,
    make_declaration,
    make_edition,
    make_organization,
    make_paragraph,
    make_partner,
    make_png,
    make_post,
    make_session,
    make_speaker,
    make_staff,
    seoul,
)
from tests.pages import card_titles, paragraph_ids, section

pytestmark = pytest.mark.django_db


def partner_groups(response):
    """[(role heading, [partner name, ...]), ...] as the "Hosts and partners" section shows them,
    each partner linked to its page."""
    groups = re.findall(
        r'<h3>(.*?)</h3>\s*<ul class="partners">(.*?)</ul>', section(response, "partners-heading"), re.DOTALL
    )
    return [(role, re.findall(r'<li class="partner"><a href="[^"]*">(.*?)</a></li>', items)) for role, items in groups]


# The list of forums


@pytest.mark.parametrize(
    ("language", "names", "themes"),
    [
        ("ko", ["제12회 세계인권도시포럼", "제11회 세계인권도시포럼"], ["인권과 기후 위기", "도전의 시대의 인권"]),
        (
            "en",
            ["12th World Human Rights Cities Forum", "11th World Human Rights Cities Forum"],
            ["Human Rights and the Climate Crisis", "Human Rights in Times of Challenge"],
        ),
    ],
)
def test_edition_list_shows_published_editions_newest_first(client, language, names, themes):
    eleventh = make_edition(number=11, year=2021)
    twelfth = make_edition(
        number=12, year=2022, theme_ko="인권과 기후 위기", theme_en="Human Rights and the Climate Crisis"
    )
    make_edition(number=13, year=2023, theme_ko="준비 중인 포럼", theme_en="Forum in preparation", is_published=False)

    response = client.get(f"/{language}/forums/")

    assert list(response.context["editions"]) == [twelfth, eleventh]
    shown_names = re.findall(r'<h2><a href="/\w\w/forums/\d+/">(.*?)</a></h2>', response.content.decode())
    shown_themes = re.findall(r'<p class="edition-item__theme">(.*?)</p>', response.content.decode())
    assert shown_names == names
    assert shown_themes == themes
    assertContains(response, f'<h2><a href="/{language}/forums/12/">{names[0]}</a></h2>', html=True)


@pytest.mark.parametrize(
    ("language", "starts", "ends", "rest"),
    [
        ("ko", "2021년 10월 6일", "2021년 10월 10일", "김대중컨벤션센터 · 대면·온라인 병행"),
        ("en", "Oct. 6, 2021", "Oct. 10, 2021", "Kim Dae-jung Convention Center · Hybrid"),
    ],
)
def test_edition_list_shows_dates_venue_and_format(client, language, starts, ends, rest):
    make_edition(number=11, year=2021)

    response = client.get(f"/{language}/forums/")

    assertContains(
        response,
        f'<p class="muted"><time datetime="2021-10-06">{starts}</time> – '
        f'<time datetime="2021-10-10">{ends}</time> · {rest}</p>',
        html=True,
    )


@pytest.mark.parametrize(("language", "empty"), [("ko", "아직 포럼이 없습니다."), ("en", "No forums yet.")])
def test_edition_list_without_editions_says_so(client, language, empty):
    make_edition(number=13, year=2023, is_published=False)

    response = client.get(f"/{language}/forums/")

    assertContains(response, f"<li>{empty}</li>", html=True)


# The forum page


@pytest.mark.parametrize(
    ("language", "name", "theme", "dates", "venue", "format_label"),
    [
        (
            "ko",
            "제11회 세계인권도시포럼",
            "도전의 시대의 인권",
            ("2021년 10월 6일", "2021년 10월 10일"),
            "김대중컨벤션센터",
            "대면·온라인 병행",
        ),
        (
            "en",
            "11th World Human Rights Cities Forum",
            "Human Rights in Times of Challenge",
            ("Oct. 6, 2021", "Oct. 10, 2021"),
            "Kim Dae-jung Convention Center",
            "Hybrid",
        ),
    ],
)
def test_edition_detail_shows_theme_dates_venue_and_format(client, language, name, theme, dates, venue, format_label):
    edition = make_edition(number=11, year=2021)

    response = client.get(f"/{language}/forums/11/")

    with translation.override(language):
        assert (date_format(edition.starts_on, "DATE_FORMAT"), date_format(edition.ends_on, "DATE_FORMAT")) == dates
    assertContains(response, f'<p class="eyebrow">{name}</p>')
    assertContains(response, f"<h1>{theme}</h1>")
    assertContains(
        response,
        f'<time datetime="2021-10-06">{dates[0]}</time> – <time datetime="2021-10-10">{dates[1]}</time>',
    )
    assertContains(response, f"<dd>{venue}</dd>")
    assertContains(response, f"<dd>{format_label}</dd>")
    assertNotContains(response, 'class="notice"')


@pytest.mark.parametrize(
    ("edition_format", "korean", "english"),
    [(Edition.Format.IN_PERSON, "대면", "In person"), (Edition.Format.ONLINE, "온라인", "Online")],
)
def test_edition_detail_translates_every_format(client, edition_format, korean, english):
    make_edition(number=11, format=edition_format)

    korean_page = client.get("/ko/forums/11/")
    english_page = client.get("/en/forums/11/")

    assertContains(korean_page, f"<div><dt>개최 방식</dt><dd>{korean}</dd></div>", html=True)
    assertContains(english_page, f"<div><dt>Format</dt><dd>{english}</dd></div>", html=True)


@pytest.mark.parametrize(
    ("language", "labels"),
    [("ko", ("참가자", "도시", "국가", "프로그램")), ("en", ("Participants", "Cities", "Countries", "Programs"))],
)
def test_edition_detail_shows_figures_with_thousands_separators(client, language, labels):
    make_edition(number=11, participants=12345, cities=1200, countries=45, program_count=1234567)

    response = client.get(f"/{language}/forums/11/")

    for label, figure in zip(labels, ("12,345", "1,200", "45", "1,234,567"), strict=True):
        assertContains(response, f"<div><dt>{label}</dt><dd>{figure}</dd></div>", html=True)


def test_edition_detail_leaves_out_unknown_figures(client):
    make_edition(number=11, participants=None, cities=None, countries=None, program_count=None)

    response = client.get("/en/forums/11/")

    for label in ("Participants", "Cities", "Countries", "Programs"):
        assertNotContains(response, f"<dt>{label}</dt>")


def test_edition_detail_in_english_of_korean_only_edition_shows_notice(client):
    make_edition(number=11, theme_en="", venue_en="")

    response = client.get("/en/forums/11/")

    assertContains(response, '<p class="notice" role="note">This forum is only described in Korean.</p>', count=1)
    assertContains(response, '<h1 lang="ko">도전의 시대의 인권</h1>')


def test_edition_detail_groups_the_program_by_seoul_day_and_field(client):
    edition = make_edition(number=11, year=2021)
    youth_opening = make_session(
        edition, starts_at=seoul(2021, 10, 6, 14), field_ko="청년", field_en="Youth", title_ko="청년 개막"
    )
    cities = make_session(
        edition, starts_at=seoul(2021, 10, 6, 16), field_ko="인권 도시", field_en="Human rights cities"
    )
    youth_debate = make_session(
        edition, starts_at=seoul(2021, 10, 6, 15), field_ko="청년", field_en="Youth", title_ko="청년 토론"
    )
    # 00:30 in Seoul is 15:30 the day before in UTC: the session belongs to the 7th.
    after_midnight = make_session(
        edition, starts_at=seoul(2021, 10, 7, 0, 30), field_ko="인권 도시", field_en="Human rights cities"
    )
    make_session(make_edition(number=12, year=2022), starts_at=seoul(2021, 10, 6, 14))

    korean = client.get("/ko/forums/11/")
    english = client.get("/en/forums/11/")

    assert after_midnight.starts_at.astimezone(datetime.UTC).date() == datetime.date(2021, 10, 6)
    assert korean.context["program"] == [
        (datetime.date(2021, 10, 6), [("청년", [youth_opening, youth_debate]), ("인권 도시", [cities])]),
        (datetime.date(2021, 10, 7), [("인권 도시", [after_midnight])]),
    ]
    assert english.context["program"] == [
        (datetime.date(2021, 10, 6), [("Youth", [youth_opening, youth_debate]), ("Human rights cities", [cities])]),
        (datetime.date(2021, 10, 7), [("Human rights cities", [after_midnight])]),
    ]
    assertContains(korean, '<h3><time datetime="2021-10-07">2021년 10월 7일 (목요일)</time></h3>', html=True)
    assertContains(english, '<h3><time datetime="2021-10-07">Oct. 7, 2021 (Thu)</time></h3>', html=True)
    assertContains(
        korean,
        f'<li><time datetime="2021-10-07T00:30:00+09:00">00:30</time> '
        f'<a href="/ko/forums/11/sessions/{after_midnight.pk}/">전체 세션</a> '
        f'<span class="muted">전체 세션 · 컨벤션홀</span></li>',
        html=True,
    )
    assertContains(
        english,
        f'<li><time datetime="2021-10-07T00:30:00+09:00">00:30</time> '
        f'<a href="/en/forums/11/sessions/{after_midnight.pk}/">Plenary session</a> '
        f'<span class="muted">Plenary session · Convention Hall</span></li>',
        html=True,
    )


def test_edition_detail_without_sessions_has_no_program(client):
    make_edition(number=11)

    response = client.get("/ko/forums/11/")

    assert response.context["program"] == []
    assertNotContains(response, "program-heading")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ko", [("주최", ["광주광역시"]), ("공동 주최", ["유네스코", "유엔인권사무소"]), ("후원", ["광주은행"])]),
        ("en", [("Host", ["Gwangju"]), ("Co-host", ["UNESCO", "OHCHR"]), ("Sponsor", ["Gwangju Bank"])]),
    ],
)
def test_edition_detail_groups_partners_by_role_in_role_order(client, language, expected):
    edition = make_edition(number=11)
    other_edition = make_edition(number=12, year=2022)
    make_partner(edition, make_organization(slug="bank", name_ko="광주은행", name_en="Gwangju Bank"), "sponsor")
    make_partner(edition, make_organization(slug="ohchr", name_ko="유엔인권사무소", name_en="OHCHR"), order=2)
    make_partner(edition, make_organization(slug="unesco"), order=1)
    gwangju = make_organization(slug="gwangju", name_ko="광주광역시", name_en="Gwangju", kind="city")
    make_partner(edition, gwangju, EditionPartner.Role.HOST)
    make_partner(other_edition, make_organization(slug="uclg", name_ko="UCLG", name_en="UCLG"), "partner")

    response = client.get(f"/{language}/forums/11/")

    assert partner_groups(response) == expected


def test_edition_detail_links_partner_names_and_logos_to_their_organization_pages(client):
    edition = make_edition(number=11)
    make_partner(edition, make_organization(slug="unesco", website="https://www.unesco.org/"))
    logo = make_organization(slug="uclg", name_ko="세계지방정부연합", name_en="UCLG", kind="city_network")
    png = io.BytesIO()
    Image.new("RGB", (240, 120), "white").save(png, "PNG")
    logo.logo.save("uclg.png", ContentFile(png.getvalue()), save=True)
    make_partner(edition, logo, order=1)

    response = client.get("/en/forums/11/")

    assertContains(response, '<li class="partner"><a href="/en/organizations/unesco/">UNESCO</a></li>', html=True)
    assertContains(
        response,
        f'<li class="partner"><a href="/en/organizations/uclg/">{logo_img(logo, "120x60", "UCLG", (120, 60))}'
        "</a></li>",
        html=True,
    )


def test_edition_detail_shows_only_its_published_news(client):
    edition = make_edition(number=11)
    older = make_post(edition=edition, title_ko="11회 지난 소식", published_at=days_ago(2))
    newer = make_post(edition=edition, title_ko="11회 새 소식", title_en="News of the 11th", published_at=days_ago(1))
    make_post(edition=edition, title_ko="임시 저장", status=Post.Status.DRAFT)
    make_post(edition=edition, title_ko="예약", published_at=timezone.now() + datetime.timedelta(days=1))
    make_post(edition=make_edition(number=12, year=2022), title_ko="12회 소식")
    make_post(title_ko="회차 없는 소식")

    korean = client.get("/ko/forums/11/")
    english = client.get("/en/forums/11/")

    assert list(korean.context["posts"]) == [newer, older]
    assert card_titles(korean) == ["11회 새 소식", "11회 지난 소식"]
    assert card_titles(english) == ["News of the 11th", older.title_en]
    assertContains(korean, '<a href="/ko/news/?edition=11">이 포럼의 소식 모두 보기</a>', html=True)
    assertContains(english, '<a href="/en/news/?edition=11">All news from this forum</a>', html=True)


def test_edition_detail_shows_the_six_newest_posts(client):
    edition = make_edition(number=11)
    posts = [make_post(edition=edition, published_at=days_ago(day)) for day in range(1, 8)]

    response = client.get("/ko/forums/11/")

    assert card_titles(response) == [post.title_ko for post in posts[:6]]


@pytest.mark.parametrize("path", ["/ko/forums/10/", "/en/forums/10/", "/ko/forums/999999999/", "/ko/forums/abc/"])
def test_edition_detail_of_unknown_edition_is_not_found(client, path):
    make_edition(number=11)

    response = client.get(path)

    assert response.status_code == 404


@pytest.mark.parametrize("language", ["ko", "en"])
def test_edition_detail_of_unpublished_edition_is_not_found(client, language):
    make_edition(number=13, year=2023, is_published=False)

    response = client.get(f"/{language}/forums/13/")

    assert response.status_code == 404


# The session page


@pytest.fixture
def session():
    edition = make_edition(number=11, year=2021)
    session = make_session(
        edition,
        starts_at=seoul(2021, 10, 7, 14),
        ends_at=seoul(2021, 10, 7, 15, 30),
        kind=Session.Kind.THEMATIC,
        field_ko="인권 도시",
        field_en="Human rights cities",
        title_ko="도시와 이주민의 권리",
        title_en="Cities and the rights of migrants",
        summary_ko="이주민 인권을 논의합니다.\n둘째 줄",
        summary_en="A talk on migrants' rights.\nSecond line",
        room_ko="회의실 A",
        room_en="Room A",
        video_url="https://www.youtube.com/watch?v=abc123",
    )
    session.organizers.add(
        make_organization(slug="unesco"),
        make_organization(slug="gwangju", name_ko="광주광역시", name_en="Gwangju", kind="city"),
    )
    make_speaker(session, name_ko="김인권", name_en="Kim In-kwon", role=Speaker.Role.MODERATOR, order=0)
    make_speaker(
        session,
        name_ko="제인 도",
        name_en="Jane Doe",
        affiliation_ko="유엔인권사무소",
        affiliation_en="OHCHR",
        order=1,
    )
    make_speaker(
        session,
        name_ko="이토론",
        name_en="Lee Toron",
        affiliation_ko="",
        affiliation_en="",
        role="discussant",
        order=2,
    )
    return session


@pytest.mark.parametrize(
    ("language", "eyebrow", "title", "time_label", "room"),
    [
        (
            "ko",
            '<a href="/ko/forums/11/">제11회 세계인권도시포럼</a> · 주제 세션 · 인권 도시',
            "도시와 이주민의 권리",
            "<dt>일시</dt>",
            "<div><dt>장소</dt><dd>회의실 A</dd></div>",
        ),
        (
            "en",
            '<a href="/en/forums/11/">11th World Human Rights Cities Forum</a>'
            " · Thematic session · Human rights cities",
            "Cities and the rights of migrants",
            "<dt>Time</dt>",
            "<div><dt>Room</dt><dd>Room A</dd></div>",
        ),
    ],
)
def test_session_detail_shows_title_time_and_room(client, session, language, eyebrow, title, time_label, room):
    response = client.get(f"/{language}/forums/11/sessions/{session.pk}/")

    starts = {"ko": "2021년 10월 7일 14:00", "en": "Oct. 7, 2021 14:00"}[language]
    assertContains(response, f'<p class="eyebrow">{eyebrow}</p>')
    assertContains(response, f"<h1>{title}</h1>")
    assertContains(
        response,
        f'{time_label}<dd><time datetime="2021-10-07T14:00:00+09:00">{starts}</time> – '
        f'<time datetime="2021-10-07T15:30:00+09:00">15:30</time></dd>',
    )
    assertContains(response, room, html=True)


@pytest.mark.parametrize(
    ("language", "organizers"),
    [
        (
            "ko",
            '<div><dt>주관</dt><dd><a href="/ko/organizations/gwangju/">광주광역시</a>, '
            '<a href="/ko/organizations/unesco/">유네스코</a></dd></div>',
        ),
        (
            "en",
            '<div><dt>Organizers</dt><dd><a href="/en/organizations/gwangju/">Gwangju</a>, '
            '<a href="/en/organizations/unesco/">UNESCO</a></dd></div>',
        ),
    ],
)
def test_session_detail_lists_organizers(client, session, language, organizers):
    response = client.get(f"/{language}/forums/11/sessions/{session.pk}/")

    assertContains(response, organizers, html=True)


@pytest.mark.parametrize(
    ("language", "speakers"),
    [
        (
            "ko",
            [
                '<li><a href="/ko/people/{}/kim-in-kwon/"><strong>김인권</strong></a>, 광주광역시'
                ' <span class="muted">(좌장)</span></li>',
                '<li><a href="/ko/people/{}/jane-doe/"><strong>제인 도</strong></a>, 유엔인권사무소'
                ' <span class="muted">(발표자)</span></li>',
                '<li><a href="/ko/people/{}/lee-toron/"><strong>이토론</strong></a>'
                ' <span class="muted">(토론자)</span></li>',
            ],
        ),
        (
            "en",
            [
                '<li><a href="/en/people/{}/kim-in-kwon/"><strong>Kim In-kwon</strong></a>, Gwangju Metropolitan City'
                ' <span class="muted">(Moderator)</span></li>',
                '<li><a href="/en/people/{}/jane-doe/"><strong>Jane Doe</strong></a>, OHCHR'
                ' <span class="muted">(Speaker)</span></li>',
                '<li><a href="/en/people/{}/lee-toron/"><strong>Lee Toron</strong></a>'
                ' <span class="muted">(Discussant)</span></li>',
            ],
        ),
    ],
)
def test_session_detail_lists_speakers_with_affiliation_and_role_linking_their_pages(
    client, session, language, speakers
):
    people = [speaker.person.pk for speaker in session.speakers.all()]

    response = client.get(f"/{language}/forums/11/sessions/{session.pk}/")

    speakers = [item.format(pk) for item, pk in zip(speakers, people, strict=True)]
    assertContains(response, '<ul class="speakers">' + "".join(speakers) + "</ul>", html=True)


@pytest.mark.parametrize(
    ("language", "summary", "video"),
    [
        ("ko", "<p>이주민 인권을 논의합니다.<br>둘째 줄</p>", "영상 보기"),
        ("en", "<p>A talk on migrants&#x27; rights.<br>Second line</p>", "Watch the video"),
    ],
)
def test_session_detail_shows_summary_and_video_link(client, session, language, summary, video):
    response = client.get(f"/{language}/forums/11/sessions/{session.pk}/")

    assertContains(response, f'<div class="lead">{summary}</div>')
    assertContains(response, f'<p><a href="https://www.youtube.com/watch?v=abc123" rel="noopener">{video}</a></p>')


def test_session_detail_without_summary_speakers_or_video_leaves_them_out(client):
    session = make_session(make_edition(number=11), room_ko="", room_en="")

    response = client.get(f"/en/forums/11/sessions/{session.pk}/")

    assertContains(response, "<h1>Plenary session</h1>")
    for absent in ('class="lead"', "speakers-heading", "Watch the video", "<dt>Room</dt>", "<dt>Organizers</dt>"):
        assertNotContains(response, absent)


def test_session_detail_shows_its_published_news(client, session):
    related = make_post(title_ko="이주민 세션 소식", title_en="Migrants session news", published_at=days_ago(1))
    older = make_post(title_ko="이주민 세션 예고", published_at=days_ago(3))
    draft = make_post(title_ko="임시 저장", status=Post.Status.DRAFT)
    for post in (related, older, draft):
        post.sessions.add(session)
    make_post(title_ko="관계없는 소식")

    korean = client.get(f"/ko/forums/11/sessions/{session.pk}/")
    english = client.get(f"/en/forums/11/sessions/{session.pk}/")

    assert list(korean.context["posts"]) == [related, older]
    assert card_titles(korean) == ["이주민 세션 소식", "이주민 세션 예고"]
    assert card_titles(english) == ["Migrants session news", older.title_en]
    assertContains(korean, '<h2 id="news-heading">관련 소식</h2>')


def test_session_detail_under_another_editions_number_is_not_found(client, session):
    make_edition(number=12, year=2022)

    response = client.get(f"/ko/forums/12/sessions/{session.pk}/")

    assert response.status_code == 404


@pytest.mark.parametrize("path", ["sessions/999999/", "sessions/abc/", "sessions/1234567890123/"])
def test_session_detail_of_unknown_session_is_not_found(client, session, path):
    response = client.get(f"/ko/forums/11/{path}")

    assert response.status_code == 404


def test_session_detail_of_unpublished_edition_is_not_found(client):
    session = make_session(make_edition(number=13, year=2023, is_published=False))

    response = client.get(f"/ko/forums/13/sessions/{session.pk}/")

    assert response.status_code == 404


# Query counts of the forum and session pages


@pytest.mark.parametrize("edition_count", [1, 4])
def test_edition_list_query_count_does_not_grow_with_editions(client, django_assert_num_queries, edition_count):
    for number in range(1, edition_count + 1):
        make_edition(number=number, year=2010 + number)

    # The editions, and when the next scheduled post is due (how long the page may stay cached).
    with django_assert_num_queries(2):
        response = client.get("/ko/forums/")

    assert len(response.context["editions"]) == edition_count


@pytest.mark.parametrize("size", [1, 5])
def test_edition_detail_query_count_does_not_grow_with_sessions_partners_or_posts(
    client, django_assert_num_queries, size
):
    edition = make_edition(number=11)
    organizations = [make_organization(slug=f"org-{number}", name_en=f"Org {number}") for number in range(size)]
    for number, organization in enumerate(organizations):
        session = make_session(edition, starts_at=seoul(2021, 10, 6 + number % 3, 9 + number))
        session.organizers.add(*organizations)
        make_partner(edition, organization, role=list(EditionPartner.Role)[number % 5])
        make_post(edition=edition)

    # The edition, its sessions, their organizers, its partners, its news, and when the next
    # scheduled post is due (how long the page may stay cached).
    with django_assert_num_queries(6):
        response = client.get("/en/forums/11/")

    assert sum(len(sessions) for _day, fields in response.context["program"] for _f, sessions in fields) == size
    assert len(card_titles(response)) == size


@pytest.mark.parametrize("size", [1, 4])
def test_session_detail_query_count_does_not_grow_with_organizers_speakers_or_posts(
    client, django_assert_num_queries, size
):
    session = make_session(make_edition(number=11))
    for number in range(size):
        session.organizers.add(make_organization(slug=f"org-{number}", name_en=f"Org {number}"))
        make_speaker(session, order=number)
        make_post().sessions.add(session)

    # The session with its edition, its organizers, its speakers, its news, and when the next
    # scheduled post is due (how long the page may stay cached).
    with django_assert_num_queries(5):
        response = client.get(f"/ko/forums/11/sessions/{session.pk}/")

    assert len(card_titles(response)) == size
    assertContains(response, "<strong>홍길동</strong></a>, 광주광역시", count=size)


# Languages


def test_language_switch_on_edition_and_session_pages_points_at_the_same_page(client):
    session = make_session(make_edition(number=11))

    edition_page = client.get("/ko/forums/11/")
    session_page = client.get(f"/en/forums/11/sessions/{session.pk}/")

    assertContains(
        edition_page, '<a href="http://testserver/en/forums/11/" hreflang="en" lang="en">English</a>', html=True
    )
    assertContains(
        session_page,
        f'<a href="http://testserver/ko/forums/11/sessions/{session.pk}/" hreflang="ko" lang="ko">한국어</a>',
        html=True,
    )


# The declaration page


@pytest.mark.parametrize(
    ("language", "forum", "title", "adopted", "texts"),
    [
        (
            "ko",
            "제11회 세계인권도시포럼",
            "제11회 세계인권도시포럼 광주선언문",
            "2021년 10월 10일",
            ["우리는 모두의 존엄을 지킨다.", "도시는 약속을 지킨다.", "시민이 함께 만든다."],
        ),
        (
            "en",
            "11th World Human Rights Cities Forum",
            "Gwangju Declaration of the 11th World Human Rights Cities Forum",
            "Oct. 10, 2021",
            ["We uphold the dignity of all.", "Cities keep their promises.", "Residents shape it together."],
        ),
    ],
)
def test_declaration_detail_shows_title_date_and_numbered_paragraphs(
    client, declaration, language, forum, title, adopted, texts
):
    response = client.get(f"/{language}/forums/11/declaration/")

    assertContains(response, f'<p class="eyebrow"><a href="/{language}/forums/11/">{forum}</a></p>', html=True)
    assertContains(response, f"<h1>{title}</h1>", count=1)
    assertContains(response, f'<time datetime="2021-10-10">{adopted}</time>')
    assert paragraph_ids(response) == ["p1", "p2", "p3"]
    for number, text in enumerate(texts, start=1):
        assertContains(response, f'href="#p{number}"', count=1)
        assertContains(response, f">{number}</a> {text}</p>", count=1)
    assertNotContains(response, 'class="notice"')


@pytest.mark.parametrize(("language", "label"), [("ko", "문단 {}"), ("en", "Paragraph {}")])
@pytest.mark.parametrize("path", ["/{}/forums/11/declaration/", "/{}/forums/11/declaration/both/"])
def test_paragraph_links_accessible_names_contain_their_visible_numbers(client, declaration, language, label, path):
    response = client.get(path.format(language))

    links = re.findall(
        r'<a class="paragraph__number" href="#p\d+" aria-label="([^"]*)">(\d+)</a>', response.content.decode()
    )
    assert links == [(label.format(number), str(number)) for number in (1, 2, 3)]
    # WCAG 2.5.3 (label in name): the visible number is a word of the spoken name.
    assert all(number in name.split() for name, number in links)


def test_declaration_detail_marks_paragraphs_shown_in_the_other_language(client, declaration):
    make_paragraph(declaration, text_ko="번역되지 않은 문단", text_en="")

    response = client.get("/en/forums/11/declaration/")

    assertContains(
        response,
        '<p class="paragraph" id="p4" lang="ko"><a class="paragraph__number" href="#p4" aria-label="Paragraph 4">4</a>'
        " 번역되지 않은 문단</p>",
        html=True,
    )


def test_declaration_detail_in_english_of_korean_only_declaration_shows_notice(client):
    make_declaration(make_edition(number=11), title_ko="광주선언문", title_en="")

    response = client.get("/en/forums/11/declaration/")

    assertContains(response, '<p class="notice" role="note">This declaration is only available in Korean.</p>')
    assertContains(response, '<h1 lang="ko">광주선언문</h1>')
    assertContains(response, '<meta name="robots" content="noindex">', count=1)
    assertContains(response, '<link rel="canonical" href="http://testserver/ko/forums/11/declaration/">', count=1)
    assertNotContains(response, '<link rel="alternate" hreflang="en"')


def test_language_switch_on_declaration_detail_points_at_the_same_declaration(client, declaration):
    response = client.get("/ko/forums/11/declaration/")

    assertContains(
        response,
        '<a href="http://testserver/en/forums/11/declaration/" hreflang="en" lang="en">English</a>',
        html=True,
    )
    assertContains(response, '<link rel="canonical" href="http://testserver/ko/forums/11/declaration/">', count=1)
    assertContains(
        response, '<link rel="alternate" hreflang="x-default" href="http://testserver/forums/11/declaration/">'
    )


def test_declaration_detail_links_the_pdf_and_the_side_by_side_view(client, declaration):
    declaration.pdf.save("declaration-2021.pdf", ContentFile(PDF_BYTES))

    response = client.get("/en/forums/11/declaration/")

    assertContains(
        response,
        '<ul class="declaration__links">'
        '<li><a href="/en/forums/11/declaration/both/">Korean and English side by side</a></li>'
        f'<li><a href="{declaration.pdf.url}" type="application/pdf">Download the PDF</a></li></ul>',
        html=True,
    )
    assert declaration.pdf.url == "/en/forums/11/declaration/pdf/"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_declaration_pdf_of_a_published_declaration_is_shown_to_everyone(client, declaration, language):
    declaration.pdf.save("declaration-2021.pdf", ContentFile(PDF_BYTES))

    response = client.get(f"/{language}/forums/11/declaration/pdf/")

    assert (response.status_code, b"".join(response.streaming_content)) == (200, PDF_BYTES)
    assert (response["Content-Type"], response["Content-Disposition"], response["X-Content-Type-Options"]) == (
        "application/pdf",
        'inline; filename="declaration-2021.pdf"',
        "nosniff",
    )


@pytest.mark.parametrize("unpublished", ["declaration", "edition"])
def test_declaration_pdf_not_yet_published_is_for_staff_only(client, declaration, unpublished):
    declaration.pdf.save("declaration-2021.pdf", ContentFile(PDF_BYTES))
    owner = declaration if unpublished == "declaration" else declaration.edition
    owner.is_published = False
    owner.save()

    reader = client.get("/ko/forums/11/declaration/pdf/")
    at_media_address = client.get(f"/media/{declaration.pdf.name}")
    client.force_login(make_staff())
    staff = client.get("/ko/forums/11/declaration/pdf/")

    assert (reader.status_code, at_media_address.status_code, staff.status_code) == (404, 404, 200)
    assert b"".join(staff.streaming_content) == PDF_BYTES


def test_declaration_without_pdf_has_no_pdf_address(client, declaration):
    response = client.get("/en/forums/11/declaration/pdf/")

    assert response.status_code == 404


def test_declaration_detail_without_pdf_has_no_download_link(client, declaration):
    response = client.get("/en/forums/11/declaration/")

    assertNotContains(response, "Download the PDF")


@pytest.mark.parametrize(
    "path", ["/ko/forums/12/declaration/", "/en/forums/12/declaration/", "/ko/forums/12/declaration/both/"]
)
def test_declaration_of_edition_without_one_is_not_found(client, declaration, path):
    make_edition(number=12, year=2022)

    response = client.get(path)

    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/ko/forums/99/declaration/", "/en/forums/abc/declaration/", "/ko/forums/9999999999/declaration/both/"],
)
def test_declaration_of_unknown_edition_is_not_found(client, declaration, path):
    response = client.get(path)

    assert response.status_code == 404


def test_unpublished_declaration_or_edition_is_not_found(client):
    make_declaration(make_edition(number=11), is_published=False)
    make_declaration(make_edition(number=12, year=2022, is_published=False))

    responses = [
        client.get(f"/{language}/forums/{number}/declaration/") for language in ("ko", "en") for number in (11, 12)
    ]

    assert [response.status_code for response in responses] == [404, 404, 404, 404]


# Side by side


def row_ids(response):
    """The anchors of the rows of the side-by-side view, in page order."""
    return re.findall(r'<tr id="(p\d+)">', response.content.decode())


def test_declaration_side_by_side_shows_both_languages_paragraph_by_paragraph(client, declaration):
    make_paragraph(declaration, text_ko="한국어로만 쓴 문단", text_en="")

    response = client.get("/en/forums/11/declaration/both/")

    assert row_ids(response) == ["p1", "p2", "p3", "p4"]
    assertContains(
        response,
        '<thead><tr><th scope="col"><span class="visually-hidden">Paragraph</span></th>'
        '<th scope="col" lang="ko">한국어</th><th scope="col" lang="en">English</th></tr></thead>',
        html=True,
    )
    assertContains(
        response,
        '<tr id="p2"><th scope="row"><a class="paragraph__number" href="#p2" aria-label="Paragraph 2">2</a></th>'
        '<td lang="ko">도시는 약속을 지킨다.</td><td lang="en">Cities keep their promises.</td></tr>',
        html=True,
    )
    assertContains(
        response,
        '<tr id="p4"><th scope="row"><a class="paragraph__number" href="#p4" aria-label="Paragraph 4">4</a></th>'
        '<td lang="ko">한국어로만 쓴 문단</td>'
        '<td lang="en"><span class="muted" lang="en">Not translated yet.</span></td></tr>',
        html=True,
    )
    assertContains(response, '<a href="/en/forums/11/declaration/">Read in one language</a>', html=True)


def test_declaration_side_by_side_is_the_same_in_both_interface_languages(client, declaration):
    korean = client.get("/ko/forums/11/declaration/both/")
    english = client.get("/en/forums/11/declaration/both/")

    for response in (korean, english):
        assertContains(response, '<td lang="ko">우리는 모두의 존엄을 지킨다.</td>', html=True)
        assertContains(response, '<td lang="en">We uphold the dignity of all.</td>', html=True)
    assertContains(korean, '<html lang="ko">')
    assertContains(english, '<html lang="en">')


# Links from the forum page


@pytest.mark.parametrize(
    ("language", "link"),
    [
        ("en", '<a href="/en/forums/11/declaration/">Read the declaration of this forum</a>'),
        ("ko", '<a href="/ko/forums/11/declaration/">'),
    ],
)
def test_edition_detail_links_its_published_declaration(client, declaration, language, link):
    make_declaration(make_edition(number=12, year=2022), is_published=False)
    make_edition(number=13, year=2023)

    with_declaration = client.get(f"/{language}/forums/11/")
    unpublished_declaration = client.get(f"/{language}/forums/12/")
    without_declaration = client.get(f"/{language}/forums/13/")

    assertContains(with_declaration, link, count=1)
    assertNotContains(unpublished_declaration, "/declaration/")
    assertNotContains(without_declaration, "/declaration/")


# The list of declarations


@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("ko", ["제12회 포럼 선언문", "제11회 세계인권도시포럼 광주선언문"]),
        ("en", ["Declaration of the 12th Forum", "Gwangju Declaration of the 11th World Human Rights Cities Forum"]),
    ],
)
def test_declaration_list_shows_published_declarations_newest_first(client, declaration, language, titles):
    make_declaration(
        make_edition(number=12, year=2022), title_ko="제12회 포럼 선언문", title_en="Declaration of the 12th Forum"
    )
    make_declaration(make_edition(number=13, year=2023), is_published=False)

    response = client.get(f"/{language}/forums/declarations/")

    shown = re.findall(r'<h2><a href="/\w\w/forums/(\d+)/declaration/">(.*?)</a></h2>', response.content.decode())
    assert shown == [("12", titles[0]), ("11", titles[1])]


# The feed, announced on the declaration pages


def test_declaration_pages_announce_the_feed(client, declaration):
    response = client.get("/en/forums/11/declaration/")

    assertContains(
        response,
        '<link rel="alternate" type="application/rss+xml" title="Declarations" href="/en/forums/declarations/feed/">',
    )


# Query counts of the declaration pages


@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize("path", ["/ko/forums/11/declaration/", "/en/forums/11/declaration/both/"])
def test_declaration_pages_query_count_does_not_grow_with_paragraphs(client, django_assert_num_queries, size, path):
    declaration = make_declaration(make_edition(number=11))
    for _number in range(size):
        make_paragraph(declaration)

    # The declaration with its forum, its paragraphs, and when the next scheduled post is
    # due (how long the page may stay cached).
    with django_assert_num_queries(3):
        response = client.get(path)

    assert len(paragraph_ids(response) or row_ids(response)) == size


@pytest.mark.parametrize("size", [1, 4])
def test_declaration_list_query_count_does_not_grow_with_declarations(client, django_assert_num_queries, size):
    for number in range(1, size + 1):
        make_declaration(make_edition(number=number, year=2010 + number))

    # The declarations with their forums, and when the next scheduled post is due.
    with django_assert_num_queries(2):
        response = client.get("/en/forums/declarations/")

    assert len(response.context["declarations"]) == size


def test_edition_detail_query_count_is_unchanged_by_its_declaration(client, django_assert_num_queries, declaration):
    make_session(declaration.edition)
    make_post(edition=declaration.edition)

    # The edition (with whether it has a declaration), its sessions, their organizers, its
    # partners, its news, and when the next scheduled post is due.
    with django_assert_num_queries(6):
        response = client.get("/en/forums/11/")

    assertContains(response, 'href="/en/forums/11/declaration/"', count=1)


# The organization page


Role = EditionPartner.Role


@pytest.mark.parametrize(
    ("language", "name", "kind"),
    [
        ("ko", "유네스코", "유엔 기구"),
        ("en", "United Nations Educational, Scientific and Cultural Organization", "UN body"),
    ],
)
def test_organization_detail_shows_name_acronym_kind_and_website(client, unesco, language, name, kind):
    response = client.get(f"/{language}/organizations/unesco/")

    assertContains(response, f"<h1>{name}</h1>", count=1)
    assertContains(response, f"<title>{name} · ", count=1)
    assertContains(response, "<dd>UNESCO</dd>", count=1)
    assertContains(response, f"<dd>{kind}</dd>", count=1)
    assertContains(
        response, '<dd><a href="https://www.unesco.org/" rel="noopener">https://www.unesco.org/</a></dd>', html=True
    )
    assertNotContains(response, 'class="notice"')


@pytest.mark.parametrize(("language", "alt"), [("ko", "유네스코 로고"), ("en", "UNESCO logo")])
def test_organization_detail_shows_the_logo_with_its_alt_text(client, unesco, language, alt):
    unesco.logo_alt_ko, unesco.logo_alt_en = "유네스코 로고", "UNESCO logo"
    unesco.logo.save("unesco.png", make_png("unesco.png", size=(240, 120)), save=True)

    response = client.get(f"/{language}/organizations/unesco/")

    assertContains(response, logo_img(unesco, "240x120", alt, (240, 120), lazy=False, css_class="organization-logo"))
    assertContains(response, f'<meta property="og:image" content="http://testserver{unesco.logo.url}">')


def test_organization_detail_without_acronym_website_or_logo_leaves_them_out(client):
    make_organization(slug="gwangju", name_ko="광주광역시", name_en="Gwangju", kind=Organization.Kind.CITY)

    response = client.get("/en/organizations/gwangju/")

    assertContains(response, "<h1>Gwangju</h1>")
    assertContains(response, "<div><dt>Kind</dt><dd>City</dd></div>", html=True)
    for absent in ("<dt>Acronym</dt>", "<dt>Website</dt>", "organization-logo", "roles-heading", "sessions-heading"):
        assertNotContains(response, absent)


def role_rows(response):
    """[(forum, year, roles), ...] as the table of roles shows them, in page order."""
    return re.findall(
        r'<tr><th scope="row"><a href="/\w\w/forums/\d+/">(.*?)</a></th><td>(\d+)</td><td>(.*?)</td></tr>',
        section(response, "roles-heading"),
    )


@pytest.mark.parametrize(
    ("language", "rows"),
    [
        (
            "ko",
            [
                ("제12회 세계인권도시포럼", "2022", "주최"),
                ("제11회 세계인권도시포럼", "2021", "공동 주최, 후원"),
                ("제10회 세계인권도시포럼", "2020", "협력"),
            ],
        ),
        (
            "en",
            [
                ("12th World Human Rights Cities Forum", "2022", "Host"),
                ("11th World Human Rights Cities Forum", "2021", "Co-host, Sponsor"),
                ("10th World Human Rights Cities Forum", "2020", "Partner"),
            ],
        ),
    ],
)
def test_organization_detail_lists_its_roles_per_published_forum_newest_first(client, unesco, language, rows):
    tenth = make_edition(number=10, year=2020)
    eleventh = make_edition(number=11, year=2021)
    twelfth = make_edition(number=12, year=2022)
    unpublished = make_edition(number=13, year=2023, is_published=False)
    make_partner(eleventh, unesco, Role.SPONSOR)
    make_partner(eleventh, unesco, Role.CO_HOST, order=1)
    make_partner(tenth, unesco, Role.PARTNER)
    make_partner(twelfth, unesco, Role.HOST)
    make_partner(unpublished, unesco, Role.CO_HOST)
    make_partner(eleventh, make_organization(slug="uclg", name_ko="UCLG", name_en="UCLG"), Role.CO_ORGANIZER)

    response = client.get(f"/{language}/organizations/unesco/")

    assert role_rows(response) == rows
    assertContains(response, f'<a href="/{language}/forums/11/">{rows[1][0]}</a>')


def sessions_by_forum(response):
    """[(forum, [session title, ...]), ...] as the list of organized sessions shows them."""
    groups = re.findall(
        r'<h3><a href="[^"]*">(.*?)</a></h3>\s*<ul class="sessions">(.*?)</ul>',
        section(response, "sessions-heading"),
        re.DOTALL,
    )
    return [
        (forum, re.findall(r'<a href="/\w\w/forums/\d+/sessions/\d+/">(.*?)</a>', items)) for forum, items in groups
    ]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ko",
            [
                ("제12회 세계인권도시포럼", ["기후 정의"]),
                ("제11회 세계인권도시포럼", ["개회식", "도시와 이주민"]),
            ],
        ),
        (
            "en",
            [
                ("12th World Human Rights Cities Forum", ["Climate justice"]),
                ("11th World Human Rights Cities Forum", ["Opening ceremony", "Cities and migrants"]),
            ],
        ),
    ],
)
def test_organization_detail_lists_the_sessions_it_organized_by_forum(client, unesco, language, expected):
    eleventh = make_edition(number=11, year=2021)
    twelfth = make_edition(
        number=12, year=2022, starts_on=datetime.date(2022, 10, 10), ends_on=datetime.date(2022, 10, 13)
    )
    unpublished = make_edition(number=13, year=2023, is_published=False)
    migrants = make_session(
        eleventh, starts_at=seoul(2021, 10, 7, 14), title_ko="도시와 이주민", title_en="Cities and migrants"
    )
    opening = make_session(
        eleventh,
        starts_at=seoul(2021, 10, 6, 10),
        kind=Session.Kind.OPENING,
        title_ko="개회식",
        title_en="Opening ceremony",
    )
    climate = make_session(
        twelfth, starts_at=seoul(2022, 10, 11, 10), title_ko="기후 정의", title_en="Climate justice"
    )
    hidden = make_session(unpublished, title_ko="준비 중", title_en="In preparation")
    for session in (migrants, opening, climate, hidden):
        session.organizers.add(unesco)
    make_session(eleventh, title_ko="다른 기관의 세션", title_en="Someone else's session")

    response = client.get(f"/{language}/organizations/unesco/")

    assert sessions_by_forum(response) == expected
    assertContains(
        response,
        f'<li><time datetime="2021-10-06T10:00:00+09:00">{"2021년 10월 6일" if language == "ko" else "Oct. 6, 2021"}'
        f'</time> <a href="/{language}/forums/11/sessions/{opening.pk}/">{expected[1][1][0]}</a> '
        f'<span class="muted">{"개회식" if language == "ko" else "Opening ceremony"}</span></li>',
        html=True,
    )


def test_organization_detail_shows_its_published_news_newest_first(client, unesco):
    older = make_post(title_ko="유네스코 협약", title_en="UNESCO agreement", published_at=days_ago(3))
    newer = make_post(title_ko="유네스코 세션 소식", title_en="UNESCO session news", published_at=days_ago(1))
    draft = make_post(title_ko="임시 저장", status=Post.Status.DRAFT)
    scheduled = make_post(title_ko="예약", published_at=timezone.now() + datetime.timedelta(days=1))
    for post in (older, newer, draft, scheduled):
        post.organizations.add(unesco)
    make_post(title_ko="관계없는 소식")

    korean = client.get("/ko/organizations/unesco/")
    english = client.get("/en/organizations/unesco/")

    assert list(korean.context["posts"]) == [newer, older]
    assert card_titles(korean) == ["유네스코 세션 소식", "유네스코 협약"]
    assert card_titles(english) == ["UNESCO session news", "UNESCO agreement"]
    assertContains(korean, '<h2 id="news-heading">관련 소식</h2>')


def test_organization_detail_shows_the_ten_newest_posts(client, unesco):
    posts = [make_post(published_at=days_ago(day)) for day in range(1, 13)]
    for post in posts:
        post.organizations.add(unesco)

    response = client.get("/ko/organizations/unesco/")

    assert card_titles(response) == [post.title_ko for post in posts[:10]]


def test_organization_detail_in_english_of_korean_only_organization_shows_notice(client):
    make_organization(slug="may18", name_ko="5·18기념재단", name_en="", kind=Organization.Kind.NGO)

    response = client.get("/en/organizations/may18/")

    assertContains(
        response, '<p class="notice" role="note">This organization is only described in Korean.</p>', count=1
    )
    assertContains(response, '<h1 lang="ko">5·18기념재단</h1>')
    assertContains(response, '<meta name="robots" content="noindex">', count=1)
    assertContains(response, '<link rel="canonical" href="http://testserver/ko/organizations/may18/">', count=1)
    assertNotContains(response, '<link rel="alternate" hreflang="en"')


@pytest.mark.parametrize("language", ["ko", "en"])
def test_organization_detail_links_both_languages_and_the_canonical_url(client, unesco, language):
    korean_url = "http://testserver/ko/organizations/unesco/"
    english_url = "http://testserver/en/organizations/unesco/"

    response = client.get(f"/{language}/organizations/unesco/")

    assertContains(response, f'<link rel="alternate" hreflang="ko" href="{korean_url}">', count=1)
    assertContains(response, f'<link rel="alternate" hreflang="en" href="{english_url}">', count=1)
    assertContains(
        response, '<link rel="alternate" hreflang="x-default" href="http://testserver/organizations/unesco/">'
    )
    assertContains(response, f'<link rel="canonical" href="{korean_url if language == "ko" else english_url}">')
    assertContains(response, f'<meta property="og:url" content="{korean_url if language == "ko" else english_url}">')
    assertNotContains(response, '<meta name="robots"')


def test_language_switch_on_organization_detail_points_at_the_same_organization(client, unesco):
    korean = client.get("/ko/organizations/unesco/")
    english = client.get("/en/organizations/unesco/")

    assertContains(
        korean,
        '<a href="http://testserver/en/organizations/unesco/" hreflang="en" lang="en">English</a>',
        html=True,
    )
    assertContains(
        english,
        '<a href="http://testserver/ko/organizations/unesco/" hreflang="ko" lang="ko">한국어</a>',
        html=True,
    )


MENU = {
    "ko": {"news": "뉴스", "forums": "역대 포럼", "declarations": "선언문", "organizations": "기관"},
    "en": {"news": "News", "forums": "Forums", "declarations": "Declarations", "organizations": "Organizations"},
}


def main_menu(response):
    """[(label, is current)] of the main menu, in order."""
    menu = response.content.decode().split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a href="[^"]*"( aria-current="page")?>([^<]*)</a>', menu)
    return [(label, bool(current)) for current, label in links]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_main_menu_marks_the_section_of_the_page(client, unesco, language):
    edition = make_edition(number=11)
    make_partner(edition, unesco)
    make_declaration(edition)
    session = make_session(edition)
    sections = {
        f"/{language}/news/": "news",
        f"/{language}/forums/": "forums",
        f"/{language}/forums/11/": "forums",
        f"/{language}/forums/11/sessions/{session.pk}/": "forums",
        f"/{language}/forums/declarations/": "declarations",
        f"/{language}/forums/11/declaration/": "declarations",
        f"/{language}/organizations/": "organizations",
        f"/{language}/organizations/unesco/": "organizations",
        f"/{language}/": None,
    }

    for url, current in sections.items():
        expected = [(label, key == current) for key, label in MENU[language].items()]
        assert main_menu(client.get(url)) == expected, url


@pytest.mark.parametrize(
    "path",
    ["/ko/organizations/unknown/", "/en/organizations/unknown/", "/ko/organizations/UNESCO!/", "/en/organizations/-/"],
)
def test_organization_detail_of_unknown_organization_is_not_found(client, unesco, path):
    response = client.get(path)

    assert response.status_code == 404


# The list of organizations


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("ko", ["광주광역시", "유네스코 (UNESCO)", "유엔인권사무소 (OHCHR)"]),
        (
            "en",
            ["Gwangju", "OHCHR", "United Nations Educational, Scientific and Cultural Organization (UNESCO)"],
        ),
    ],
)
def test_organization_list_shows_partners_and_organizers_of_published_forums_by_name(client, unesco, language, names):
    eleventh = make_edition(number=11, year=2021)
    unpublished = make_edition(number=13, year=2023, is_published=False)
    gwangju = make_organization(slug="gwangju", name_ko="광주광역시", name_en="Gwangju", kind=Organization.Kind.CITY)
    ohchr = make_organization(slug="ohchr", name_ko="유엔인권사무소", name_en="OHCHR", acronym="OHCHR")
    make_partner(eleventh, gwangju, Role.HOST)
    make_partner(eleventh, unesco, Role.CO_HOST)
    make_partner(eleventh, unesco, Role.SPONSOR)
    make_session(eleventh).organizers.add(ohchr, unesco)
    hidden = make_organization(slug="future", name_ko="다음 협력 기관", name_en="Next partner")
    make_partner(unpublished, hidden, Role.PARTNER)
    make_session(unpublished).organizers.add(hidden)
    make_organization(slug="unlinked", name_ko="관계없는 기관", name_en="Unrelated")

    response = client.get(f"/{language}/organizations/")

    shown = re.findall(
        r'<li class="organization-item"><a href="/\w\w/organizations/([\w-]+)/">'
        r'<span class="organization-item__name">(.*?)</span></a>',
        response.content.decode(),
    )
    assert [name for _slug, name in shown] == names
    assert sorted(slug for slug, _name in shown) == ["gwangju", "ohchr", "unesco"]


# Links to the organization page


@pytest.mark.parametrize("language", ["ko", "en"])
def test_partner_logos_and_organizers_link_to_the_organization_page(client, unesco, language):
    today = timezone.localdate()
    edition = make_edition(number=12, year=today.year, starts_on=today, ends_on=today)
    unesco.logo_alt_ko, unesco.logo_alt_en = "유네스코 로고", "UNESCO logo"
    unesco.logo.save("unesco.png", make_png("unesco.png", size=(240, 120)), save=True)
    make_partner(edition, unesco)
    session = make_session(edition, starts_at=timezone.now())
    session.organizers.add(unesco)
    alt = {"ko": "유네스코 로고", "en": "UNESCO logo"}[language]
    logo_link = (
        f'<li class="partner"><a href="/{language}/organizations/unesco/">'
        f"{logo_img(unesco, '120x60', alt, (120, 60))}</a></li>"
    )

    home = client.get(f"/{language}/")
    edition_page = client.get(f"/{language}/forums/12/")
    session_page = client.get(f"/{language}/forums/12/sessions/{session.pk}/")

    assertContains(home, logo_link, html=True, count=1)
    assertContains(edition_page, logo_link, html=True, count=1)
    name = {"ko": "유네스코", "en": "United Nations Educational, Scientific and Cultural Organization"}[language]
    assertContains(session_page, f'<a href="/{language}/organizations/unesco/">{name}</a>', count=1)


# Query counts of the organization pages


@pytest.mark.parametrize("size", [1, 4])
def test_organization_detail_query_count_does_not_grow_with_forums_sessions_or_posts(
    client, unesco, django_assert_num_queries, size
):
    for number in range(1, size + 1):
        edition = make_edition(number=number, year=2010 + number)
        make_partner(edition, unesco, Role.CO_HOST)
        make_partner(edition, unesco, Role.SPONSOR)
        make_session(edition).organizers.add(unesco)
        make_session(edition, starts_at=seoul(2010 + number, 10, 7, 9)).organizers.add(unesco)
        make_post(edition=edition).organizations.add(unesco)

    # The organization, its roles with their forums, its sessions with their forums, its
    # news, and when the next scheduled post is due (how long the page may stay cached).
    with django_assert_num_queries(5):
        response = client.get("/en/organizations/unesco/")

    assert len(role_rows(response)) == size
    assert sum(len(titles) for _forum, titles in sessions_by_forum(response)) == 2 * size
    assert len(card_titles(response)) == size


@pytest.mark.parametrize("size", [1, 4])
def test_organization_list_query_count_does_not_grow_with_organizations(client, django_assert_num_queries, size):
    edition = make_edition(number=11)
    for number in range(size):
        make_partner(edition, make_organization(slug=f"org-{number}", name_en=f"Org {number}"))

    # The organizations, and when the next scheduled post is due.
    with django_assert_num_queries(2):
        response = client.get("/ko/organizations/")

    assert len(response.context["organizations"]) == size


# Logos and posters: fitted into their place, their shape kept, sharp at double density


def logo_img(organization, box, alt, size, lazy=True, css_class=""):
    """The <img> of `organization`'s logo fitted into `box`, which must come out `size`."""
    src, src_2x, width, height = fitted(organization.logo.name, box)
    assert (width, height) == size
    markup = "<img"
    if css_class:
        markup += f' class="{css_class}"'
    markup += f' src="{src}"'
    if src_2x:
        markup += f' srcset="{src_2x} 2x"'
    markup += f' alt="{alt}" width="{width}" height="{height}"'
    return markup + (' loading="lazy" decoding="async">' if lazy else ">")


def fitted_images(response):
    """[(src, srcset, alt, width, height)] of the page's fitted <img>s (WebP renditions)."""
    pattern = (
        r'<img(?: class="[^"]*")? src="([^"]*\.webp)"(?: srcset="([^"]*) 2x")? '
        r'alt="([^"]*)" width="(\d+)" height="(\d+)"'
    )
    return [
        (src, srcset, alt, int(width), int(height))
        for src, srcset, alt, width, height in re.findall(pattern, response.content.decode())
    ]


def stored_size(url):
    with default_storage.open(url.removeprefix("/media/")) as stored:
        return Image.open(stored).size


@pytest.mark.parametrize(("language", "alt"), [("ko", "유네스코 로고"), ("en", "UNESCO logo")])
def test_logos_keep_their_shape_and_come_at_double_density(client, unesco, language, alt):
    unesco.logo.save("wide.png", ContentFile(image_bytes("PNG", size=(600, 200))))
    unesco.logo_alt_ko, unesco.logo_alt_en = "유네스코 로고", "UNESCO logo"
    unesco.save()
    make_partner(make_edition(number=11), unesco)

    for url, shown_alt, size in [
        (f"/{language}/organizations/unesco/", alt, (240, 80)),
        (f"/{language}/organizations/", "", (120, 40)),
        (f"/{language}/forums/11/", alt, (120, 40)),
    ]:
        [(src, src_2x, image_alt, width, height)] = fitted_images(client.get(url))
        assert (image_alt, (width, height)) == (shown_alt, size), url
        assert stored_size(src) == size
        assert stored_size(src_2x) == (size[0] * 2, size[1] * 2)


def test_a_small_logo_is_never_enlarged(client, unesco):
    unesco.logo.save("small.png", ContentFile(image_bytes("PNG", size=(240, 120))))

    [(src, src_2x, _alt, width, height)] = fitted_images(client.get("/en/organizations/unesco/"))

    assert (src_2x, width, height, stored_size(src)) == ("", 240, 120, (240, 120))


@pytest.mark.parametrize(("language", "alt"), [("ko", "2021 포럼 포스터"), ("en", "Poster of the 2021 forum")])
def test_edition_page_shows_its_poster(client, language, alt):
    edition = make_edition(number=11, poster_alt_ko="2021 포럼 포스터", poster_alt_en="Poster of the 2021 forum")
    edition.poster.save("poster.jpg", ContentFile(image_bytes("JPEG", size=(1200, 675))))

    response = client.get(f"/{language}/forums/11/")

    [(src, src_2x, image_alt, width, height)] = fitted_images(response)
    assert (image_alt, width, height) == (alt, 720, 405)
    assert (stored_size(src), stored_size(src_2x)) == ((720, 405), (1200, 675))
    assertContains(response, '<figure class="edition-poster"><img src="', count=1)


def test_a_logo_whose_renditions_could_not_be_recorded_is_shown_as_stored_and_fitted_next_time(
    client, unesco, monkeypatch
):
    """sorl-thumbnail refuses to record a rendition when its key-value store raced another
    process's (ThumbnailError): that page shows the stored logo, the next one the fitted."""
    from sorl.thumbnail.helpers import ThumbnailError
    from sorl.thumbnail.kvstores.base import KVStoreBase

    from common.page_cache import bump_content_version

    unesco.logo.save("wide.png", ContentFile(image_bytes("PNG", size=(600, 200))))
    recording = KVStoreBase.set

    def raced(*args, **kwargs):
        monkeypatch.setattr(KVStoreBase, "set", recording)
        raise ThumbnailError("Cannot add thumbnails for source that is not in kvstore.")

    monkeypatch.setattr(KVStoreBase, "set", raced)

    first = client.get("/en/organizations/unesco/")
    bump_content_version()  # The page is rendered again, not served from the page cache.
    second = client.get("/en/organizations/unesco/")

    assert first.status_code == 200
    assertContains(first, f'<img class="organization-logo" src="{unesco.logo.url}" alt="{unesco.name_en}">')
    [(_src, _src_2x, _alt, width, height)] = fitted_images(second)
    assert (width, height) == (240, 80)

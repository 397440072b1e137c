"""Organization pages: who an organization is, its roles at each forum, the sessions it
organized and the news about it; the list of partners; partner logos linking to them."""

import datetime
import re

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from editions.models import EditionPartner, Organization, Session
from news.models import Post
from tests.factories import (
    days_ago,
    make_edition,
    make_organization,
    make_partner,
    make_png,
    make_post,
    make_session,
    seoul,
)
from tests.pages import card_titles, section, sitemap_entries

pytestmark = pytest.mark.django_db

Role = EditionPartner.Role


def role_rows(response):
    """[(forum, year, roles), ...] as the table of roles shows them, in page order."""
    return re.findall(
        r'<tr><th scope="row"><a href="/\w\w/forums/\d+/">(.*?)</a></th><td>(\d+)</td><td>(.*?)</td></tr>',
        section(response, "roles-heading"),
    )


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


# The organization page


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

    assertContains(
        response,
        f'<img class="organization-logo" src="{unesco.logo.url}" alt="{alt}" width="240" height="120">',
        count=1,
    )
    assertContains(response, f'<meta property="og:image" content="http://testserver{unesco.logo.url}">')


def test_organization_detail_without_acronym_website_or_logo_leaves_them_out(client):
    make_organization(slug="gwangju", name_ko="광주광역시", name_en="Gwangju", kind=Organization.Kind.CITY)

    response = client.get("/en/organizations/gwangju/")

    assertContains(response, "<h1>Gwangju</h1>")
    assertContains(response, "<div><dt>Kind</dt><dd>City</dd></div>", html=True)
    for absent in ("<dt>Acronym</dt>", "<dt>Website</dt>", "organization-logo", "roles-heading", "sessions-heading"):
        assertNotContains(response, absent)


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


@pytest.mark.parametrize("language", ["ko", "en"])
def test_organization_pages_do_not_mark_forums_as_the_current_section(client, unesco, language):
    make_partner(make_edition(number=11), unesco)
    forums = {"ko": "역대 포럼", "en": "Forums"}[language]
    current = f'<a href="/{language}/forums/" aria-current="page">{forums}</a>'
    not_current = f'<a href="/{language}/forums/">{forums}</a>'

    organization_detail = client.get(f"/{language}/organizations/unesco/")
    organization_list = client.get(f"/{language}/organizations/")
    edition_detail = client.get(f"/{language}/forums/11/")

    for response in (organization_detail, organization_list):
        assertContains(response, not_current, html=True, count=1)
        assertNotContains(response, 'aria-current="page"')
    assertContains(edition_detail, current, html=True, count=1)


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
        f'<img src="{unesco.logo.url}" alt="{alt}" width="120" height="60" loading="lazy"></a></li>'
    )

    home = client.get(f"/{language}/")
    edition_page = client.get(f"/{language}/forums/12/")
    session_page = client.get(f"/{language}/forums/12/sessions/{session.pk}/")

    assertContains(home, logo_link, html=True, count=1)
    assertContains(edition_page, logo_link, html=True, count=1)
    name = {"ko": "유네스코", "en": "United Nations Educational, Scientific and Cultural Organization"}[language]
    assertContains(session_page, f'<a href="/{language}/organizations/unesco/">{name}</a>', count=1)


# The sitemap


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


# Query counts


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

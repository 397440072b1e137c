import datetime
import re

import pytest
import time_machine
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from editions.models import Edition, EditionPartner
from tests.factories import make_edition, make_organization, make_partner, make_post, seoul
from tests.pages import BROWSER, article_url, section_titles

# Language


@pytest.mark.parametrize(
    ("accept_language", "location"),
    [
        (None, "/ko/"),
        ("en-US,en;q=0.9", "/en/"),
        ("ko-KR,ko;q=0.9,en;q=0.8", "/ko/"),
        ("fr", "/ko/"),
        ("fr-FR,fr;q=0.9,en;q=0.5", "/en/"),
    ],
)
def test_root_redirects_to_the_language_of_the_browser(client, accept_language, location):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}

    response = client.get("/", **headers)

    assert response.status_code == 302
    assert response["Location"] == location


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "site_title"), [("ko", "세계인권도시포럼 뉴스"), ("en", "WHRCF News")])
def test_home_declares_its_language(client, language, site_title):
    response = client.get(f"/{language}/")

    assertContains(response, f'<html lang="{language}">')
    assertContains(response, f'<a class="site-title" href="/{language}/">{site_title}</a>', html=True)


@pytest.mark.django_db
@pytest.mark.parametrize(("accept_language", "language"), [(None, "ko"), ("en-US,en;q=0.9", "en"), ("fr", "ko")])
def test_post_detail_x_default_url_redirects_by_the_language_of_the_browser(client, accept_language, language):
    post = make_post()
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}

    response = client.get(f"/news/{post.pk}/{post.slug}/", **headers)

    assert response.status_code == 302
    assert response["Location"] == article_url(post, language)


# Open Graph


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title", "description"),
    [
        ("ko", "세계인권도시포럼 뉴스", "해마다 광주에서 열리는 세계인권도시포럼의 소식과 기록을 전합니다."),
        ("en", "WHRCF News", "News and archive of the World Human Rights Cities Forum, held every year in Gwangju."),
    ],
)
def test_home_open_graph_tags_describe_the_site(client, language, title, description):
    response = client.get(f"/{language}/")

    assertContains(response, f'<meta property="og:title" content="{title}">')
    assertContains(response, f'<meta property="og:description" content="{description}">')
    assertContains(response, f'<meta name="description" content="{description}">')
    assertContains(response, '<meta property="og:type" content="website">')
    assertNotContains(response, "og:image")


# Home


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ko", "en"])
def test_home_shows_pinned_posts_apart_from_the_latest(client, language):
    now = timezone.now()
    pinned = [make_post(pinned=True, published_at=now - datetime.timedelta(hours=hour)) for hour in range(1, 5)]
    latest = [make_post(published_at=now - datetime.timedelta(days=day)) for day in range(1, 8)]
    make_post(pinned=True, status="draft")
    make_post(published_at=now + datetime.timedelta(days=1))

    response = client.get(f"/{language}/")

    title = f"title_{language}"
    assert section_titles(response, "pinned-heading") == [getattr(post, title) for post in pinned[:3]]
    assert section_titles(response, "latest-heading") == [getattr(post, title) for post in latest[:6]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "name", "theme", "dates", "partners"),
    [
        (
            "ko",
            "제12회 세계인권도시포럼",
            "인권과 기후 위기",
            ("2022년 10월 5일", "2022년 10월 7일"),
            ["광주광역시", "유네스코"],
        ),
        (
            "en",
            "12th World Human Rights Cities Forum",
            "Human Rights and the Climate Crisis",
            ("Oct. 5, 2022", "Oct. 7, 2022"),
            ["Gwangju", "UNESCO"],
        ),
    ],
)
@time_machine.travel(seoul(2022, 10, 6, 12), tick=False)
def test_home_shows_the_current_edition_and_its_partners(client, language, name, theme, dates, partners):
    past = make_edition(number=11, year=2021, theme_ko="지난 포럼", theme_en="Last forum")
    current = make_edition(
        number=12,
        year=2022,
        starts_on=datetime.date(2022, 10, 5),
        ends_on=datetime.date(2022, 10, 7),
        theme_ko="인권과 기후 위기",
        theme_en="Human Rights and the Climate Crisis",
    )
    make_edition(number=13, year=2023, theme_ko="다음 포럼", theme_en="Next forum")
    make_partner(current, make_organization(slug="gwangju", name_ko="광주광역시", name_en="Gwangju"), "host")
    make_partner(current, make_organization(slug="unesco"), order=1)
    make_partner(past, make_organization(slug="uclg", name_ko="세계지방정부연합", name_en="UCLG"))

    response = client.get(f"/{language}/")

    assert Edition.objects.current() == current
    assert response.context["edition"] == current
    assertContains(response, f'<p class="eyebrow">{name}</p>')
    assertContains(response, f'<h2 id="edition-heading"><a href="/{language}/forums/12/">{theme}</a></h2>', html=True)
    assertContains(
        response,
        f'<time datetime="2022-10-05">{dates[0]}</time> – <time datetime="2022-10-07">{dates[1]}</time>',
    )
    for other_theme in ("지난 포럼", "Last forum", "다음 포럼", "Next forum"):
        assertNotContains(response, other_theme)
    shown_partners = re.findall(r'<li class="partner"><a href="([^"]*)">(.*?)</a></li>', response.content.decode())
    assert shown_partners == [
        (f"/{language}/organizations/gwangju/", partners[0]),
        (f"/{language}/organizations/unesco/", partners[1]),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "empty"), [("ko", "아직 소식이 없습니다."), ("en", "No news yet.")])
def test_home_without_content_says_so(client, language, empty):
    response = client.get(f"/{language}/")

    assert response.context["edition"] is None
    assertContains(response, f"<p>{empty}</p>", html=True)
    assertNotContains(response, "edition-banner")
    assertNotContains(response, "pinned-heading")
    assertNotContains(response, "partners-heading")


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 5])
def test_home_query_count_does_not_grow_with_posts_or_partners(client, django_assert_num_queries, size):
    today = timezone.localdate()
    edition = make_edition(number=12, year=today.year, starts_on=today, ends_on=today)
    for number in range(size):
        make_post(pinned=True)
        make_post(edition=edition)
        make_partner(edition, make_organization(slug=f"org-{number}"), role=EditionPartner.Role.PARTNER)

    # The current edition, its partners, the pinned posts, the latest posts, and when the
    # next scheduled post is due (how long the page may stay cached).
    with django_assert_num_queries(5):
        response = client.get("/ko/")

    assert len(section_titles(response, "latest-heading")) == size


# Errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "title", "text", "other_home"),
    [
        (
            "/en/nope/",
            "Page not found",
            "The page you asked for does not exist, or is not published yet.",
            '<a href="http://testserver/ko/" hreflang="ko" lang="ko">한국어</a>',
        ),
        (
            "/ko/nope/",
            "페이지를 찾을 수 없습니다",
            "요청하신 페이지가 없거나 아직 공개되지 않았습니다.",
            '<a href="http://testserver/en/" hreflang="en" lang="en">English</a>',
        ),
    ],
)
def test_page_not_found_is_translated(client, path, title, text, other_home):
    response = client.get(path)

    assertContains(response, f"<h1>{title}</h1>", status_code=404, html=True)
    assertContains(response, f"<p>{text}</p>", status_code=404, html=True)
    assertContains(response, other_home, status_code=404, html=True)


@pytest.mark.django_db
def test_page_not_found_of_an_unpublished_post_is_translated(client):
    post = make_post(status="draft")

    response = client.get(article_url(post, "en"), HTTP_USER_AGENT=BROWSER)

    assertContains(response, "<h1>Page not found</h1>", status_code=404, html=True)
    assertContains(response, '<html lang="en">', status_code=404)

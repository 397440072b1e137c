"""The project's own views (whrcf/views.py): home, favicon.ico, robots.txt, healthz and media."""

import datetime
import re

import pytest
import time_machine
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils import timezone
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from editions.models import Edition, EditionPartner
from tests.factories import make_edition, make_organization, make_partner, make_post, seoul
from tests.pages import json_ld, section_titles

pytestmark = pytest.mark.django_db


# The home page


@pytest.mark.parametrize(("language", "site_title"), [("ko", "세계인권도시포럼 뉴스"), ("en", "WHRCF News")])
def test_home_declares_its_language(client, language, site_title):
    response = client.get(f"/{language}/")

    assertContains(response, f'<html lang="{language}">')
    assertContains(response, f'<a class="site-title" href="/{language}/">{site_title}</a>', html=True)


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


@pytest.mark.parametrize(("language", "name"), [("ko", "세계인권도시포럼"), ("en", "World Human Rights Cities Forum")])
def test_home_carries_the_forum_as_an_organization(client, language, name):
    response = client.get(f"/{language}/")

    assert json_ld(response) == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": name,
        "url": "https://www.whrcf.org/",
        "logo": {"@type": "ImageObject", "url": "http://testserver/static/img/logo.png", "width": 512, "height": 512},
    }


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


@pytest.mark.parametrize(("language", "empty"), [("ko", "아직 소식이 없습니다."), ("en", "No news yet.")])
def test_home_without_content_says_so(client, language, empty):
    response = client.get(f"/{language}/")

    assert response.context["edition"] is None
    assertContains(response, f"<p>{empty}</p>", html=True)
    assertNotContains(response, "edition-banner")
    assertNotContains(response, "pinned-heading")
    assertNotContains(response, "partners-heading")


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


# favicon.ico


def test_favicon_address_points_at_the_static_icon(client):
    response = client.get("/favicon.ico")

    assert (response.status_code, response["Location"]) == (302, "/static/img/favicon.ico")
    assert response["Cache-Control"] == "max-age=86400, public"
    with Image.open(finders.find("img/favicon.ico")) as icon:
        assert (icon.format, sorted(icon.info["sizes"])) == ("ICO", [(16, 16), (32, 32), (48, 48), (64, 64)])


@pytest.mark.parametrize("language", ["ko", "en"])
def test_pages_link_the_icon(client, language):
    response = client.get(f"/{language}/")

    assertContains(response, '<link rel="icon" href="/static/img/favicon.ico" sizes="any">')


# robots.txt


def test_robots_txt_points_at_the_sitemap_and_keeps_private_pages_out(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /ko/news/preview/",
        "Disallow: /ko/news/?q=",
        "Disallow: /ko/search/",
        "Disallow: /en/news/preview/",
        "Disallow: /en/news/?q=",
        "Disallow: /en/search/",
        "",
        "Sitemap: http://testserver/sitemap.xml",
    ]


# The health check and uploaded files


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")

    assert (response.status_code, response.json()) == (200, {"status": "ok", "database": "ok", "cache": "ok"})
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_an_unreachable_cache_as_degraded_not_down(settings):
    settings.CACHES = {"default": {"BACKEND": "common.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}

    response = Client().get("/healthz")

    assert (response.status_code, response.json()) == (200, {"status": "degraded", "database": "ok", "cache": "error"})


def test_uploaded_html_is_served_as_a_download_never_as_a_page(client, media_root):
    media_root.mkdir(parents=True)
    (media_root / "attack.html").write_text("<script>alert(1)</script>")

    response = client.get("/media/attack.html")

    assert response["Content-Type"] == "text/html"
    assert response["Content-Disposition"] == 'attachment; filename="attack.html"'
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_uploaded_image_is_served_inline(client, media_root):
    media_root.mkdir(parents=True)
    (media_root / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    response = client.get("/media/cover.png")

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="cover.png"'


def test_revalidated_image_is_not_modified(client, media_root):
    media_root.mkdir(parents=True)
    (media_root / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    first = client.get("/media/cover.png")

    again = client.get("/media/cover.png", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert (again.status_code, again.content) == (304, b"")
    assert again["X-Content-Type-Options"] == "nosniff"


def test_uploaded_files_are_kept_by_browsers_for_a_day(client, media_root):
    media_root.mkdir(parents=True)
    (media_root / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    first = client.get("/media/cover.png")

    again = client.get("/media/cover.png", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert (first.status_code, first["Cache-Control"]) == (200, "public, max-age=86400")
    assert (again.status_code, again["Cache-Control"]) == (304, "public, max-age=86400")


def test_media_outside_the_media_folder_is_a_bad_request(client, media_root):
    media_root.mkdir(parents=True)

    response = client.get("/media/../manage.py")

    assert response.status_code == 400


@pytest.fixture
def database_down(transactional_db):
    """The database stops answering: the connection is pointed where no database is."""
    from django.db import connection

    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent/whrcf/db.sqlite3"
    else:
        connection.settings_dict.update(HOST="127.0.0.1", PORT="1")
    yield
    connection.close()
    connection.settings_dict.update(saved)


@pytest.mark.parametrize(
    ("url", "language", "heading"),
    [
        ("/en/forums/", "en", "This page is temporarily unavailable"),
        ("/ko/forums/", "ko", "이 페이지를 잠시 볼 수 없습니다"),
    ],
)
def test_a_page_that_needs_the_database_while_it_is_down_is_a_503_in_the_readers_language(
    database_down, url, language, heading
):
    response = Client(raise_request_exception=False).get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert f'<html lang="{language}">' in response.content.decode()
    assert f"<h1>{heading}</h1>" in response.content.decode()

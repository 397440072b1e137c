"""The project's addresses (whrcf/urls.py): language prefixes, and the page of an unknown address."""

import pytest
from pytest_django.asserts import assertContains

from tests.factories import make_post
from tests.pages import BROWSER, article_url

# Language prefixes


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
@pytest.mark.parametrize(("accept_language", "language"), [(None, "ko"), ("en-US,en;q=0.9", "en"), ("fr", "ko")])
def test_post_detail_x_default_url_redirects_by_the_language_of_the_browser(client, accept_language, language):
    post = make_post()
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}

    response = client.get(f"/news/{post.pk}/{post.slug}/", **headers)

    assert response.status_code == 302
    assert response["Location"] == article_url(post, language)


# Unknown addresses


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

"""The project's middleware (whrcf/middleware.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", [{"q": "a\x00b"}, {"category": "news\x00"}, {"edition": "11\x00"}, {"page": "\x00"}])
def test_nul_character_in_the_query_string_is_a_bad_request(client, query):
    response = client.get("/ko/news/", query)

    assert (response.status_code, response.content) == (400, b"Bad request")


def test_responses_carry_a_request_id(client):
    generated = client.get("/ko/")
    forwarded = client.get("/ko/", HTTP_X_REQUEST_ID="proxy-1234abcd")
    malformed = client.get("/ko/", HTTP_X_REQUEST_ID="<script>")

    assert len(generated["X-Request-ID"]) == 32
    assert forwarded["X-Request-ID"] == "proxy-1234abcd"
    assert malformed["X-Request-ID"] != "<script>"


def large_upload(size=6 * 1024 * 1024):
    """A file larger than Django keeps in memory: parsing it would write a temporary file."""
    return SimpleUploadedFile("big.bin", b"\0" * size, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("language", "heading"), [("ko", "<h1>요청이 너무 큽니다</h1>"), ("en", "<h1>This request is too large</h1>")]
)
@pytest.mark.django_db
def test_large_post_of_a_visitor_is_refused_before_its_body_is_read(language, heading):
    response = Client(enforce_csrf_checks=True).post(f"/{language}/news/", {"file": large_upload()})

    assertContains(response, heading, html=True, status_code=413)
    assert not response.wsgi_request._read_started


@pytest.mark.django_db
def test_large_post_of_staff_reaches_the_view(staff_client):
    response = staff_client.post("/ko/news/", {"file": large_upload()})

    assert response.status_code == 200


@pytest.mark.django_db
def test_small_post_of_a_visitor_goes_on_to_the_view():
    response = Client(enforce_csrf_checks=True).post("/ko/news/", {"q": "포럼"})

    assert response.status_code == 403

"""The project's middleware (whrcf/middleware.py)."""

import pytest

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

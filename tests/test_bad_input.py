import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", [{"q": "a\x00b"}, {"category": "news\x00"}, {"edition": "11\x00"}, {"page": "\x00"}])
def test_nul_character_in_the_query_string_is_a_bad_request(client, query):
    response = client.get("/ko/news/", query)

    assert (response.status_code, response.content) == (400, b"Bad request")

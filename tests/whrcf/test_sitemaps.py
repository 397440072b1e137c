"""The sitemap (whrcf/sitemaps.py): every public page, in each language it has."""

import datetime

import pytest
from django.utils import timezone

from news.models import Post
from tests.factories import make_edition, make_post, make_session
from tests.pages import sitemap_entries

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_public_page_in_each_language_it_has(client):
    edition = make_edition(number=11)
    session = make_session(edition)
    both = make_post(slug="both")
    korean_only = make_post(slug="korean-only", title_en="", summary_en="", body_en="")
    make_post(slug="draft", status=Post.Status.DRAFT)
    make_post(slug="scheduled", published_at=timezone.now() + datetime.timedelta(days=1))

    entries = sitemap_entries(client)

    assert sorted(entries) == sorted(
        f"http://testserver{path}"
        for path in [
            "/ko/",
            "/en/",
            "/ko/news/",
            "/en/news/",
            "/ko/forums/",
            "/en/forums/",
            "/ko/forums/declarations/",
            "/en/forums/declarations/",
            "/ko/organizations/",
            "/en/organizations/",
            f"/ko/news/{both.pk}/both/",
            f"/en/news/{both.pk}/both/",
            f"/ko/news/{korean_only.pk}/korean-only/",
            "/ko/forums/11/",
            "/en/forums/11/",
            f"/ko/forums/11/sessions/{session.pk}/",
            f"/en/forums/11/sessions/{session.pk}/",
        ]
    )
    assert entries[f"http://testserver/en/news/{both.pk}/both/"] == {
        "ko": f"http://testserver/ko/news/{both.pk}/both/",
        "en": f"http://testserver/en/news/{both.pk}/both/",
        "x-default": f"http://testserver/news/{both.pk}/both/",
    }
    assert entries[f"http://testserver/ko/news/{korean_only.pk}/korean-only/"] == {
        "ko": f"http://testserver/ko/news/{korean_only.pk}/korean-only/",
        "x-default": f"http://testserver/news/{korean_only.pk}/korean-only/",
    }


def test_sitemap_alternates_are_reciprocal(client):
    make_edition(number=11)
    make_post(slug="both")

    entries = sitemap_entries(client)

    for location, alternates in entries.items():
        for hreflang, href in alternates.items():
            if hreflang != "x-default":
                assert entries[href] == alternates, location


@pytest.mark.parametrize("size", [2, 12])
def test_sitemap_query_count_does_not_grow_with_content(client, django_assert_num_queries, size):
    edition = make_edition()
    for number in range(size):
        make_post(published_at=timezone.now() - datetime.timedelta(days=number + 1), edition=edition)
        make_session(edition)

    with django_assert_num_queries(SITEMAP_QUERIES):
        response = client.get("/sitemap.xml")

    locations = response.content.decode().count("<loc>")
    # Each post, session and the edition in both languages, beside the fixed pages.
    assert locations - 2 * (size + size + 1) == FIXED_SITEMAP_LOCATIONS


# The home page, the news list, the forums, the organizations and the declarations, in both languages.
FIXED_SITEMAP_LOCATIONS = 10
# One query per kind of object in it: posts, editions, sessions, organizations, declarations, people.
SITEMAP_QUERIES = 6

"""The sitemap (whrcf/sitemaps.py): every public page, in each language it has."""

import datetime

import pytest
from django.utils import timezone

from news.models import Post
from tests.factories import make_edition, make_post, make_posts, make_session
from tests.pages import SITEMAP, relative, sitemap_entries, sitemap_index, sitemap_urls

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_public_page_in_each_language_it_has(client):
    edition = make_edition(number=11)
    session = make_session(edition)
    both = make_post(slug="both")
    korean_only = make_post(slug="", title_en="", summary_en="", body_en="")
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
            f"/ko/news/{korean_only.pk}/",
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
    assert entries[f"http://testserver/ko/news/{korean_only.pk}/"] == {
        "ko": f"http://testserver/ko/news/{korean_only.pk}/",
        "x-default": f"http://testserver/news/{korean_only.pk}/",
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

    with django_assert_num_queries(INDEX_QUERIES):
        client.get("/sitemap.xml")
    with django_assert_num_queries(SECTION_PAGE_QUERIES):
        news = client.get("/sitemap-news.xml")

    # Each post in both languages.
    assert news.content.decode().count("<loc>") == 2 * size


# Each section's size, the newest change of posts and of declarations, and for the page
# cache, when the next scheduled post is due.
INDEX_QUERIES = 9
# The section's size, then its page.
SECTION_PAGE_QUERIES = 2


def test_sitemap_is_an_index_of_its_sections(client):
    make_edition(number=11)
    make_post()

    assert sitemap_index(client) == [
        "/sitemap-pages.xml",
        "/sitemap-news.xml",
        "/sitemap-forums.xml",
        "/sitemap-sessions.xml",
        "/sitemap-declarations.xml",
        "/sitemap-organizations.xml",
        "/sitemap-people.xml",
    ]


def test_every_published_post_is_listed_in_pages_of_at_most_5000_urls(client):
    posts = make_posts(2501)
    make_post(slug="draft", status=Post.Status.DRAFT)

    index = sitemap_index(client)
    pages = [sitemap_urls(client, address) for address in index if address.startswith("/sitemap-news.xml")]

    assert [address for address in index if address.startswith("/sitemap-news.xml")] == [
        "/sitemap-news.xml",
        "/sitemap-news.xml?p=2",
    ]
    assert [len(page) for page in pages] == [5_000, 2]
    listed = [relative(url.findtext(f"{SITEMAP}loc")) for page in pages for url in page]
    assert sorted(listed) == sorted(f"/{code}/news/{post.pk}/{post.slug}/" for post in posts for code in ("ko", "en"))
    assert client.get("/sitemap-news.xml?p=3").status_code == 404


@pytest.mark.parametrize("page", ["0", "abc", "99999999999999999999"])
def test_sitemap_page_that_does_not_exist_is_not_found(client, page):
    make_post()

    response = client.get("/sitemap-news.xml", {"p": page})

    assert response.status_code == 404


def test_sitemap_section_is_served_from_the_cache_until_content_changes(client, django_assert_num_queries):
    make_post(slug="first")
    client.get("/sitemap-news.xml")

    with django_assert_num_queries(0):
        cached = client.get("/sitemap-news.xml")
    second = make_post(slug="second")
    renewed = client.get("/sitemap-news.xml")

    assert "/second/" not in cached.content.decode()
    assert f"http://testserver/en/news/{second.pk}/second/" in renewed.content.decode()

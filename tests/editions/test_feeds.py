"""The declarations feed (editions/feeds.py)."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_declaration, make_edition
from tests.pages import rss_items

pytestmark = pytest.mark.django_db


def test_korean_declaration_feed_lists_every_published_declaration_newest_first(client, declaration):
    make_declaration(make_edition(number=12, year=2022), title_ko="제12회 포럼 선언문", title_en="")
    make_declaration(make_edition(number=13, year=2023), title_ko="비공개 선언문", is_published=False)

    channel, items = rss_items(client.get("/ko/forums/declarations/feed/"), fields=("title", "link", "pubDate"))

    assert channel.findtext("language") == "ko"
    assert channel.findtext("link") == "http://testserver/ko/forums/declarations/"
    assert items == [
        ("제12회 포럼 선언문", "http://testserver/ko/forums/12/declaration/", "Mon, 10 Oct 2022 00:00:00 +0900"),
        (
            "제11회 세계인권도시포럼 광주선언문",
            "http://testserver/ko/forums/11/declaration/",
            "Sun, 10 Oct 2021 00:00:00 +0900",
        ),
    ]


def test_english_declaration_feed_lists_only_declarations_written_in_english(client, declaration):
    make_declaration(make_edition(number=12, year=2022), title_ko="제12회 포럼 선언문", title_en="")

    channel, items = rss_items(client.get("/en/forums/declarations/feed/"), fields=("title", "link", "pubDate"))

    assert channel.findtext("language") == "en"
    assert channel.findtext("title") == "Declarations · World Human Rights Cities Forum"
    assert items == [
        (
            "Gwangju Declaration of the 11th World Human Rights Cities Forum",
            "http://testserver/en/forums/11/declaration/",
            "Sun, 10 Oct 2021 00:00:00 +0900",
        )
    ]
    assert channel.find("item").findtext("description") == (
        "Adopted at the close of the 11th World Human Rights Cities Forum."
    )


def test_declaration_atom_feed_links_each_declaration(client, declaration):
    root = ET.fromstring(client.get("/en/forums/declarations/feed/atom/").content)

    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert [entry.find("{http://www.w3.org/2005/Atom}link").get("href") for entry in entries] == [
        "http://testserver/en/forums/11/declaration/"
    ]


# Query counts


@pytest.mark.parametrize("size", [1, 4])
def test_declaration_feed_query_count_does_not_grow_with_declarations(client, django_assert_num_queries, size):
    for number in range(1, size + 1):
        make_declaration(make_edition(number=number, year=2010 + number))

    # The declarations with their forums, and when the next scheduled post is due.
    with django_assert_num_queries(2):
        response = client.get("/ko/forums/declarations/feed/")

    assert len(rss_items(response)[1]) == size

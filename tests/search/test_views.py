"""The search page (search/views.py): results by kind in the reader's language, the
words found marked as written, the messages for too short or unmatched queries, the
limit on searches per reader and the bound on a slow search."""

import re
import threading
import time

import psycopg2
import pytest
from django import db
from django.conf import settings
from django.db import connection
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from editions.models import Session
from news.models import Post
from tests.factories import (
    days_ago,
    make_declaration,
    make_edition,
    make_organization,
    make_partner,
    make_post,
    make_session,
    make_speaker,
)
from tests.pages import card_titles, get, section

pytestmark = pytest.mark.django_db


def link_texts(markup):
    return [re.sub(r"</?mark>", "", text) for text in re.findall(r'<li><a href="[^"]*"[^>]*>(.*?)</a>', markup)]


@pytest.fixture
def archive():
    """Content of every kind mentioning 광주 / Gwangju, and a post that does not."""
    edition = make_edition(number=11, year=2021)
    make_post(
        slug="opening",
        title_ko="광주에서 포럼 개막",
        title_en="Forum opens in Gwangju",
        summary_ko="광주의 인권도시들이 모였다.",
        summary_en="Gwangju's human rights cities met.",
        published_at=days_ago(2),
    )
    make_post(slug="other", title_ko="서울 소식", title_en="News from Seoul", summary_ko="", summary_en="")
    session = make_session(edition, title_ko="광주 인권 회의", title_en="Gwangju human rights meeting")
    make_speaker(session, name_ko="김광주", name_en="Kim Gwangju")
    organization = make_organization(slug="gwangju", name_ko="광주광역시", name_en="Gwangju Metropolitan City")
    make_partner(edition, organization)
    make_declaration(edition, title_ko="광주선언문", title_en="Gwangju Declaration")
    return edition


@pytest.mark.parametrize(
    ("language", "count_text", "news", "sessions", "organizations", "declarations"),
    [
        ("ko", "“광주” 검색 결과 4건", "뉴스", "세션", "기관", "선언문"),
        ("en", "4 results for “광주”", "News", "Sessions", "Organizations", "Declarations"),
    ],
)
def test_search_page_groups_results_by_kind_with_counts(
    client, archive, language, count_text, news, sessions, organizations, declarations
):
    response = get(client, f"/{language}/search/", data={"q": "광주"})

    assert response.status_code == 200
    assertContains(response, f'<p class="result-count">{count_text}</p>', html=True)
    assert card_titles(response) == [{"ko": "광주에서 포럼 개막", "en": "Forum opens in Gwangju"}[language]]
    assert re.findall(r'<h2 id="results-\w+">([^<]*) <span', response.content.decode()) == [
        news,
        sessions,
        organizations,
        declarations,
    ]
    assert link_texts(section(response, "results-session")) == [
        {"ko": "광주 인권 회의", "en": "Gwangju human rights meeting"}[language]
    ]
    assert link_texts(section(response, "results-organization")) == [
        {"ko": "광주광역시", "en": "Gwangju Metropolitan City"}[language]
    ]
    assertContains(response, f'<a href="/{language}/forums/11/declaration/">')


def test_search_page_links_each_result_in_the_readers_language(client, archive):
    session = Session.objects.get()

    response = get(client, "/en/search/", data={"q": "Gwangju"})

    assertContains(response, '<a href="/en/news/')
    assertContains(response, f'<a href="/en/forums/11/sessions/{session.pk}/">')
    assertContains(response, '<a href="/en/organizations/gwangju/">')
    assertNotContains(response, 'href="/ko/news/')


def test_search_page_marks_the_words_as_written(client, archive):
    korean = get(client, "/ko/search/", data={"q": "광주의 인권도시"})
    english = get(client, "/en/search/", data={"q": "gwangju city"})

    assertContains(korean, "<mark>광주의</mark> <mark>인권도시들이</mark> 모였다.")
    assertContains(english, "<mark>Gwangju&#x27;s</mark> human rights <mark>cities</mark> met.")


def test_search_page_finds_sessions_by_their_speakers(client, archive):
    response = get(client, "/en/search/", data={"q": "Kim Gwangju", "kind": "session"})

    assert link_texts(section(response, "results-session")) == ["Gwangju human rights meeting"]


def test_search_page_of_one_kind_lists_only_that_kind_page_by_page(client):
    for day in range(1, 23):
        make_post(title_ko=f"광주 소식 {day}", published_at=days_ago(day))

    first = get(client, "/ko/search/", data={"q": "광주", "kind": "news"})
    second = get(client, "/ko/search/", data={"q": "광주", "kind": "news", "page": "2"})

    assert card_titles(first) == [f"광주 소식 {day}" for day in range(1, 21)]
    assert card_titles(second) == ["광주 소식 21", "광주 소식 22"]
    assertContains(first, '<a rel="next" href="?q=%EA%B4%91%EC%A3%BC&amp;kind=news&amp;page=2">다음 글</a>')


@pytest.mark.parametrize(
    ("language", "message", "suggestion"),
    [
        ("ko", "“xylophone”에 대한 검색 결과가 없습니다.", "다른 언어로 된 낱말로 찾아 보세요 (광주 또는 Gwangju)."),
        ("en", "No results for “xylophone”.", "Try the word in the other language (광주 or Gwangju)."),
    ],
)
def test_search_page_without_results_suggests_what_to_try(client, archive, language, message, suggestion):
    response = get(client, f"/{language}/search/", data={"q": "xylophone"})

    assert response.status_code == 200
    assertContains(response, f'<p class="result-count">{message}</p>', html=True)
    assertContains(response, f"<li>{suggestion}</li>", html=True)


@pytest.mark.parametrize("text", ["a", "광", "  !  ", "the", "%_"])
def test_search_page_refuses_queries_too_short_to_help(client, archive, text, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = get(client, "/en/search/", data={"q": text})

    assert response.status_code == 200
    assertContains(response, "is too short to search: type a word of at least two letters.")
    assert card_titles(response) == []


def test_search_page_is_not_indexed_and_escapes_the_query(client, archive):
    response = get(client, "/ko/search/", data={"q": "<script>광주</script>"})

    assert response["X-Robots-Tag"] == "noindex"
    assertContains(response, '<meta name="robots" content="noindex">')
    assertNotContains(response, "<script>광주")
    assertContains(response, "<title>검색: &lt;script&gt;광주&lt;/script&gt; · 세계인권도시포럼</title>")


def test_search_page_cuts_very_long_queries(client):
    make_post(title_ko="포럼 소식")

    response = get(client, "/ko/search/", data={"q": "포럼 " * 1000})

    assert response.context["query"].text == " ".join(["포럼"] * 33)
    assert card_titles(response) == ["포럼 소식"]


def test_search_page_query_count_does_not_grow_with_results(client, archive, django_assert_num_queries):
    for day in range(10):
        make_post(title_ko=f"광주 소식 {day}", published_at=days_ago(day + 3))
    # Per search: the count of each kind (one each, as far as SEARCH_COUNT_LIMIT), then per
    # kind its results and their objects; on PostgreSQL also the savepoint with the
    # statement timeout and the planner hint (SAVEPOINT, SELECT set_config, RELEASE).
    expected = 4 + 4 * 2 + (3 if connection.vendor == "postgresql" else 0)

    with django_assert_num_queries(expected):
        response = get(client, "/ko/search/", data={"q": "광주"})

    assert len(card_titles(response)) == 5


@pytest.mark.parametrize(
    ("language", "heading"), [("ko", "<h1>검색이 너무 잦습니다</h1>"), ("en", "<h1>Too many searches</h1>")]
)
def test_search_page_answers_429_to_a_reader_searching_too_fast(client, settings, language, heading):
    settings.SEARCH_RATE = "3/m"
    make_post(title_ko="광주 소식")

    statuses = [get(client, f"/{language}/search/", data={"q": "광주"}).status_code for _ in range(3)]
    refused = get(client, f"/{language}/search/", data={"q": "광주"})
    other_reader = get(client, f"/{language}/search/", data={"q": "광주"}, REMOTE_ADDR="192.0.2.7")

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assertContains(refused, heading, status_code=429, html=True)
    assert other_reader.status_code == 200


@pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql", reason="PostgreSQL")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "heading"), [("ko", "<h1>검색이 밀려 있습니다</h1>"), ("en", "<h1>Search is busy</h1>")]
)
def test_search_page_answers_503_when_a_search_runs_past_the_timeout(client, settings, language, heading):
    settings.SEARCH_TIMEOUT_MS = 200
    make_post(title_ko="광주 소식")
    database = connection.settings_dict
    blocker = psycopg2.connect(
        dbname=database["NAME"], user=database["USER"], host=database["HOST"], port=database["PORT"]
    )
    try:
        with blocker.cursor() as cursor:
            cursor.execute("LOCK TABLE search_searchentry IN ACCESS EXCLUSIVE MODE")

        response = get(client, f"/{language}/search/", data={"q": "광주"})
    finally:
        blocker.close()

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assertContains(response, heading, status_code=503, html=True)


def active_searches_waiting_for_a_lock():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE wait_event_type = 'Lock' AND query LIKE '%search_searchentry%'"
        )
        return cursor.fetchone()[0]


@pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql", reason="PostgreSQL")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ko", "지금 검색하는 분이 많습니다. 잠시 뒤에 다시 찾아 보세요."),
        ("en", "Many readers are searching right now. Please try again in a few seconds."),
    ],
)
def test_search_page_answers_503_busy_while_another_search_holds_the_slot(client, settings, language, message):
    """A first search, held by a lock on the index, holds the site's one slot
    (SEARCH_CONCURRENCY): a second reader's search, at the same time, is told to try
    again; once the first is done, searches run again."""
    settings.SEARCH_TIMEOUT_MS = 10_000
    titles = {"ko": "광주 소식", "en": "Gwangju news"}
    make_post(title_ko=titles["ko"], title_en=titles["en"])
    database = connection.settings_dict
    blocker = psycopg2.connect(
        dbname=database["NAME"], user=database["USER"], host=database["HOST"], port=database["PORT"]
    )
    first = {}

    def first_search():
        try:
            first["response"] = get(Client(), f"/{language}/search/", data={"q": "광주"})
        finally:
            db.connections.close_all()

    try:
        with blocker.cursor() as cursor:
            cursor.execute("LOCK TABLE search_searchentry IN ACCESS EXCLUSIVE MODE")
        thread = threading.Thread(target=first_search)
        thread.start()
        deadline = time.monotonic() + 10
        while not active_searches_waiting_for_a_lock() and time.monotonic() < deadline:
            time.sleep(0.05)

        second = get(client, f"/{language}/search/", data={"q": "광주"}, REMOTE_ADDR="192.0.2.8")
    finally:
        blocker.close()
    thread.join()
    third = get(client, f"/{language}/search/", data={"q": "광주"}, REMOTE_ADDR="192.0.2.9")

    assert second.status_code == 503
    assert second["Retry-After"] == "2"
    assertContains(second, f"<p>{message}</p>", status_code=503, html=True)
    assert first["response"].status_code == 200
    assert card_titles(first["response"]) == card_titles(third) == [titles[language]]


@pytest.mark.parametrize(
    ("language", "count_text", "kind_link"),
    [
        ("ko", "“광주 인권” 검색 결과 3건 이상", "뉴스 (3+)"),
        ("en", "More than 3 results for “광주 인권”", "News (3+)"),
    ],
)
def test_search_page_counts_up_to_a_bound_and_ranks_many_results_in_tiers(
    client, settings, language, count_text, kind_link
):
    """Past SEARCH_COUNT_LIMIT, results are counted as "more than" and ranked in tiers,
    each newest first: every word in the title, then the rest (whatever the words in the
    title or summary), so each tier's page is read along an index."""
    settings.SEARCH_COUNT_LIMIT = 3
    for slug, title, summary, body, days in [
        ("both-in-title-old", "광주 인권 소식", "", "", 9),
        ("both-in-title-new", "광주 인권 행사", "", "", 5),
        ("in-body", "소식", "", "<p>광주 인권</p>", 1),
        ("one-in-title", "광주 소식", "", "<p>인권</p>", 2),
        ("in-summary", "행사", "광주 인권", "", 3),
    ]:
        fields = {"title_ko": title, "title_en": slug, "summary_ko": summary, "body_ko": body, "body_en": ""}
        make_post(slug=slug, summary_en="", published_at=days_ago(days), **fields)

    response = get(client, f"/{language}/search/", data={"q": "광주 인권", "kind": "news"})

    assertContains(response, f'<p class="result-count">{count_text}</p>', html=True)
    assertContains(response, kind_link)
    newest_first = ["both-in-title-new", "both-in-title-old", "in-body", "one-in-title", "in-summary"]
    titles = dict(Post.objects.values_list("slug", f"title_{language}"))
    assert card_titles(response) == [titles[slug] for slug in newest_first]

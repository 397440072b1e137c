"""The search index and its queries (search/models.py, search/indexing.py): the
relevance table of what readers type and exactly which posts they must find, on SQLite
and on PostgreSQL."""

import pytest

from news.models import Post
from search.models import SearchEntry
from search.query import parse
from tests.factories import days_ago, make_post

pytestmark = pytest.mark.django_db

POSTS = {
    "opens": {
        "title_ko": "광주에서 세계인권도시포럼 개막",
        "title_en": "World Human Rights Cities Forum opens in Gwangju",
        "summary_ko": "올해 포럼은 인권도시의 미래를 주제로 열렸습니다.",
        "summary_en": "This year's forum was held on the future of human rights cities.",
    },
    "closes": {
        "title_ko": "광주 포럼 폐막식 열려",
        "title_en": "Gwangju forum closing ceremony held",
        "summary_ko": "나흘간의 일정을 마치고 폐막했다.",
        "summary_en": "The forum closed after four days.",
    },
    "seoul-declaration": {
        "title_ko": "서울시 인권 선언 발표",
        "title_en": "Seoul announces a human rights declaration",
        "summary_ko": "서울의 시민들이 참여했다.",
        "summary_en": "Citizens of Seoul took part.",
    },
    "youth-city": {
        "title_ko": "청소년이 만드는 도시",
        "title_en": "A city made by young people",
        "body_ko": "<p>청소년 참여 프로그램이 아름다운 도시를 그렸다.</p>",
        "body_en": "<p>Young people drew a beautiful city.</p>",
    },
    "un-council": {
        "title_ko": "유엔 인권이사회 특별보고관 방문",
        "title_en": "UN Human Rights Council special rapporteur visits",
        "body_ko": "<p>특별보고관은 광주의 인권 정책을 살펴보았다.</p>",
        "body_en": "<p>The rapporteur looked at Gwangju's human rights policy.</p>",
    },
    "climate": {
        "title_ko": "기후위기와 인권",
        "title_en": "Climate crisis and human rights",
        "summary_ko": "기후 정의를 위한 도시들의 연대",
        "summary_en": "Cities unite for climate justice",
    },
    "korean-only": {
        "title_ko": "인권도시 네트워크 회의",
        "title_en": "",
        "summary_ko": "아시아 인권도시들이 모였다.",
        "summary_en": "",
    },
    "volunteers": {
        "title_ko": "자원봉사자 모집",
        "title_en": "Volunteers wanted",
        "summary_ko": "포럼을 도울 자원봉사자를 찾습니다.",
        "summary_en": "We are looking for volunteers to help the forum.",
    },
    "mayors": {
        "title_ko": "시장들의 라운드테이블",
        "title_en": "Mayors' roundtable on inclusive cities",
        "body_en": "<p>Mayors of Gwangju and Seoul discussed inclusion.</p>",
    },
    "exhibition": {
        "title_ko": "인권 사진 전시회 열린다",
        "title_en": "Human rights photo exhibition opens",
        "body_ko": "<p>5·18 민주화운동 기록 사진</p>",
        "body_en": "<p>Photographs of the May 18 Democratic Uprising</p>",
    },
    "award": {
        "title_ko": "광주인권상 시상식",
        "title_en": "Gwangju Prize for Human Rights ceremony",
    },
    "draft": {
        "title_ko": "광주 인권 비공개 초안",
        "title_en": "Gwangju human rights draft",
        "status": Post.Status.DRAFT,
    },
    "scheduled": {
        "title_ko": "광주 인권 예정 기사",
        "title_en": "Gwangju human rights scheduled",
        "published_at": days_ago(-3),
    },
}

RELEVANCE = [
    # Korean: particles and endings
    ("광주", {"opens", "closes", "un-council", "award"}),
    ("광주의", {"opens", "closes", "un-council", "award"}),
    ("광주에서", {"opens", "closes", "un-council", "award"}),
    ("청소년이", {"youth-city"}),
    ("자원봉사자를", {"volunteers"}),
    ("시장들의", {"mayors"}),
    ("서울", {"seoul-declaration"}),
    ("선언", {"seoul-declaration"}),
    # verbs and adjectives by their stems
    ("열린", {"opens", "closes", "exhibition"}),
    ("열렸습니다", {"opens", "closes", "exhibition"}),
    ("아름다운", {"youth-city"}),
    # compound nouns, whole or by their parts
    ("인권도시", {"opens", "korean-only", "climate"}),
    ("인권도시에서", {"opens", "korean-only", "climate"}),
    ("인권이사회", {"un-council"}),
    ("특별보고관", {"un-council"}),
    ("기후위기", {"climate"}),
    ("기후", {"climate"}),
    ("폐막", {"closes"}),
    ("폐막식", {"closes"}),
    ("자원봉사자", {"volunteers"}),
    # two and three words, any order
    ("인권 도시", {"opens", "korean-only", "climate"}),
    ("광주 폐막", {"closes"}),
    ("광주 인권", {"opens", "un-council", "award"}),
    ("인권 광주", {"opens", "un-council", "award"}),
    ("아름다운 도시", {"youth-city"}),
    ("네트워크 회의", {"korean-only"}),
    ("광주 인권 포럼", {"opens"}),
    ("광주 인권 폐막", set()),
    # English: plurals, possessives, case
    ("forum", {"opens", "closes", "volunteers"}),
    ("forums", {"opens", "closes", "volunteers"}),
    ("FORUM", {"opens", "closes", "volunteers"}),
    ("gwangju", {"opens", "closes", "un-council", "mayors", "award"}),
    ("gwangju's", {"opens", "closes", "un-council", "mayors", "award"}),
    ("Gwangju’s", {"opens", "closes", "un-council", "mayors", "award"}),
    ("cities", {"opens", "climate", "mayors", "youth-city"}),
    ("city", {"opens", "climate", "mayors", "youth-city"}),
    ("human rights city", {"opens", "climate"}),
    ("mayors", {"mayors"}),
    ("volunteer", {"volunteers"}),
    ("photographs", {"exhibition"}),
    ("inclusive", {"mayors"}),
    ("young people", {"youth-city"}),
    ("UN", {"un-council"}),
    ("rapporteur", {"un-council"}),
    ("climate crisis", {"climate"}),
    ("Seoul", {"seoul-declaration", "mayors"}),
    # mixed scripts
    ("Gwangju 인권", {"opens", "un-council", "award"}),
    ("광주 human rights", {"opens", "un-council", "award"}),
    ("유엔 rapporteur", {"un-council"}),
    # exact phrases
    ('"human rights cities"', {"opens"}),
    ('"human rights city"', set()),
    ('"광주 포럼"', {"closes"}),
    ('"광주 포럼" 폐막식', {"closes"}),
    # nothing public to find
    ("비공개", set()),
    ("예정", set()),
    ("xylophone", set()),
]


def public_posts_found(text):
    query = parse(text)
    entries = SearchEntry.objects.public().matching(query.requirements, query.phrases).ranked(query.requirements)
    pks = list(entries.filter(kind=SearchEntry.Kind.NEWS).values_list("object_id", flat=True))
    slugs = dict(Post.objects.filter(pk__in=pks).values_list("pk", "slug"))
    return [slugs[pk] for pk in pks]


def make_posts():
    for slug, fields in POSTS.items():
        make_post(slug=slug, **({"body_ko": "", "body_en": "", "summary_ko": "", "summary_en": ""} | fields))


def test_relevance_table_finds_exactly_the_posts_readers_expect():
    make_posts()

    found = {text: set(public_posts_found(text)) for text, _expected in RELEVANCE}

    assert found == dict(RELEVANCE)
    assert len(RELEVANCE) >= 40


def test_search_ranks_title_matches_first_then_summary_matches_then_the_newest():
    make_post(slug="body-old", title_ko="소식", summary_ko="", body_ko="<p>광주 소식</p>", published_at=days_ago(1))
    make_post(slug="title-old", title_ko="광주 소식", summary_ko="", body_ko="", published_at=days_ago(9))
    make_post(slug="title-new", title_ko="광주 행사", summary_ko="", body_ko="", published_at=days_ago(2))
    make_post(slug="summary", title_ko="행사", summary_ko="광주에서", body_ko="", published_at=days_ago(5))
    make_post(slug="title-and-summary", title_ko="광주 모임", summary_ko="광주", published_at=days_ago(20))

    assert public_posts_found("광주") == ["title-and-summary", "title-new", "title-old", "summary", "body-old"]


def test_search_ranks_posts_with_more_words_in_the_title_first():
    make_post(slug="one-word", title_ko="광주 소식", body_ko="<p>인권</p>", published_at=days_ago(1))
    make_post(slug="two-words", title_ko="광주 인권 소식", published_at=days_ago(3))

    assert public_posts_found("인권 광주") == ["two-words", "one-word"]


def test_index_follows_edits_publishing_and_deletion():
    post = make_post(slug="edited", title_ko="광주 소식", status=Post.Status.DRAFT)
    assert public_posts_found("광주") == []

    Post.objects.filter(pk=post.pk).publish_now()
    assert public_posts_found("광주") == ["edited"]

    post.refresh_from_db()
    post.title_ko = "서울 소식"
    post.save()
    assert (public_posts_found("광주"), public_posts_found("서울")) == ([], ["edited"])

    Post.objects.filter(pk=post.pk).unpublish()
    assert public_posts_found("서울") == []

    post.delete()
    assert SearchEntry.objects.filter(kind=SearchEntry.Kind.NEWS).count() == 0


def test_scheduled_post_is_found_once_its_time_has_come():
    post = make_post(slug="soon", title_ko="광주 소식", published_at=days_ago(-1))
    assert public_posts_found("광주") == []

    Post.objects.filter(pk=post.pk).update(published_at=days_ago(1))
    SearchEntry.objects.filter(object_id=post.pk).update(public_from=days_ago(1))

    assert public_posts_found("광주") == ["soon"]

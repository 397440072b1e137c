"""The news list and its filters, the article, its attachments, and the staff's preview (news/views.py)."""

import datetime
import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django.utils.formats import date_format
from pytest_django.asserts import assertContains, assertNotContains

from news.counting import COOKIE_NAME
from news.models import Post
from tests.factories import (
    days_ago,
    make_attachment,
    make_category,
    make_edition,
    make_png,
    make_post,
    make_session,
    make_staff,
    seoul,
    views_of,
)
from tests.pages import BROWSER, article_url, card_titles, get, open_graph

pytestmark = pytest.mark.django_db


# The list


@pytest.mark.parametrize("language", ["ko", "en"])
def test_post_list_shows_published_posts_newest_first(client, language):
    middle = make_post(published_at=days_ago(2))
    newest = make_post(published_at=days_ago(1))
    oldest = make_post(published_at=days_ago(3))

    response = get(client, f"/{language}/news/")

    expected = [getattr(post, f"title_{language}") for post in (newest, middle, oldest)]
    assert card_titles(response) == expected
    assert list(response.context["posts"]) == [newest, middle, oldest]


def test_post_list_leaves_out_drafts_and_scheduled_posts(client):
    published = make_post(title_ko="공개된 글")
    make_post(title_ko="임시 저장 글", status=Post.Status.DRAFT)
    make_post(title_ko="예약된 글", published_at=timezone.now() + datetime.timedelta(hours=1))

    response = get(client, "/ko/news/")

    assert card_titles(response) == ["공개된 글"]
    assert list(response.context["posts"]) == [published]


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Post.Status.DRAFT},
        {"published_at": timezone.now() + datetime.timedelta(days=365)},
    ],
    ids=["draft", "scheduled"],
)
@pytest.mark.parametrize("language", ["ko", "en"])
def test_post_detail_of_unpublished_post_is_not_found(client, language, fields):
    post = make_post(**fields)

    response = get(client, article_url(post, language))

    assert response.status_code == 404
    assert views_of(post) == 0


def test_post_list_pages_by_twenty(client):
    posts = [make_post(published_at=days_ago(day)) for day in range(1, 26)]

    first = get(client, "/ko/news/")
    second = get(client, "/ko/news/?page=2")

    assert card_titles(first) == [post.title_ko for post in posts[:20]]
    assert card_titles(second) == [post.title_ko for post in posts[20:]]
    assertContains(first, "<span>2쪽 중 1쪽</span>", html=True)
    assertContains(first, '<a rel="next" href="?page=2">이전 글 목록</a>', html=True)
    assertNotContains(first, 'rel="prev"')
    assertContains(second, "<span>2쪽 중 2쪽</span>", html=True)
    assertContains(second, '<a rel="prev" href="?page=1">최신 글</a>', html=True)
    assertNotContains(second, 'rel="next"')


@pytest.mark.parametrize(("language", "older"), [("ko", "이전 글 목록"), ("en", "Older")])
def test_post_list_numbers_the_pages_around_the_current_one(client, language, older):
    for day in range(1, 20 * 11 + 2):
        make_post(published_at=days_ago(day))

    response = get(client, f"/{language}/news/?page=6")

    assert pagination_links(response) == [
        ("?page=5", None),
        ("?page=1", "1"),
        ("…", None),
        ("?page=4", "4"),
        ("?page=5", "5"),
        ("?page=6", "6 current"),
        ("?page=7", "7"),
        ("?page=8", "8"),
        ("…", None),
        ("?page=12", "12"),
        ("?page=7", None),
    ]
    assertContains(response, f'<a rel="next" href="?page=7">{older}</a>', html=True)


def pagination_links(response):
    """[(href or "…", page number as shown, "current" added)] of the pagination, in order;
    the number is None for the previous and next links."""
    content = response.content.decode()
    nav = content[
        content.index('<nav class="pagination"') : content.index("</nav>", content.index('<nav class="pagination"'))
    ]
    links = []
    for match in re.finditer(r'<a (rel="\w+" )?href="([^"]*)"( aria-current="page")?>([^<]*)</a>|<li>…</li>', nav):
        if match.group(0) == "<li>…</li>":
            links.append(("…", None))
        elif match.group(1):
            links.append((html.unescape(match.group(2)), None))
        else:
            links.append((html.unescape(match.group(2)), match.group(4) + (" current" if match.group(3) else "")))
    return links


@pytest.mark.parametrize(
    ("language", "all_forums", "eleventh"),
    [("ko", "모든 포럼", "제11회 세계인권도시포럼"), ("en", "All forums", "11th World Human Rights Cities Forum")],
)
def test_post_list_offers_a_forum_filter_keeping_the_category(client, language, all_forums, eleventh):
    make_edition(number=11, year=2021)
    make_edition(number=12, year=2022)
    make_category(slug="press", name_ko="보도자료", name_en="Press releases")

    response = get(client, f"/{language}/news/?category=press&edition=11")

    form = response.content.decode().split('<form class="filter-form" method="get">')[1].split("</form>")[0]
    assert '<input type="hidden" name="category" value="press">' in form
    assert re.findall(r'<option value="(\d*)"( selected)?>([^<]*)</option>', form) == [
        ("", "", all_forums),
        ("12", "", eleventh.replace("11", "12")),
        ("11", " selected", eleventh),
    ]


@pytest.mark.parametrize(
    ("language", "follow"), [("ko", "피드 리더로 이 목록 구독하기:"), ("en", "Follow this list in a feed reader:")]
)
def test_post_list_links_its_feeds(client, language, follow):
    make_category(slug="press", name_ko="보도자료", name_en="Press releases")

    everything = get(client, f"/{language}/news/")
    press = get(client, f"/{language}/news/?category=press")

    assert feed_links(everything) == f"{follow} RSS /{language}/news/feed/ · Atom /{language}/news/feed/atom/"
    assert feed_links(press) == f"{follow} RSS /{language}/news/feed/press/ · Atom /{language}/news/feed/press/atom/"


def feed_links(response):
    """The list's paragraph of feed links as text, each link followed by its address."""
    content = response.content.decode()
    paragraph = re.search(r'<p class="feed-links">(.*?)</p>', content, re.S).group(1)
    paragraph = re.sub(r'<a href="([^"]*)" type="[^"]*">([^<]*)</a>', r"\2 \1", paragraph)
    return " ".join(paragraph.split())


def test_post_list_hides_pagination_on_a_single_page(client):
    for day in range(1, 21):
        make_post(published_at=days_ago(day))

    response = get(client, "/en/news/")

    assert len(card_titles(response)) == 20
    assertNotContains(response, 'class="pagination"')


@pytest.mark.parametrize(
    ("language", "older", "newer", "page_label"),
    [("ko", "이전 글 목록", "최신 글", "2쪽 중 {}쪽"), ("en", "Older", "Newer", "Page {} of 2")],
)
def test_post_list_pagination_keeps_the_filters(client, language, older, newer, page_label):
    category = make_category(slug="press", name_ko="보도자료", name_en="Press releases")
    make_post(category=make_category(), title_ko="다른 분류의 인권 글", title_en="Rights elsewhere")
    posts = [
        make_post(category=category, title_en=f"Rights {day}", published_at=days_ago(day)) for day in range(1, 26)
    ]

    first = get(client, f"/{language}/news/?category=press")
    second = get(client, f"/{language}/news/?category=press&page=2")

    assert card_titles(first) == [getattr(post, f"title_{language}") for post in posts[:20]]
    assert card_titles(second) == [getattr(post, f"title_{language}") for post in posts[20:]]
    assertContains(first, f'<a rel="next" href="?category=press&amp;page=2">{older}</a>')
    assertContains(first, f"<span>{page_label.format(1)}</span>")
    assertContains(second, f'<a rel="prev" href="?category=press&amp;page=1">{newer}</a>')
    assertContains(second, f"<span>{page_label.format(2)}</span>")


@pytest.mark.parametrize(
    ("page", "shown_page"),
    [("abc", 1), ("1.5", 1), ("0", 2), ("-1", 2), ("99999", 2), ("99999999999999999999999", 2)],
)
def test_post_list_bad_page_falls_back_like_paginator_get_page(client, page, shown_page):
    posts = [make_post(published_at=days_ago(day)) for day in range(1, 26)]
    pages = {1: posts[:20], 2: posts[20:]}

    response = get(client, "/ko/news/", data={"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number == shown_page
    assert card_titles(response) == [post.title_ko for post in pages[shown_page]]


# Filters, and the old search address


@pytest.mark.parametrize("language", ["ko", "en"])
def test_post_list_search_address_redirects_permanently_to_the_site_search(client, language):
    response = client.get(f"/{language}/news/", data={"q": "광주 인권", "category": "press"})

    assert response.status_code == 301
    assert response["Location"] == f"/{language}/search/?q=%EA%B4%91%EC%A3%BC+%EC%9D%B8%EA%B6%8C&kind=news"


def test_post_list_filters_by_category(client):
    press = make_category(slug="press", name_ko="보도자료", name_en="Press releases")
    make_post(category=make_category(), title_ko="일반 뉴스")
    release = make_post(category=press, title_ko="보도자료 글", title_en="A press release")

    korean = get(client, "/ko/news/?category=press")
    english = get(client, "/en/news/?category=press")

    assert list(korean.context["posts"]) == [release]
    assert card_titles(korean) == ["보도자료 글"]
    assert card_titles(english) == ["A press release"]
    assertContains(korean, "<h1>보도자료</h1>", html=True)
    assertContains(english, "<h1>Press releases</h1>", html=True)
    assertContains(korean, '<a href="?category=press" aria-current="page">보도자료</a>', html=True)


def test_post_list_filters_by_edition(client):
    eleventh = make_edition(number=11, year=2021)
    twelfth = make_edition(number=12, year=2022)
    make_post(title_ko="12회 소식", edition=twelfth)
    make_post(title_ko="회차 없는 소식")
    eleventh_news = make_post(title_ko="11회 소식", title_en="News of the 11th", edition=eleventh)

    korean = get(client, "/ko/news/?edition=11")
    english = get(client, "/en/news/?edition=11")

    assert list(korean.context["posts"]) == [eleventh_news]
    assertContains(korean, "<h1>뉴스 · 제11회 세계인권도시포럼</h1>", html=True)
    assertContains(english, "<h1>News · 11th World Human Rights Cities Forum</h1>", html=True)
    assert card_titles(english) == ["News of the 11th"]


@pytest.mark.parametrize(
    "query_string",
    [
        "category=nope",
        "edition=abc",
        "edition=99999999999",
        "edition=12",
        "edition=0",
        "edition=%D9%A3",  # ARABIC-INDIC DIGIT THREE: a digit to str.isdigit(), not to us
        "edition=13",
    ],
)
def test_post_list_unknown_filter_is_not_found(client, query_string):
    make_edition(number=3, year=2013)
    make_edition(number=13, year=2023, is_published=False)
    make_post()

    response = get(client, f"/ko/news/?{query_string}")

    assert response.status_code == 404


def test_post_list_category_longer_than_a_slug_is_not_found(client):
    make_category(slug="a" * 50)

    response = get(client, "/ko/news/?category=" + "a" * 50 + "-other")

    assert response.status_code == 404


# The article


@pytest.mark.parametrize(
    ("language", "shown_date", "category", "views"),
    [
        ("ko", "2021년 10월 31일 2:05 오후", "뉴스", "조회 1,254"),
        ("en", "Oct. 31, 2021, 2:05 p.m.", "News", "Views 1,254"),
    ],
)
def test_post_detail_shows_title_date_category_and_views(client, language, shown_date, category, views):
    post = make_post(
        title_ko="광주 인권 선언",
        title_en="Gwangju human rights declaration",
        published_at=seoul(2021, 10, 31, 14, 5),
        view_count=1253,
    )

    response = get(client, article_url(post, language))

    with translation.override(language):
        expected_date = date_format(timezone.localtime(post.published_at), "DATETIME_FORMAT")
    assert expected_date == shown_date
    assertContains(response, f"<h1>{getattr(post, f'title_{language}')}</h1>", html=True)
    assertContains(response, f'<time datetime="2021-10-31T14:05:00+09:00">{shown_date}</time>')
    assertContains(response, f'<p class="eyebrow"><a href="/{language}/news/?category=news">{category}</a></p>')
    assertContains(response, f'<span class="views">{views}</span>')


def test_post_detail_shows_body_and_summary_of_the_language(client):
    post = make_post(summary_ko="한국어 요약", summary_en="English summary", body_en="<p>English <em>body</em></p>")

    korean = get(client, article_url(post, "ko"))
    english = get(client, article_url(post, "en"))

    assertContains(korean, '<p class="article__summary">한국어 요약</p>')
    assertContains(korean, '<div class="article__body"><p>본문</p></div>')
    assertContains(english, '<p class="article__summary">English summary</p>')
    assertContains(english, '<div class="article__body"><p>English <em>body</em></p></div>')


@pytest.mark.parametrize(
    ("language", "heading", "booklet", "program"),
    [("ko", "첨부 파일", "자료집", "프로그램"), ("en", "Attachments", "Booklet", "Program")],
)
def test_post_detail_lists_attachments_with_sizes(client, language, heading, booklet, program):
    post = make_post()
    first = make_attachment(post, ContentFile(b"x" * 2048, name="booklet.pdf"))
    second = make_attachment(
        post, ContentFile(b"x" * 3 * 1024 * 1024, name="program.hwp"), title_ko="프로그램", title_en="Program"
    )

    response = get(client, article_url(post, language))

    assert (first.size, second.size) == (2048, 3 * 1024 * 1024)
    assertContains(response, f'<h2 id="attachments-heading">{heading}</h2>')
    assertContains(
        response,
        f'<li><a href="{first.file.url}" download>{booklet}</a> <span class="muted">(PDF, 2.0\xa0KB)</span></li>',
    )
    assertContains(
        response,
        f'<li><a href="{second.file.url}" download>{program}</a> <span class="muted">(HWP, 3.0\xa0MB)</span></li>',
    )


def test_post_detail_without_attachments_has_no_attachment_section(client):
    post = make_post()

    response = get(client, article_url(post))

    assertNotContains(response, "attachments-heading")


@pytest.mark.parametrize(
    ("language", "heading", "edition_link", "session_titles"),
    [
        ("ko", "관련 정보", "제11회 세계인권도시포럼: 도전의 시대의 인권", ("개회식", "청년 세션")),
        (
            "en",
            "Related",
            "11th World Human Rights Cities Forum: Human Rights in Times of Challenge",
            ("Opening ceremony", "Youth session"),
        ),
    ],
)
def test_post_detail_links_related_edition_and_sessions(client, language, heading, edition_link, session_titles):
    edition = make_edition(number=11)
    opening = make_session(edition, starts_at=seoul(2021, 10, 6, 10), title_ko="개회식", title_en="Opening ceremony")
    youth = make_session(edition, starts_at=seoul(2021, 10, 7, 10), title_ko="청년 세션", title_en="Youth session")
    post = make_post(edition=edition)
    post.sessions.add(youth, opening)

    response = get(client, article_url(post, language))

    assertContains(response, f'<h2 id="related-heading">{heading}</h2>')
    assertContains(response, f'<li><a href="/{language}/forums/11/">{edition_link}</a></li>')
    assertContains(
        response,
        f'<li><a href="/{language}/forums/11/sessions/{opening.pk}/">{session_titles[0]}</a></li>'
        f'<li><a href="/{language}/forums/11/sessions/{youth.pk}/">{session_titles[1]}</a></li>',
    )


def test_post_detail_does_not_link_an_unpublished_edition(client):
    edition = make_edition(number=13, year=2023, is_published=False)
    post = make_post(edition=edition)
    post.sessions.add(make_session(edition))

    response = get(client, article_url(post))

    assert get(client, "/ko/forums/13/").status_code == 404
    assertNotContains(response, 'href="/ko/forums/13/')


def test_post_detail_without_edition_or_sessions_has_no_related_section(client):
    post = make_post()

    response = get(client, article_url(post))

    assertNotContains(response, "related-heading")


@pytest.mark.parametrize(("language", "previous", "next"), [("ko", "이전 글", "다음 글"), ("en", "Previous", "Next")])
def test_post_detail_links_previous_and_next_published_posts(client, language, previous, next):
    older = make_post(published_at=days_ago(4))
    make_post(published_at=days_ago(3), status=Post.Status.DRAFT)
    post = make_post(published_at=days_ago(2))
    make_post(published_at=timezone.now() + datetime.timedelta(days=1))
    newer = make_post(published_at=days_ago(1))

    response = get(client, article_url(post, language))

    title = f"title_{language}"
    assertContains(
        response,
        f'<a rel="prev" href="{article_url(older, language)}"><span>{previous}</span> {getattr(older, title)}</a>',
    )
    assertContains(
        response,
        f'<a rel="next" href="{article_url(newer, language)}"><span>{next}</span> {getattr(newer, title)}</a>',
    )


def test_post_detail_orders_posts_of_the_same_time_by_id(client):
    moment = days_ago(1)
    first = make_post(published_at=moment)
    second = make_post(published_at=moment)
    third = make_post(published_at=moment)

    response = get(client, article_url(second))

    assertContains(response, f'<a rel="prev" href="{article_url(first)}">')
    assertContains(response, f'<a rel="next" href="{article_url(third)}">')


def test_post_detail_of_the_only_post_has_no_previous_or_next(client):
    post = make_post()

    response = get(client, article_url(post))

    assertNotContains(response, 'rel="prev"')
    assertNotContains(response, 'rel="next"')


def test_post_detail_share_links_use_the_canonical_url(client):
    post = make_post(title_ko="광주 선언", title_en="Gwangju Declaration")
    post_id = post.pk

    korean = get(client, article_url(post, "ko"))
    english = get(client, article_url(post, "en"))

    korean_url = f"http%3A%2F%2Ftestserver%2Fko%2Fnews%2F{post_id}%2F{post.slug}%2F"
    english_url = f"http%3A%2F%2Ftestserver%2Fen%2Fnews%2F{post_id}%2F{post.slug}%2F"
    assertContains(korean, f'href="https://www.facebook.com/sharer/sharer.php?u={korean_url}"')
    assertContains(
        korean, f'href="https://x.com/intent/post?url={korean_url}&amp;text=%EA%B4%91%EC%A3%BC%20%EC%84%A0%EC%96%B8"'
    )
    assertContains(korean, f'href="https://www.linkedin.com/sharing/share-offsite/?url={korean_url}"')
    assertContains(
        korean, f'<a href="mailto:?subject=%EA%B4%91%EC%A3%BC%20%EC%84%A0%EC%96%B8&amp;body={korean_url}">이메일</a>'
    )
    assertContains(english, f'href="https://x.com/intent/post?url={english_url}&amp;text=Gwangju%20Declaration"')
    assertContains(english, f'<a href="mailto:?subject=Gwangju%20Declaration&amp;body={english_url}">E-mail</a>')


# Canonical URLs


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("path", ["{id}/", "{id}/wrong-slug/", "{id}/FORUM-NEWS/"])
def test_post_detail_redirects_permanently_to_the_canonical_url(client, language, path):
    post = make_post(slug="forum-news")

    response = get(client, f"/{language}/news/" + path.format(id=post.pk))

    assert response.status_code == 301
    assert response["Location"] == f"/{language}/news/{post.pk}/forum-news/"
    assert views_of(post) == 0


@pytest.mark.parametrize("language", ["ko", "en"])
def test_post_without_english_title_is_served_at_its_number_and_its_old_address_redirects(client, language):
    post = make_post(slug="", title_ko="광주 인권헌장 개정 시민 토론회", title_en="", summary_en="", body_en="")

    page = get(client, f"/{language}/news/{post.pk}/")
    old = get(client, f"/{language}/news/{post.pk}/post/")

    assertContains(
        page,
        '<h1 lang="ko">광주 인권헌장 개정 시민 토론회</h1>'
        if language == "en"
        else "<h1>광주 인권헌장 개정 시민 토론회</h1>",
    )
    assertContains(page, f'<link rel="canonical" href="http://testserver/ko/news/{post.pk}/">')
    assert (old.status_code, old["Location"]) == (301, f"/{language}/news/{post.pk}/")


@pytest.mark.parametrize(
    "path",
    ["abc/", "abc/forum-news/", "-1/forum-news/", "0/", "123456789012/", "123456789012/forum-news/", "1e3/"],
)
def test_post_detail_bad_id_is_not_found(client, path):
    make_post(slug="forum-news")

    response = get(client, f"/ko/news/{path}")

    assert response.status_code == 404


# Posts in one language


def test_post_detail_in_english_of_korean_only_post_shows_korean_with_notice(client):
    post = make_post(title_ko="광주 소식", title_en="", summary_en="", body_en="", summary_ko="한국어 요약")

    response = get(client, article_url(post, "en"))

    assertContains(response, '<p class="notice" role="note">This article is only available in Korean.</p>', count=1)
    assertContains(response, '<h1 lang="ko">광주 소식</h1>')
    assertContains(response, '<p class="article__summary" lang="ko">한국어 요약</p>')
    assertContains(response, '<div class="article__body" lang="ko"><p>본문</p></div>')


def test_post_detail_in_korean_of_english_only_post_shows_english_with_notice(client):
    post = make_post(title_ko="", summary_ko="", body_ko="", title_en="News from the old board", slug="old-board")

    response = get(client, article_url(post, "ko"))

    assertContains(response, '<p class="notice" role="note">이 글은 영어로만 제공됩니다.</p>', count=1)
    assertContains(response, '<h1 lang="en">News from the old board</h1>')
    assertContains(response, '<div class="article__body" lang="en"><p>Body</p></div>')


def test_post_detail_of_post_with_english_title_but_korean_body_notes_the_body_language(client):
    post = make_post(title_en="Translated title", summary_en="", body_en="")

    response = get(client, article_url(post, "en"))

    assertContains(response, "<h1>Translated title</h1>")
    assertContains(response, '<p class="notice" role="note">This article is only available in Korean.</p>', count=1)
    assertContains(response, '<div class="article__body" lang="ko"><p>본문</p></div>')


def test_post_detail_in_both_languages_has_no_notice(client):
    post = make_post()

    korean = get(client, article_url(post, "ko"))
    english = get(client, article_url(post, "en"))

    assertNotContains(korean, 'class="notice"')
    assertNotContains(english, 'class="notice"')


# Query counts


@pytest.mark.parametrize("post_count", [5, 25])
def test_post_list_query_count_does_not_grow_with_posts(client, django_assert_num_queries, post_count):
    make_category(slug="press", name_ko="보도자료", name_en="Press releases")
    for day in range(1, post_count + 1):
        make_post(published_at=days_ago(day))

    # The count for the paginator, the page of posts with their categories, the category
    # and forum filters, and when the next scheduled post is due (how long the page may
    # stay cached).
    with django_assert_num_queries(5):
        response = get(client, "/ko/news/")

    assert len(card_titles(response)) == min(post_count, 20)


@pytest.mark.parametrize(("attachment_count", "session_count"), [(1, 1), (3, 2), (6, 5)])
def test_post_detail_query_count_does_not_grow_with_attachments_or_sessions(
    client, django_assert_num_queries, attachment_count, session_count
):
    edition = make_edition()
    make_post(published_at=days_ago(3))
    post = make_post(published_at=days_ago(2), edition=edition)
    make_post(published_at=days_ago(1))
    for number in range(attachment_count):
        make_attachment(post, ContentFile(b"x" * 2048, name=f"file-{number}.pdf"))
    for hour in range(session_count):
        post.sessions.add(make_session(edition, starts_at=seoul(2021, 10, 6, 9 + hour)))

    # The post with its category and edition, the view count UPDATE, attachments, sessions
    # with their edition, the previous post, the next post, the next scheduled post (how long
    # the page may stay cached).
    with django_assert_num_queries(7):
        response = get(client, article_url(post))

    assertContains(response, " download>", count=attachment_count)
    assertContains(response, "/sessions/", count=session_count)


# Languages


@pytest.mark.parametrize("language", ["ko", "en"])
def test_post_detail_links_both_languages_and_the_canonical_url(client, language):
    post = make_post()
    korean_url = f"http://testserver{article_url(post, 'ko')}"
    english_url = f"http://testserver{article_url(post, 'en')}"

    response = client.get(article_url(post, language), HTTP_USER_AGENT=BROWSER)

    assertContains(response, f'<link rel="alternate" hreflang="ko" href="{korean_url}">', count=1)
    assertContains(response, f'<link rel="alternate" hreflang="en" href="{english_url}">', count=1)
    assertContains(
        response, f'<link rel="alternate" hreflang="x-default" href="http://testserver/news/{post.pk}/{post.slug}/">'
    )
    canonical = korean_url if language == "ko" else english_url
    assertContains(response, f'<link rel="canonical" href="{canonical}">', count=1)
    assertNotContains(response, '<meta name="robots"')


def test_language_switch_on_post_detail_points_at_the_same_post(client):
    post = make_post()

    korean = client.get(article_url(post, "ko"), HTTP_USER_AGENT=BROWSER)
    english = client.get(article_url(post, "en"), HTTP_USER_AGENT=BROWSER)

    assertContains(
        korean,
        f'<li><a href="http://testserver{article_url(post, "en")}" hreflang="en" lang="en">English</a></li>',
        html=True,
    )
    assertContains(korean, '<li><span aria-current="true" lang="ko">한국어</span></li>', html=True)
    assertContains(
        english,
        f'<li><a href="http://testserver{article_url(post, "ko")}" hreflang="ko" lang="ko">한국어</a></li>',
        html=True,
    )


def test_post_detail_in_english_of_korean_only_post_is_not_indexed(client):
    post = make_post(title_en="", summary_en="", body_en="")
    korean_url = f"http://testserver{article_url(post, 'ko')}"

    english = client.get(article_url(post, "en"), HTTP_USER_AGENT=BROWSER)
    korean = client.get(article_url(post, "ko"), HTTP_USER_AGENT=BROWSER)

    assertContains(english, '<meta name="robots" content="noindex">', count=1)
    assertContains(english, f'<link rel="canonical" href="{korean_url}">', count=1)
    assertContains(english, f'<link rel="alternate" hreflang="ko" href="{korean_url}">', count=1)
    assertContains(
        english, f'<link rel="alternate" hreflang="x-default" href="http://testserver/news/{post.pk}/{post.slug}/">'
    )
    assertNotContains(english, '<link rel="alternate" hreflang="en"')
    assertContains(english, f'<meta property="og:url" content="{korean_url}">')
    assertNotContains(korean, '<meta name="robots"')
    assertNotContains(korean, '<link rel="alternate" hreflang="en"')
    assertNotContains(korean, '<meta property="og:locale:alternate"')


def test_post_detail_in_korean_of_english_only_post_is_not_indexed(client):
    post = make_post(title_ko="", summary_ko="", body_ko="", slug="old-board-news")
    english_url = f"http://testserver{article_url(post, 'en')}"

    response = client.get(article_url(post, "ko"), HTTP_USER_AGENT=BROWSER)

    assertContains(response, '<meta name="robots" content="noindex">', count=1)
    assertContains(response, f'<link rel="canonical" href="{english_url}">', count=1)
    assertContains(response, f'<link rel="alternate" hreflang="x-default" href="{english_url}">', count=1)
    assertNotContains(response, '<link rel="alternate" hreflang="ko"')


# Open Graph


@pytest.mark.parametrize(
    ("language", "title", "description", "locale", "alternate_locale"),
    [("ko", "포럼 소식", "한국어 요약", "ko_KR", "en_US"), ("en", "Forum news", "English summary", "en_US", "ko_KR")],
)
def test_post_detail_open_graph_tags(client, language, title, description, locale, alternate_locale):
    post = make_post(
        title_ko="포럼 소식",
        title_en="Forum news",
        summary_ko="한국어 요약",
        summary_en="English summary",
        cover=make_png(),
        cover_alt_ko="광주 시청 앞 광장",
        cover_alt_en="The square in front of Gwangju City Hall",
    )

    response = client.get(article_url(post, language), HTTP_USER_AGENT=BROWSER)

    assert post.cover.url.startswith("/media/covers/")
    assertContains(response, f'<meta property="og:title" content="{title}">')
    assertContains(response, f'<meta property="og:description" content="{description}">')
    assertContains(response, '<meta property="og:type" content="article">')
    assertContains(response, f'<meta property="og:url" content="http://testserver{article_url(post, language)}">')
    assertContains(response, f'<meta property="og:locale" content="{locale}">')
    assertContains(response, f'<meta property="og:locale:alternate" content="{alternate_locale}">')
    # The cover is the shape social networks show (1200×630): cropped around its focal
    # point, it is the same size, as a JPEG rendition.
    image = open_graph(response)
    assert re.fullmatch(r"http://testserver/media/cache/[0-9a-f/]+\.jpg", image["og:image"])
    assert (image["og:image:width"], image["og:image:height"]) == ("1200", "630")
    assertContains(response, f'<meta property="og:image:alt" content="{post.cover_alt}">')
    assertContains(response, f'<img src="{post.cover.url}" alt="{post.cover_alt}" width="1200" height="630">')


def test_post_detail_without_cover_shows_none_and_shares_the_site_image(client):
    post = make_post()

    response = client.get(article_url(post), HTTP_USER_AGENT=BROWSER)

    assert open_graph(response)["og:image"] == "http://testserver/static/img/og-default.png"
    assertNotContains(response, "article__cover")


# Pinned posts


@pytest.mark.parametrize("language", ["ko", "en"])
def test_post_list_shows_pinned_posts_first(client, language):
    now = timezone.now()
    newest = make_post(published_at=now - datetime.timedelta(days=1))
    pinned_old = make_post(published_at=now - datetime.timedelta(days=30), pinned=True)
    middle = make_post(published_at=now - datetime.timedelta(days=3))
    pinned_new = make_post(published_at=now - datetime.timedelta(days=10), pinned=True)

    response = client.get(f"/{language}/news/", HTTP_USER_AGENT=BROWSER)

    assert list(response.context["posts"]) == [pinned_new, pinned_old, newest, middle]


# Attachments


@pytest.mark.parametrize("language", ["ko", "en"])
def test_article_links_attachments_to_their_counting_url(client, language):
    post = make_post()
    attachment = make_attachment(post, ContentFile(b"x" * 2048, name="booklet.pdf"))

    response = client.get(f"/{language}/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    title = {"ko": "자료집", "en": "Booklet"}[language]
    assertContains(
        response,
        f'<li><a href="/{language}/news/{post.pk}/files/{attachment.pk}/" download>{title}</a> '
        '<span class="muted">(PDF, 2.0\xa0KB)</span></li>',
    )


def test_downloads_are_counted_exactly(client):
    post = make_post()
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4 program", name="program.pdf"))
    attachment.download_count = 12
    attachment.save()

    responses = [
        client.get(f"/{language}/news/{post.pk}/files/{attachment.pk}/", HTTP_USER_AGENT=BROWSER)
        for language in ["ko", "en", "ko", "en", "ko"]
    ]

    attachment.refresh_from_db()
    assert attachment.download_count == 17
    assert [b"".join(response.streaming_content) for response in responses] == [b"%PDF-1.4 program"] * 5


def test_download_is_served_as_a_file_never_as_a_page(client):
    post = make_post()
    pdf = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    # An old-board file with an extension uploads no longer accept.
    html = make_attachment(post, ContentFile(b"<script>alert(1)</script>", name="notice.html"))

    pdf_response = client.get(pdf.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    html_response = client.get(html.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assert [
        (response["Content-Type"], response["Content-Disposition"], response["X-Content-Type-Options"])
        for response in (pdf_response, html_response)
    ] == [
        ("application/pdf", 'attachment; filename="program.pdf"', "nosniff"),
        ("application/octet-stream", 'attachment; filename="notice.html"', "nosniff"),
    ]


def test_downloads_by_bots_and_head_requests_are_not_counted(client):
    post = make_post()
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    url = attachment.get_absolute_url()

    bot = client.get(url, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    head = client.head(url, HTTP_USER_AGENT=BROWSER)

    attachment.refresh_from_db()
    assert (bot.status_code, head.status_code, attachment.download_count) == (200, 200, 0)


def test_attachment_of_a_draft_is_for_staff_only_and_not_counted(client):
    post = make_post(status=Post.Status.DRAFT)
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    url = attachment.get_absolute_url()

    reader = client.get(url, HTTP_USER_AGENT=BROWSER)
    client.force_login(make_staff())
    staff = client.get(url, HTTP_USER_AGENT=BROWSER)

    attachment.refresh_from_db()
    assert (reader.status_code, staff.status_code, attachment.download_count) == (404, 200, 0)


@pytest.mark.parametrize(
    "fields",
    [{"status": Post.Status.DRAFT}, {"published_at": timezone.now() + datetime.timedelta(days=1)}],
    ids=["draft", "scheduled"],
)
def test_file_of_an_unpublished_post_is_not_at_its_media_address(client, fields):
    post = make_post(**fields)
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))

    reader = client.get(f"/media/{attachment.file.name}")
    dotted = client.get(f"/media/./{attachment.file.name}")
    client.force_login(make_staff())
    staff = client.get(f"/media/{attachment.file.name}")

    assert (reader.status_code, dotted.status_code, staff.status_code) == (404, 404, 404)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_behind_nginx_the_download_hands_the_file_to_nginx_under_its_own_name(client, settings, language):
    settings.MEDIA_ACCEL_REDIRECT_URL = "/protected-media/"
    post = make_post()
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4 program", name="2021 포럼 자료집.pdf"))

    response = client.get(f"/{language}/news/{post.pk}/files/{attachment.pk}/", HTTP_USER_AGENT=BROWSER)

    attachment.refresh_from_db()
    assert (response.status_code, response.content, attachment.download_count) == (200, b"", 1)
    assert response["X-Accel-Redirect"] == (
        "/protected-media/attachments/"
        + timezone.now().strftime("%Y/%m/")
        + "2021_%ED%8F%AC%EB%9F%BC_%EC%9E%90%EB%A3%8C%EC%A7%91.pdf"
    )
    assert (response["Content-Type"], response["Content-Disposition"], response["X-Content-Type-Options"]) == (
        "application/pdf",
        "attachment; filename*=utf-8''2021_%ED%8F%AC%EB%9F%BC_%EC%9E%90%EB%A3%8C%EC%A7%91.pdf",
        "nosniff",
    )


def test_behind_nginx_a_draft_attachment_is_still_for_staff_only(client, settings):
    settings.MEDIA_ACCEL_REDIRECT_URL = "/protected-media/"
    post = make_post(status=Post.Status.DRAFT)
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))

    reader = client.get(attachment.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    client.force_login(make_staff())
    staff = client.get(attachment.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assert (reader.status_code, reader.has_header("X-Accel-Redirect")) == (404, False)
    assert (staff.status_code, staff["X-Accel-Redirect"].rsplit("/", 1)[-1]) == (200, "program.pdf")


@pytest.mark.parametrize("path", ["/ko/news/{post}/files/999999/", "/ko/news/{other}/files/{attachment}/"])
def test_unknown_or_mismatched_attachment_is_not_found(client, path):
    post = make_post()
    other = make_post()
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))

    response = client.get(path.format(post=post.pk, other=other.pk, attachment=attachment.pk))

    assert response.status_code == 404


def test_attachment_whose_file_went_missing_is_not_found(client):
    post = make_post()
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    default_storage.delete(attachment.file.name)

    response = client.get(attachment.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    attachment.refresh_from_db()
    assert (response.status_code, attachment.download_count) == (404, 0)
    assertNotContains(response, "program.pdf", status_code=404)


# The preview of posts readers cannot see yet


def preview_url(post, language):
    return f"/{language}/news/preview/{post.pk}/"


@pytest.mark.parametrize(("language", "title"), [("ko", "포럼 준비 중"), ("en", "Preparing the forum")])
def test_preview_of_a_draft_shows_the_banner_and_is_not_indexed(client, language, title):
    post = make_post(title_ko="포럼 준비 중", title_en="Preparing the forum", status=Post.Status.DRAFT)
    client.force_login(make_staff())

    response = client.get(preview_url(post, language), HTTP_USER_AGENT=BROWSER)

    # The banner's words as the interface catalogue of the page's language gives them.
    with translation.override(language):
        banner, draft, edit = map(
            translation.gettext,
            ["Preview — not published", "This post is a draft: only staff can see it.", "Edit in the admin"],
        )
    assert response.status_code == 200
    assertContains(response, f"<h1>{title}</h1>")
    assertContains(response, f'<div class="preview-banner" role="status">\n  <p><strong>{banner}</strong>')
    assertContains(response, draft)
    assertContains(response, f'<a href="/admin/news/post/{post.pk}/change/">{edit}</a>')
    assertContains(response, '<meta name="robots" content="noindex">', count=1)
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]


def test_preview_of_a_scheduled_post_says_when_it_appears(client):
    post = make_post(published_at=seoul(2031, 10, 6, 9, 30))
    client.force_login(make_staff())

    response = client.get(preview_url(post, "en"), HTTP_USER_AGENT=BROWSER)

    assertContains(response, "This post is scheduled for Oct. 6, 2031, 9:30 a.m.: readers cannot see it before then.")


def test_preview_is_never_counted_as_a_view(client):
    post = make_post(status=Post.Status.DRAFT, view_count=3)
    client.force_login(make_staff())

    responses = [client.get(preview_url(post, language), HTTP_USER_AGENT=BROWSER) for language in ("ko", "en")]

    post.refresh_from_db()
    assert post.view_count == 3
    assert [COOKIE_NAME in response.cookies for response in responses] == [False, False]
    assertContains(responses[1], '<span class="views">Views 3</span>')


@pytest.mark.parametrize("language", ["ko", "en"])
def test_preview_is_not_found_for_readers(client, language):
    post = make_post(status=Post.Status.DRAFT)

    response = client.get(preview_url(post, language), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 404


def test_preview_is_not_found_for_logged_in_users_who_are_not_staff(client):
    post = make_post(status=Post.Status.DRAFT)
    client.force_login(get_user_model().objects.create_user(username="reader", password="a-long-test-password"))

    response = client.get(preview_url(post, "ko"), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 404


def test_preview_needs_the_permission_to_view_posts(client):
    post = make_post(status=Post.Status.DRAFT)
    staff = make_staff(superuser=False)
    client.force_login(staff)
    without = client.get(preview_url(post, "ko"), HTTP_USER_AGENT=BROWSER)
    staff.user_permissions.add(Permission.objects.get(codename="view_post"))

    with_permission = client.get(preview_url(post, "ko"), HTTP_USER_AGENT=BROWSER)

    assert (without.status_code, with_permission.status_code) == (404, 200)


def test_unknown_post_has_no_preview(client):
    client.force_login(make_staff())

    response = client.get("/ko/news/preview/999999/", HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 404


def test_public_address_of_a_draft_is_not_found_even_for_staff(client):
    post = make_post(status=Post.Status.DRAFT)
    client.force_login(make_staff())

    response = client.get(f"/ko/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 404


def test_published_article_has_no_preview_banner(client):
    post = make_post()

    response = client.get(f"/en/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    assertNotContains(response, "preview-banner")
    assertNotContains(response, "noindex")


# Scheduled posts appear by themselves


@pytest.mark.parametrize("language", ["ko", "en"])
def test_scheduled_post_appears_by_itself_at_its_time(client, time_machine, language):
    time_machine.move_to(seoul(2031, 10, 1, 8, 0), tick=False)
    post = make_post(title_ko="예약된 글", title_en="Scheduled post", published_at=seoul(2031, 10, 1, 9, 0))
    article = f"/{language}/news/{post.pk}/{post.slug}/"
    before = [client.get(url, HTTP_USER_AGENT=BROWSER) for url in (article, f"/{language}/news/")]

    time_machine.move_to(seoul(2031, 10, 1, 9, 0), tick=False)
    after = [client.get(url, HTTP_USER_AGENT=BROWSER) for url in (article, f"/{language}/news/")]

    title = {"ko": "예약된 글", "en": "Scheduled post"}[language]
    assert before[0].status_code == 404
    assert list(before[1].context["posts"]) == []
    assert after[0].status_code == 200
    assert list(after[1].context["posts"]) == [post]
    assertContains(after[1], f'<a href="{article}">{title}</a>')


def test_scheduled_post_preview_stays_available_to_staff_before_its_time(client):
    post = make_post(published_at=timezone.now() + datetime.timedelta(days=2))
    client.force_login(make_staff())

    response = client.get(preview_url(post, "ko"), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 200
    assert response.context["post"] == post

"""What a reader does with the mouse and the keyboard: switch language, filter, page."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_category, make_post, seoul

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def card_titles(page):
    return page.locator(".card__title").all_inner_texts()


@pytest.mark.parametrize(
    ("start", "switch_to", "link_name"),
    [("ko", "en", "English"), ("en", "ko", "한국어")],
)
def test_language_switch_on_an_article_lands_on_the_same_article(tab, forum, live_server, start, switch_to, link_name):
    article = forum["article"]
    tab.page.goto(f"/{start}/news/{article.pk}/{article.slug}/")

    tab.page.locator(".language-switch").get_by_role("link", name=link_name).click()

    expect(tab.page).to_have_url(f"{live_server.url}/{switch_to}/news/{article.pk}/{article.slug}/")
    expect(tab.page.locator("html")).to_have_attribute("lang", switch_to)
    expect(tab.page.locator("h1")).to_have_text(getattr(article, f"title_{switch_to}"))


def test_language_switch_on_a_korean_only_article_shows_it_with_a_notice(tab, forum, live_server):
    post = forum["korean_only"]
    tab.page.goto(f"/ko/news/{post.pk}/{post.slug}/")

    tab.page.locator(".language-switch").get_by_role("link", name="English").click()

    expect(tab.page).to_have_url(f"{live_server.url}/en/news/{post.pk}/{post.slug}/")
    expect(tab.page.locator(".notice")).to_have_text("This article is only available in Korean.")
    expect(tab.page.locator("h1")).to_have_text("광주 인권헌장 개정 시민 토론회")
    expect(tab.page.locator("h1")).to_have_attribute("lang", "ko")


@pytest.fixture
def twenty_seven_posts(transactional_db):
    """25 news posts, one a day from 1 to 25 September 2024, and 2 notices in October."""
    news = make_category("news", "뉴스", "News")
    notice = make_category("notice", "공지", "Notice", order=1)
    for day in range(1, 26):
        make_post(
            news,
            published_at=seoul(2024, 9, day, 10),
            title_ko=f"9월 {day}일 소식",
            title_en=f"News of {day} September",
        )
    make_post(notice, published_at=seoul(2024, 10, 1, 10), title_ko="첫 공지", title_en="First notice")
    make_post(notice, published_at=seoul(2024, 10, 2, 10), title_ko="둘째 공지", title_en="Second notice")


LIST_TEXT = {
    "ko": {
        "links": ("공지", "뉴스", "이전 글 목록"),
        "notices": ["둘째 공지", "첫 공지"],
        "news": "9월 {}일 소식",
        "page_2_of_2": "2쪽 중 2쪽",
    },
    "en": {
        "links": ("Notice", "News", "Older"),
        "notices": ["Second notice", "First notice"],
        "news": "News of {} September",
        "page_2_of_2": "Page 2 of 2",
    },
}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_news_list_category_filter_and_paging(tab, twenty_seven_posts, live_server, language):
    text = LIST_TEXT[language]
    notice_link, news_link, older_link = text["links"]
    news_titles = [text["news"].format(day) for day in range(25, 0, -1)]
    list_url = f"{live_server.url}/{language}/news/"
    filters = tab.page.locator(".filters")
    tab.page.goto(list_url)
    all_page_1 = card_titles(tab.page)

    filters.get_by_role("link", name=notice_link).click()
    tab.page.wait_for_url(f"{list_url}?category=notice")
    notices = card_titles(tab.page)
    filters.get_by_role("link", name=news_link, exact=True).click()
    tab.page.wait_for_url(f"{list_url}?category=news")
    news_page_1 = card_titles(tab.page)
    tab.page.locator(".pagination").get_by_role("link", name=older_link).click()
    tab.page.wait_for_url(f"{list_url}?category=news&page=2")

    expect(tab.page.locator(".pagination span")).to_have_text(text["page_2_of_2"])
    expect(filters.locator("[aria-current=page]")).to_have_text(news_link)
    assert all_page_1 == text["notices"] + news_titles[:18]
    assert notices == text["notices"]
    assert news_page_1 == news_titles[:20]
    assert card_titles(tab.page) == news_titles[20:]
    assert tab.problems == []


@pytest.mark.parametrize("language", ["ko", "en"])
def test_keyboard_reaches_skip_link_menu_search_and_language_switch_with_visible_focus(
    tab, forum, live_server, language
):
    other = {"ko": "en", "en": "ko"}[language]
    tab.page.goto(f"/{language}/")

    stops = []
    for _ in range(9):
        tab.page.keyboard.press("Tab")
        stops.append(
            tab.page.evaluate(
                """() => {
                    const element = document.activeElement;
                    const box = element.getBoundingClientRect();
                    return [
                        element.tagName.toLowerCase(),
                        element.getAttribute("href") || element.getAttribute("name") || element.getAttribute("type"),
                        getComputedStyle(element).outlineStyle,
                        box.left >= 0 && box.top >= 0 && box.width > 0 && box.height > 0,
                    ];
                }"""
            )
        )

    assert stops == [
        ["a", "#main", "solid", True],
        ["a", f"/{language}/", "solid", True],
        ["a", f"/{language}/news/", "solid", True],
        ["a", f"/{language}/forums/", "solid", True],
        ["a", f"/{language}/forums/declarations/", "solid", True],
        ["a", f"/{language}/organizations/", "solid", True],
        ["input", "q", "solid", True],
        ["button", "submit", "solid", True],
        ["a", f"{live_server.url}/{other}/", "solid", True],
    ]


def test_skip_link_moves_keyboard_focus_to_the_main_content(tab, forum):
    tab.page.goto("/en/news/")

    tab.page.keyboard.press("Tab")
    tab.page.keyboard.press("Enter")
    tab.page.keyboard.press("Tab")

    expect(tab.page.locator("main")).to_be_in_viewport()
    assert tab.page.evaluate("document.activeElement.closest('main') !== null")

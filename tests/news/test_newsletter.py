"""Newsletter issues: published posts chosen in the admin, as e-mail-safe HTML and as plain
text, in each language."""

import html
import re
from html.parser import HTMLParser

import pytest
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Post
from tests.factories import make_category, make_png, make_post, make_staff, seoul
from tests.pages import messages_of

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/news/post/"
NEWSLETTER = "/admin/news/post/newsletter/"
NO_SELECTION = "Select the posts for the newsletter issue."
INVALID_SELECTION = "The selection of posts is not valid: choose the posts again."
TOO_MANY_POSTS = "A newsletter issue has at most 100 posts: choose fewer posts."
NOTHING_PUBLISHED = "None of the selected posts is published: a newsletter issue has published posts only."
UNKNOWN_LANGUAGE = "Choose the language of the issue: Korean, English."


@pytest.fixture
def issue_day(time_machine):
    """Now is 24 November 2026, 9:00 in Seoul: issues are named after the day they are made."""
    time_machine.move_to(seoul(2026, 11, 24, 9, 0), tick=False)


@pytest.fixture
def posts():
    """Three published posts, oldest first; the second has no English text."""
    category = make_category(slug="notice", name_ko="공지", name_en="Notice")
    return [
        make_post(
            category,
            published_at=seoul(2026, 11, 2, 10, 0),
            title_ko="포럼 등록 시작",
            title_en="Registration opens",
            slug="registration-opens",
            summary_ko="참가 신청을 받습니다.",
            summary_en="Sign up to take part.",
        ),
        make_post(
            category,
            published_at=seoul(2026, 11, 10, 10, 0),
            title_ko="광주 시민 토론회",
            title_en="",
            slug="citizens-debate",
            summary_ko="시민이 모여 토론합니다.",
            summary_en="",
        ),
        make_post(
            category,
            published_at=seoul(2026, 11, 20, 10, 0),
            title_ko="기조연설자 발표",
            title_en="Keynote speakers announced",
            slug="keynote-speakers",
            summary_ko="연설자 세 명을 소개합니다.",
            summary_en="Meet the three speakers.",
        ),
    ]


def ids(posts):
    return ",".join(str(post.pk) for post in posts)


def download(client, extension, posts, language):
    return client.get(f"{NEWSLETTER}issue.{extension}?ids={ids(posts)}&lang={language}")


def linked_titles(document):
    """(lang, href, title) of each post's heading, in document order."""
    found = re.findall(r'<h2(?: lang="(\w+)")? style="[^"]*"><a href="([^"]*)"[^>]*>(.*?)</a></h2>', document)
    return [(lang, href, html.unescape(title)) for lang, href, title in found]


class StartTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def start_tags(document):
    """Every element's tag and attributes, in document order."""
    parser = StartTags()
    parser.feed(document)
    parser.close()
    return parser.tags


# The admin action and the preview


def test_action_redirects_to_the_korean_issue_of_the_selected_posts(issue_day, staff_client, posts):
    oldest, _korean_only, newest = posts

    response = staff_client.post(
        CHANGELIST, {"action": "make_newsletter_issue", "_selected_action": [newest.pk, oldest.pk]}
    )

    assert (response.status_code, response["Location"]) == (302, f"{NEWSLETTER}?ids={oldest.pk},{newest.pk}&lang=ko")


def test_preview_shows_the_issue_in_a_sandboxed_frame_with_language_switch_and_downloads(
    issue_day, staff_client, posts
):
    english_query = f"ids={ids(posts)}&amp;lang=en"
    korean_query = f"ids={ids(posts)}&amp;lang=ko"

    response = staff_client.get(f"{NEWSLETTER}?ids={ids(posts)}&lang=en", HTTP_ACCEPT_LANGUAGE="en")

    issue = response.context["issue"]
    assert (issue.language, messages_of(response)) == ("en", [])
    assert [title for _lang, _href, title in linked_titles(issue.html)] == [
        "Keynote speakers announced",
        "광주 시민 토론회",
        "Registration opens",
    ]
    assertContains(
        response,
        '<iframe title="Preview of the newsletter issue" sandbox="allow-popups allow-popups-to-escape-sandbox" '
        f'srcdoc="{escape(issue.html)}"',
    )
    assertContains(response, f'<p><a href="{NEWSLETTER}?{korean_query}">Korean</a> / ')
    assertContains(response, '<strong aria-current="page">English</strong>')
    assertContains(
        response, f'<a class="button" href="{NEWSLETTER}issue.html?{english_query}" download>Download HTML</a>'
    )
    assertContains(
        response, f'<a class="button" href="{NEWSLETTER}issue.txt?{english_query}" download>Download plain text</a>'
    )
    assertContains(response, '&rsaquo; <a href="/admin/news/post/">Posts</a>\n  &rsaquo; Newsletter issue')


def test_preview_escapes_the_issue_in_the_frame_and_the_plain_text(issue_day, staff_client):
    post = make_post(title_en="Rights & <Cities>")

    response = staff_client.get(f"{NEWSLETTER}?ids={post.pk}&lang=en", HTTP_ACCEPT_LANGUAGE="en")

    assertContains(
        response, "text-decoration:none;&quot;&gt;Rights &amp;amp; &amp;lt;Cities&amp;gt;&lt;/a&gt;&lt;/h2&gt;"
    )
    assertContains(response, "\nRights &amp; &lt;Cities&gt;\n")
    assertNotContains(response, "<Cities>")


def test_preview_leaves_out_drafts_and_scheduled_posts_with_a_message(issue_day, staff_client, posts):
    draft = make_post(status=Post.Status.DRAFT, title_en="Unfinished draft")
    scheduled = make_post(published_at=seoul(2026, 12, 1), title_en="Next week")

    response = staff_client.get(
        f"{NEWSLETTER}?ids={ids([draft, posts[2], scheduled])}&lang=en", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert messages_of(response) == ["Left out because they are not published: “Next week”, “Unfinished draft”."]
    assert [title for _lang, _href, title in linked_titles(response.context["issue"].html)] == [
        "Keynote speakers announced"
    ]
    assertContains(response, f'href="{NEWSLETTER}issue.html?ids={posts[2].pk}&amp;lang=en"')


def test_preview_leaves_out_posts_that_do_not_exist_with_a_message(issue_day, staff_client, posts):
    response = staff_client.get(f"{NEWSLETTER}?ids={posts[0].pk},999999&lang=ko", HTTP_ACCEPT_LANGUAGE="en")

    assert messages_of(response) == ["Left out because there are no such posts: 999999."]
    assert [title for _lang, _href, title in linked_titles(response.context["issue"].html)] == ["포럼 등록 시작"]


# The HTML part


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ko", [("", "기조연설자 발표"), ("", "광주 시민 토론회"), ("", "포럼 등록 시작")]),
        ("en", [("", "Keynote speakers announced"), ("ko", "광주 시민 토론회"), ("", "Registration opens")]),
    ],
)
def test_html_download_has_the_published_posts_newest_first_in_the_language(
    issue_day, staff_client, posts, language, expected
):
    oldest, korean_only, newest = posts
    draft = make_post(status=Post.Status.DRAFT)

    response = download(staff_client, "html", [korean_only, draft, newest, oldest], language)

    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="whrcf-newsletter-2026-11-24-{language}.html"'
    assert linked_titles(response.content.decode()) == [
        (lang, f"http://testserver/{language}/news/{post.pk}/{post.slug}/", title)
        for post, (lang, title) in zip([newest, korean_only, oldest], expected, strict=True)
    ]


def test_html_download_marks_posts_only_in_korean_in_the_english_issue(issue_day, staff_client, posts):
    response = download(staff_client, "html", [posts[1]], "en")

    content = response.content.decode()
    assert content.startswith('<!DOCTYPE html>\n<html lang="en">\n')
    assert "This article is only available in Korean.</p>" in content
    summary_style = "margin:8px 0 0;font-size:15px;line-height:24px;color:#1d2433;"
    assert f'<p lang="ko" style="{summary_style}">시민이 모여 토론합니다.</p>' in content


def test_html_download_shows_date_category_summary_and_read_more_in_korean(issue_day, staff_client, posts):
    response = download(staff_client, "html", [posts[0]], "ko")

    content = response.content.decode()
    assert content.startswith('<!DOCTYPE html>\n<html lang="ko">\n')
    assert "<title>세계인권도시포럼 · " in content
    assert ">공지 · 2026년 11월 2일</p>" in content
    assert ">참가 신청을 받습니다.</p>" in content
    assert "This article is only available" not in content
    assert f'<a href="http://testserver/ko/news/{posts[0].pk}/registration-opens/" target="_blank"' in content


def test_html_download_is_safe_for_email(issue_day, staff_client):
    post = make_post(cover=make_png(size=(1200, 630)), cover_alt_ko="포럼 무대", cover_alt_en="The forum stage")

    response = download(staff_client, "html", [post], "en")

    content = response.content.decode()
    tags = start_tags(content)
    addresses = [value for _tag, attrs in tags for name, value in attrs.items() if name in {"href", "src"}]
    assert len(addresses) == 5
    assert [address for address in addresses if not address.startswith("http://testserver/")] == []
    assert [tag for tag, _attrs in tags if tag in {"style", "script", "link"}] == []
    assert [tag for tag, attrs in tags if "class" in attrs] == []
    presentational = [tag for tag, _attrs in tags if tag in {"body", "table", "td", "p", "h1", "h2", "a", "img"}]
    unstyled = [tag for tag, attrs in tags if tag in presentational and not attrs.get("style")]
    assert (len(presentational), unstyled) == (21, [])
    [image] = [attrs for tag, attrs in tags if tag == "img"]
    assert image["src"].startswith("http://testserver/media/cache/")
    assert image["src"].endswith(".jpg")
    assert {name: value for name, value in image.items() if name != "src"} == {
        "width": "552",
        "height": "290",
        "alt": "The forum stage",
        "style": "display:block;max-width:100%;height:auto;border:0;margin:0 0 16px;",
    }


@pytest.mark.parametrize("size", [1, 5])
def test_html_download_query_count_does_not_grow_with_posts(issue_day, staff_client, django_assert_num_queries, size):
    posts = [make_post() for _number in range(size)]

    # The user (the session is cached) and the posts with their categories.
    with django_assert_num_queries(2):
        response = download(staff_client, "html", posts, "ko")

    assert len(linked_titles(response.content.decode())) == size


# The plain-text part


def test_text_download_has_titles_dates_summaries_and_absolute_urls_in_english(issue_day, staff_client, posts):
    oldest, korean_only, newest = posts

    response = download(staff_client, "txt", posts, "en")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="whrcf-newsletter-2026-11-24-en.txt"'
    assert response.content.decode() == (
        "World Human Rights Cities Forum\n"
        "Newsletter · Nov. 24, 2026\n"
        "\n"
        "----------------------------------------\n"
        "Keynote speakers announced\n"
        "Notice · Nov. 20, 2026\n"
        "\n"
        "Meet the three speakers.\n"
        "\n"
        f"Read more: http://testserver/en/news/{newest.pk}/keynote-speakers/\n"
        "\n"
        "----------------------------------------\n"
        "This article is only available in Korean.\n"
        "광주 시민 토론회\n"
        "Notice · Nov. 10, 2026\n"
        "\n"
        "시민이 모여 토론합니다.\n"
        "\n"
        f"Read more: http://testserver/en/news/{korean_only.pk}/citizens-debate/\n"
        "\n"
        "----------------------------------------\n"
        "Registration opens\n"
        "Notice · Nov. 2, 2026\n"
        "\n"
        "Sign up to take part.\n"
        "\n"
        f"Read more: http://testserver/en/news/{oldest.pk}/registration-opens/\n"
        "\n"
        "----------------------------------------\n"
        "News of the World Human Rights Cities Forum, held every year in Gwangju.\n"
        "WHRCF News: http://testserver/en/\n"
        "All news: http://testserver/en/news/\n"
    )


def test_text_download_in_korean(issue_day, staff_client, posts):
    response = download(staff_client, "txt", posts[:1], "ko")

    lines = response.content.decode().splitlines()
    assert (lines[0], lines[1].endswith(" · 2026년 11월 24일")) == ("세계인권도시포럼", True)
    assert lines[3:8] == [
        "----------------------------------------",
        "포럼 등록 시작",
        "공지 · 2026년 11월 2일",
        "",
        "참가 신청을 받습니다.",
    ]
    assert lines[9].endswith(f": http://testserver/ko/news/{posts[0].pk}/registration-opens/")


# Bad input and permissions


@pytest.mark.parametrize("path", ["", "issue.html", "issue.txt"])
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", NO_SELECTION),
        ("ids=,,&lang=ko", NO_SELECTION),
        ("ids=abc&lang=ko", INVALID_SELECTION),
        ("ids=1,-2&lang=ko", INVALID_SELECTION),
        ("ids=1234567890&lang=ko", INVALID_SELECTION),
        ("ids=%EF%BC%91&lang=ko", INVALID_SELECTION),  # A full-width digit one.
        (f"ids={','.join(map(str, range(1, 102)))}&lang=ko", TOO_MANY_POSTS),
        ("ids=999999&lang=ko", NOTHING_PUBLISHED),
        ("ids=1&lang=fr", UNKNOWN_LANGUAGE),
        ("ids=1&lang=", UNKNOWN_LANGUAGE),
    ],
)
def test_bad_selection_goes_back_to_the_changelist_with_an_error(issue_day, staff_client, path, query, message):
    response = staff_client.get(f"{NEWSLETTER}{path}?{query}", HTTP_ACCEPT_LANGUAGE="en", follow=True)

    assert response.redirect_chain == [(CHANGELIST, 302)]
    assert messages_of(response) == [message]


def test_selection_of_drafts_only_goes_back_to_the_changelist_with_an_error(issue_day, staff_client):
    draft = make_post(status=Post.Status.DRAFT)

    response = staff_client.get(f"{NEWSLETTER}?ids={draft.pk}&lang=ko", HTTP_ACCEPT_LANGUAGE="en", follow=True)

    assert response.redirect_chain == [(CHANGELIST, 302)]
    assert messages_of(response) == [NOTHING_PUBLISHED]


@pytest.mark.parametrize("path", ["", "issue.html", "issue.txt"])
def test_anonymous_visitor_is_sent_to_the_admin_login(client, path):
    post = make_post()

    response = client.get(f"{NEWSLETTER}{path}?ids={post.pk}&lang=ko")

    assert (response.status_code, response["Location"]) == (
        302,
        f"/admin/login/?next=/admin/news/post/newsletter/{path}%3Fids%3D{post.pk}%26lang%3Dko",
    )


def test_editor_makes_an_issue_with_the_action(editor_client):
    post = make_post(title_en="Closing ceremony")

    action = editor_client.post(CHANGELIST, {"action": "make_newsletter_issue", "_selected_action": [post.pk]})
    response = download(editor_client, "html", [post], "en")

    assert action["Location"] == f"{NEWSLETTER}?ids={post.pk}&lang=ko"
    assert [title for _lang, _href, title in linked_titles(response.content.decode())] == ["Closing ceremony"]


def test_translator_opens_an_issue_but_has_no_action_to_make_one(translator_client):
    post = make_post(title_en="Closing ceremony")

    changelist = translator_client.get(CHANGELIST)
    preview = translator_client.get(f"{NEWSLETTER}?ids={post.pk}&lang=en")
    response = download(translator_client, "html", [post], "en")

    assert changelist.context["action_form"] is None
    assert [title for _lang, _href, title in linked_titles(preview.context["issue"].html)] == ["Closing ceremony"]
    assert [title for _lang, _href, title in linked_titles(response.content.decode())] == ["Closing ceremony"]


def test_staff_without_post_permissions_may_not_make_issues(client):
    client.force_login(make_staff(superuser=False))
    post = make_post()

    responses = [client.get(f"{NEWSLETTER}{path}?ids={post.pk}&lang=ko") for path in ("", "issue.html", "issue.txt")]

    assert [response.status_code for response in responses] == [403, 403, 403]

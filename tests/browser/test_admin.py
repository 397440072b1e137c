"""The editor's and the translator's view: the post form's KOR/ENG tabs work offline; an
editor compares two revisions and reverts to one; an editor saves a draft of a live post,
previews it and publishes it; a translator into English finds the form on the English tab
and the Korean source shown but not editable; an editor clicks the focal point of a
cover, which the cards keep; the body editor speaks Korean."""

import datetime
import io
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from news.models import Post
from tests.browser.conftest import make_forum, save_screenshot
from tests.factories import days_ago, make_member, make_post, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logged_in_tab(open_tab, live_server, username, locale="ko-KR", **context_options):
    """A tab logged in to the admin through its login form, in Korean as the staff's browsers
    are unless told: the admin follows the browser's language."""
    tab = open_tab(locale=locale, **context_options)
    tab.page.goto("/admin/login/")
    tab.page.fill("#id_username", username)
    tab.page.fill("#id_password", "a-long-test-password")
    tab.page.click("input[type=submit]")
    expect(tab.page).to_have_url(f"{live_server.url}/admin/")
    # Leaving a page that is still loading aborts its requests, which would count as failed.
    tab.page.wait_for_load_state("networkidle")
    return tab


@pytest.fixture
def editor_tab(open_tab, transactional_db, live_server):
    """An editor's tab: the Korean tab of each field opens first."""
    make_staff(username="editor", password="a-long-test-password")
    return logged_in_tab(open_tab, live_server, "editor")


@pytest.fixture
def english_translator_tab(open_tab, transactional_db, live_server):
    """A translator into English. The Translators group of the migrations is gone from a
    transactional test's database: it is made again with what it grants on posts."""
    group, _created = Group.objects.get_or_create(name="Translators")
    codenames = ["change_post", "view_post", "change_attachment", "view_attachment"]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="news", codename__in=codenames))
    make_member("Translators", "translator", languages=["en"])
    return logged_in_tab(open_tab, live_server, "translator")


def open_and_settle(page, path):
    """Go to `path` and wait for its requests: leaving a page still loading aborts them."""
    page.goto(path)
    page.wait_for_load_state("networkidle")


def save_and_settle(page):
    """Save the form: "Publish changes" on an editor's live post, "Save" on any other."""
    page.click("input[name=_save], input[name=_publish_changes]")
    page.wait_for_load_state("networkidle")


def test_admin_post_form_tabs_switch_and_save_with_the_network_blocked(editor_tab, live_server):
    post = make_post(title_ko="포럼 개막", title_en="", slug="forum-opens")
    page = editor_tab.page
    page.goto(f"/admin/news/post/{post.pk}/change/")
    title_tabs = page.locator(".ui-tabs").filter(has=page.locator("#id_title_ko"))
    expect(title_tabs.locator(".ui-tabs-nav a")).to_have_text(["ko", "en"])
    expect(page.locator("#id_title_ko")).to_be_visible()
    expect(page.locator("#id_title_en")).to_be_hidden()

    title_tabs.get_by_role("tab", name="en").click()
    expect(page.locator("#id_title_ko")).to_be_hidden()
    expect(page.locator("#id_title_en")).to_be_visible()
    page.fill("#id_title_en", "The forum opens")
    page.click("input[name=_publish_changes]")

    expect(page).to_have_url(f"{live_server.url}/admin/news/post/")
    expect(page.locator(".messagelist .success")).to_have_count(1)
    assert Post.objects.values_list("title_ko", "title_en").get(pk=post.pk) == ("포럼 개막", "The forum opens")
    assert editor_tab.blocked == []


def test_admin_post_form_loads_without_script_errors(editor_tab):
    post = make_post()

    editor_tab.page.goto(f"/admin/news/post/{post.pk}/change/")
    editor_tab.page.wait_for_load_state("networkidle")

    assert editor_tab.problems == []
    assert editor_tab.blocked == []


def test_editor_compares_two_revisions_and_reverts_to_the_first(editor_tab, live_server):
    post = make_post(title_ko="포럼 폐막", title_en="The forum closes", slug="forum-closes")
    page = editor_tab.page
    open_and_settle(page, f"/admin/news/post/{post.pk}/change/")
    save_and_settle(page)
    open_and_settle(page, f"/admin/news/post/{post.pk}/change/")
    page.fill("#id_title_ko", "포럼 개막")
    page.locator(".ui-tabs").filter(has=page.locator("#id_title_ko")).get_by_role("tab", name="en").click()
    page.fill("#id_title_en", "The forum opens")
    save_and_settle(page)

    open_and_settle(page, f"/admin/news/post/{post.pk}/history/")
    expect(page.locator("#change-history tbody tr")).to_have_count(2)
    page.get_by_role("button", name="고른 수정본 비교").click()
    page.wait_for_load_state("networkidle")
    changes = page.locator("table.revision-changes tbody tr")
    expect(changes).to_have_text(["제목 한국어 포럼 폐막 개막", "제목 영어 The forum closes opens"])
    expect(changes.locator("del")).to_have_text(["폐막", "closes"])
    expect(changes.locator("ins")).to_have_text(["개막", "opens"])
    save_screenshot(page, "admin-revision-compare-ko-1280")

    open_and_settle(page, f"/admin/news/post/{post.pk}/history/")
    page.locator("#change-history tbody tr").last.locator("th a").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#id_title_ko")).to_have_value("포럼 폐막")
    save_and_settle(page)

    expect(page).to_have_url(f"{live_server.url}/admin/news/post/")
    assert Post.objects.values_list("title_ko", "title_en").get(pk=post.pk) == ("포럼 폐막", "The forum closes")
    open_and_settle(page, f"/admin/news/post/{post.pk}/history/")
    expect(page.locator("#change-history tbody tr")).to_have_count(3)
    assert editor_tab.problems == []
    assert editor_tab.blocked == []


def test_editor_saves_a_draft_of_a_live_post_previews_it_and_publishes_it(editor_tab, open_tab, live_server):
    post = make_post(title_ko="포럼 개막", title_en="The forum opens", slug="forum-opens", published_at=days_ago(1))
    make_post(title_ko="참가 신청 안내", title_en="How to register", slug="register", published_at=days_ago(2))
    page = editor_tab.page
    reader = open_tab(locale="ko-KR").page
    article = f"/ko/news/{post.pk}/forum-opens/"
    open_and_settle(page, f"/admin/news/post/{post.pk}/change/")
    page.fill("#id_title_ko", "제14회 포럼 개막")

    page.click("input[name=_save_draft]")
    page.wait_for_load_state("networkidle")

    expect(page).to_have_url(f"{live_server.url}/admin/news/post/{post.pk}/change/")
    expect(page.locator(".messagelist .success")).to_have_text(
        ["임시 저장했습니다. 독자에게는 지금 글이 그대로 보입니다. 변경 사항을 미리 본 뒤 게시하세요."]
    )
    expect(page.locator("#id_title_ko")).to_have_value("제14회 포럼 개막")
    save_screenshot(page, "admin-post-draft-of-live-post-ko-1280")
    open_and_settle(reader, article)
    expect(reader.locator("h1")).to_have_text("포럼 개막")
    open_and_settle(page, f"/ko/news/preview/{post.pk}/")
    expect(page.locator("h1")).to_have_text("제14회 포럼 개막")
    open_and_settle(page, "/admin/news/post/")
    expect(page.locator("#result_list tbody td.field-state")).to_have_text(["게시 중 + 임시 변경", "게시됨"])
    save_screenshot(page, "admin-post-list-live-draft-ko-1280")

    open_and_settle(page, f"/admin/news/post/{post.pk}/change/")
    page.click("input[name=_publish_changes]")
    page.wait_for_load_state("networkidle")

    expect(page).to_have_url(f"{live_server.url}/admin/news/post/")
    open_and_settle(reader, article)
    expect(reader.locator("h1")).to_have_text("제14회 포럼 개막")
    expect(page.locator("#result_list tbody td.field-state")).to_have_text(["게시됨", "게시됨"])
    assert editor_tab.problems == []
    assert editor_tab.blocked == []


def test_english_translator_opens_on_english_and_cannot_edit_the_korean_source(english_translator_tab, live_server):
    post = make_post(title_ko="포럼 개막", title_en="Forum opens", slug="forum-opens")
    page = english_translator_tab.page
    open_and_settle(page, f"/admin/news/post/{post.pk}/change/")

    expect(page.locator("#id_title_en")).to_be_visible()
    expect(page.locator("#id_title_en")).to_be_editable()
    expect(page.locator("#id_title_ko")).to_be_hidden()
    title_tabs = page.locator(".ui-tabs").filter(has=page.locator("#id_title_ko"))
    title_tabs.get_by_role("tab", name="ko").click()
    expect(page.locator("#id_title_ko")).to_be_visible()
    expect(page.locator("#id_title_ko")).to_be_disabled()
    expect(page.locator("#id_title_ko")).to_have_value("포럼 개막")
    body_tabs = page.locator(".ui-tabs").filter(has=page.locator("#id_body_ko"))
    body_tabs.get_by_role("tab", name="ko").click()
    expect(body_tabs.locator(".ProseMirror[contenteditable=false]")).to_have_count(1)
    save_screenshot(page, "admin-translator-korean-tab-ko-1280")

    title_tabs.get_by_role("tab", name="en").click()
    page.fill("#id_title_en", "The forum opens")
    save_and_settle(page)

    expect(page.locator(".messagelist .success")).to_have_count(1)
    assert Post.objects.values_list("title_ko", "title_en").get(pk=post.pk) == ("포럼 개막", "The forum opens")
    assert english_translator_tab.problems == []
    assert english_translator_tab.blocked == []


def cover_with_a_red_corner():
    """A square navy cover whose bottom-right corner only is red."""
    image = Image.new("RGB", (1000, 1000), (20, 30, 110))
    image.paste((220, 20, 20), (800, 850, 1000, 1000))
    output = io.BytesIO()
    image.save(output, "PNG")
    return ContentFile(output.getvalue(), name="cover.png")


def bottom_right_colour(url):
    with default_storage.open(urlsplit(url).path.removeprefix("/media/")) as stored:
        image = Image.open(stored).convert("RGB")
        return image.getpixel((image.width - 1, image.height - 1))


def is_red(colour):
    red, green, blue = colour
    return red > 180 and green < 70 and blue < 70


def test_editor_clicks_the_focal_point_of_a_cover_and_the_card_keeps_it(editor_tab, live_server):
    post = make_post(title_ko="광장의 시민들", title_en="Citizens in the square", cover=cover_with_a_red_corner())
    page = editor_tab.page
    open_and_settle(page, "/ko/news/")
    card_image = page.locator(".card__picture img")
    assert not is_red(bottom_right_colour(card_image.evaluate("image => image.currentSrc")))

    open_and_settle(page, f"/admin/news/post/{post.pk}/change/")
    cover = page.locator(".cover-focus__image")
    expect(cover).to_be_visible()
    box = cover.bounding_box()
    cover.click(position={"x": box["width"] * 0.95, "y": box["height"] * 0.95})
    expect(page.locator("#id_cover_focus_x")).to_have_value("95")
    expect(page.locator("#id_cover_focus_y")).to_have_value("95")
    expect(page.locator(".cover-focus__marker")).to_be_visible()
    page.locator(".field-cover").scroll_into_view_if_needed()
    save_screenshot(page, "admin-cover-focal-point-ko-1280")
    save_and_settle(page)

    assert Post.objects.values_list("cover_focus_x", "cover_focus_y").get(pk=post.pk) == (95, 95)
    expect(page.locator("td.field-cover_thumbnail img.cover-thumbnail")).to_have_count(1)
    save_screenshot(page, "admin-post-list-covers-ko-1280")
    open_and_settle(page, "/ko/news/")
    source = card_image.evaluate("image => image.currentSrc")
    assert is_red(bottom_right_colour(source))
    assert editor_tab.problems == []
    assert editor_tab.blocked == []


def test_a_new_posts_cover_is_shown_to_choose_its_focal_point_before_it_is_uploaded(editor_tab, tmp_path):
    page = editor_tab.page
    open_and_settle(page, "/admin/news/post/add/")
    expect(page.locator(".cover-focus")).to_be_hidden()
    path = tmp_path / "cover.png"
    path.write_bytes(cover_with_a_red_corner().read())

    page.set_input_files("#id_cover", str(path))

    cover = page.locator(".cover-focus__image")
    expect(cover).to_be_visible()
    box = cover.bounding_box()
    cover.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    expect(page.locator("#id_cover_focus_x")).to_have_value("25")
    expect(page.locator("#id_cover_focus_y")).to_have_value("75")
    assert editor_tab.problems == []


def test_the_body_editors_insert_figure_dialog_and_tooltips_are_korean(editor_tab):
    page = editor_tab.page
    open_and_settle(page, "/admin/news/post/add/")
    toolbar = page.locator(".prose-menubar").first

    expect(toolbar.locator("[data-name=bold]")).to_have_attribute("title", "굵게")
    expect(toolbar.locator("[data-name=figure]")).to_have_attribute("aria-label", "그림 넣기")
    toolbar.locator("[data-name=figure]").click()

    dialog = page.locator("dialog[open]")
    expect(dialog.locator("h3")).to_have_text("그림 넣기")
    expect(dialog.locator("label")).to_have_text(["이미지 주소", "대체 텍스트", "설명"])
    expect(dialog.get_by_role("button", name="찾아보기")).to_be_visible()
    save_screenshot(page, "admin-insert-figure-dialog-ko-1280")
    assert editor_tab.problems == []


@pytest.mark.parametrize("locale", ["ko-KR", "en-US"])
def test_post_list_at_1280_px_gives_titles_room_and_fits_every_column(open_tab, live_server, locale):
    """Django's navigation, filters and one-line dates and editions left a title 58 px."""
    make_forum()
    make_staff(username="editor", password="a-long-test-password")
    tab = logged_in_tab(open_tab, live_server, "editor", locale=locale)

    open_and_settle(tab.page, "/admin/news/post/")
    title_width = tab.page.eval_on_selector("#result_list th.column-title", "th => th.getBoundingClientRect().width")
    overflow = tab.page.eval_on_selector(".results", "box => box.scrollWidth - box.clientWidth")
    headings = tab.page.eval_on_selector_all("#result_list thead th", "ths => ths.map(th => th.innerText.trim())")

    assert title_width >= 300
    assert overflow == 0
    assert (
        headings[1:]
        == {
            "ko-KR": ["대표 이미지", "제목", "분류", "포럼 회차", "상태", "게시 일시", "상단 고정", "조회수", "언어"],
            "en-US": [
                "COVER",
                "TITLE",
                "CATEGORY",
                "EDITION",
                "STATUS",
                "PUBLICATION DATE",
                "PINNED",
                "VIEWS",
                "LANGUAGES",
            ],
        }[locale]
    )


@pytest.mark.parametrize(
    ("locale", "time_label", "now"),
    [("ko-KR", "시각(한국 시간, KST):", "현재"), ("en-US", "Time (Korea, KST):", "Now")],
)
def test_editor_in_paris_types_times_labelled_korea_time_with_no_note_about_the_server(
    open_tab, live_server, locale, time_label, now
):
    """Django told a browser outside Korea "Note: you are 8 hours behind server time"."""
    post = make_post(title_ko="포럼 개막", title_en="Forum opens", slug="forum-opens")
    make_staff(username="editor", password="a-long-test-password")
    tab = logged_in_tab(open_tab, live_server, "editor", locale=locale, timezone_id="Europe/Paris")

    open_and_settle(tab.page, f"/admin/news/post/{post.pk}/change/")
    published = tab.page.locator(".field-published_at")
    published.get_by_role("link", name=now, exact=True).last.click()
    typed = tab.page.input_value("#id_published_at_1")
    seoul_now = timezone.localtime(timezone.now(), ZoneInfo("Asia/Seoul"))

    expect(published.locator("p.datetime")).to_contain_text(time_label)
    expect(published.locator(".timezonewarning")).to_have_count(1)
    expect(published.locator(".timezonewarning")).to_be_hidden()
    assert abs(datetime.datetime.strptime(typed, "%H:%M:%S").hour - seoul_now.hour) in {0, 1, 23}

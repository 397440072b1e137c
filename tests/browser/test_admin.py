"""The editor's view: the post form's KOR/ENG tabs work offline."""

import pytest
from playwright.sync_api import expect

from news.models import Post
from tests.factories import make_post, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor_tab(open_tab, transactional_db, live_server):
    """A tab logged in to the admin through its login form, in Korean as the staff's browsers
    are: the admin follows the browser's language, and that language's tab opens first."""
    make_staff(username="editor", password="a-long-test-password")
    tab = open_tab(locale="ko-KR")
    tab.page.goto("/admin/login/")
    tab.page.fill("#id_username", "editor")
    tab.page.fill("#id_password", "a-long-test-password")
    tab.page.click("input[type=submit]")
    expect(tab.page).to_have_url(f"{live_server.url}/admin/")
    # Leaving a page that is still loading aborts its requests, which would count as failed.
    tab.page.wait_for_load_state("networkidle")
    return tab


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
    page.click("input[name=_save]")

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

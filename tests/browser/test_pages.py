"""Every kind of public page, in both languages, as chromium renders it."""

import pytest
from PIL import Image

from .conftest import DESKTOP, PHONE, SERIOUS, axe_violations, nu_html_check, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    f"{name}-{language}"
    for language in ("ko", "en")
    for name in ("home", "news", "article", "edition", "session", "person", "organizations", "organization")
]


def test_pages_load_without_console_errors_or_failed_requests(tab, site_pages):
    statuses = {}
    for name, path in site_pages.items():
        statuses[name] = tab.page.goto(path).status
        # Lazy images load once scrolled to: their requests must succeed too.
        tab.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        tab.page.wait_for_load_state("networkidle")

    assert statuses == dict.fromkeys(PAGES, 200)
    assert tab.problems == []
    assert tab.blocked == []


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violations(open_tab, site_pages, record_property, name):
    # axe is injected as an inline script, which the site's CSP rightly forbids.
    tab = open_tab(bypass_csp=True)
    tab.page.goto(site_pages[name])

    violations = axe_violations(tab.page)

    record_property("axe", (name, violations))
    assert [violation for violation in violations if violation["impact"] in SERIOUS] == []


def test_pages_are_valid_html(tab, site_pages, tmp_path, record_property):
    files = []
    for name, path in site_pages.items():
        html_file = tmp_path / f"{name}.html"
        html_file.write_bytes(tab.page.goto(path).body())
        files.append(html_file)

    messages = nu_html_check(files)

    record_property("vnu", (len(files), messages))
    assert [message for message in messages if message["type"] == "error"] == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_page_screenshots(open_tab, site_pages, record_property, viewport):
    tab = open_tab(viewport)
    saved = []
    for name, path in site_pages.items():
        tab.page.goto(path)
        tab.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        tab.page.wait_for_load_state("networkidle")
        saved.append(save_screenshot(tab.page, f"{name}-{viewport['width']}"))

    record_property("screenshots", [str(path) for path in saved])
    assert [path.name for path in saved] == [f"{name}-{viewport['width']}.png" for name in PAGES]
    assert {Image.open(path).width for path in saved} == {viewport["width"]}


def test_pages_fit_a_360_px_phone_without_horizontal_scrolling(open_tab, site_pages):
    """The article above all: pasted bodies bring wide images, tables and long URLs."""
    tab = open_tab(PHONE)
    widths = {}
    for name, path in site_pages.items():
        tab.page.goto(path)
        widths[name] = tab.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")

    assert widths == dict.fromkeys(PAGES, [360, 360])


def test_images_have_alt_text_load_and_below_the_fold_ones_load_lazily(tab, site_pages):
    images = {}
    for name in ("home-ko", "article-ko", "edition-en", "article-en"):
        tab.page.goto(site_pages[name])
        tab.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        tab.page.wait_for_load_state("networkidle")
        images[name] = tab.page.eval_on_selector_all(
            "img",
            "images => images.map(image => [image.alt, image.loading, image.complete && image.naturalWidth > 0])",
        )

    assert images == {
        # A card's cover is decorative (its title says what the post is).
        "home-ko": [["", "lazy", True], ["광주광역시 로고", "lazy", True], ["유네스코 로고", "lazy", True]],
        # The cover is the first thing a reader sees: it loads at once.
        "article-ko": [["폐막식 무대에 선 참가자들", "auto", True], ["무대에 선 인권도시 시장들", "lazy", True]],
        "edition-en": [
            ["Gwangju Metropolitan City logo", "lazy", True],
            ["UNESCO logo", "lazy", True],
            ["", "lazy", True],
        ],
        "article-en": [
            ["Participants on the stage of the closing ceremony", "auto", True],
            ["Mayors of human rights cities on the stage", "lazy", True],
        ],
    }
    assert tab.problems == []


def test_both_trees_draw_korean_with_a_korean_font(tab, site_pages):
    """Without a CJK font chromium draws Hangul as empty boxes ("tofu") in a fallback face;
    chromium itself reports which platform font drew each element's glyphs."""
    tab.page.goto(site_pages["home-ko"])
    korean_title = tab.page.inner_text(".site-title")
    korean_tree = platform_fonts(tab.page, ".site-title")
    tab.page.goto(site_pages["home-en"])
    switch_label = tab.page.inner_text(".language-switch a[lang=ko]")
    english_tree = platform_fonts(tab.page, ".language-switch a[lang=ko]")

    assert (korean_title, switch_label) == ("세계인권도시포럼 뉴스", "한국어")
    assert korean_tree == {"Noto Sans CJK KR": len(korean_title)}
    assert english_tree == {"Noto Sans CJK KR": len(switch_label)}


def platform_fonts(page, selector):
    """{font family: glyph count} of the fonts chromium drew the element's text with."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    document = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": document, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return {font["familyName"]: font["glyphCount"] for font in fonts}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_organization_page_on_a_phone_keeps_years_and_roles_whole_and_the_menu_under_the_title(
    open_tab, site_pages, language
):
    """At 360 px the roles table broke "2021" and "Host" inside the word, and the Korean menu
    sat at the right edge under a title it no longer fitted beside."""
    tab = open_tab(PHONE)

    tab.page.goto(site_pages[f"organization-{language}"])
    lines = tab.page.eval_on_selector_all(
        ".roles td:not(:first-child), .roles th:not(:first-child)",
        """cells => cells.map(cell => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size;
        })""",
    )
    lefts = tab.page.evaluate(
        "['.site-title', '.site-nav li'].map(s => Math.round(document.querySelector(s).getBoundingClientRect().left))"
    )

    assert lines == [1, 1, 1, 1]
    assert lefts[0] == lefts[1]

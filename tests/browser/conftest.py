"""Browser tests: playwright drives Debian's chromium against pytest-django's live server.

They are skipped, not failed, on a machine without /usr/bin/chromium, Java or the checkers
in tests/browser/node_modules (`make browser-tooling`).
"""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw
from playwright.sync_api import sync_playwright

from editions.models import EditionPartner, Organization, Session, Speaker
from tests.factories import (
    make_category,
    make_edition,
    make_organization,
    make_partner,
    make_post,
    make_session,
    make_speaker,
    seoul,
)

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
# As the machine notes advise: without the background-networking flags chromium keeps
# trying to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOOLING = HERE / "node_modules"
AXE = TOOLING / "axe-core" / "axe.min.js"
VNU = TOOLING / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS_DIR = Path(os.environ.get("SCREENSHOTS_DIR") or settings.BASE_DIR / "screenshots")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SERIOUS = {"serious", "critical"}


def missing_tools():
    tools = [
        (str(CHROMIUM), CHROMIUM.exists()),
        ("java", shutil.which("java") is not None),
        ("axe-core and vnu-jar in tests/browser/node_modules (make browser-tooling)", AXE.exists() and VNU.exists()),
    ]
    return [name for name, present in tools if not present]


def pytest_collection_modifyitems(config, items):
    """Skip this folder's tests, saying what is missing, on a machine without the tools."""
    if missing := missing_tools():
        skip = pytest.mark.skip(reason=f"browser tests need {', '.join(missing)}")
        for item in items:
            if item.path.is_relative_to(HERE):
                item.add_marker(skip)


# The browser


@pytest.fixture(scope="package")
def browser():
    """One chromium for the whole package. playwright's sync API keeps an event loop in
    this thread, which makes Django refuse ORM calls from the tests unless told it is fine."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class Tab:
    """A page in a browser context of its own, which records what went wrong while it was
    open: console errors, script errors, failed requests and HTTP errors (`problems`), and
    requests to any host but this machine, which are aborted (`blocked`)."""

    def __init__(self, browser, base_url, viewport=DESKTOP, **context_options):
        self.context = browser.new_context(base_url=base_url, viewport=viewport, **context_options)
        self.problems = []
        self.blocked = []
        self.context.route("**/*", self._stay_on_this_machine)
        self.page = self.context.new_page()
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        self.page.on(
            "requestfailed", lambda request: self.problems.append(f"failed: {request.url} ({request.failure})")
        )
        self.page.on("response", self._on_response)

    def _stay_on_this_machine(self, route):
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _on_console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _on_response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def close(self):
        self.context.close()


@pytest.fixture
def open_tab(browser, live_server):
    """open_tab(viewport=PHONE) -> a Tab on the live server; closed after the test."""
    tabs = []

    def open_tab(viewport=DESKTOP, **context_options):
        tab = Tab(browser, live_server.url, viewport, **context_options)
        tabs.append(tab)
        return tab

    yield open_tab
    for tab in tabs:
        tab.close()


@pytest.fixture
def tab(open_tab):
    return open_tab()


# Checkers


def axe_violations(page):
    """axe-core's violations on the page as it is now: [{id, impact, help, nodes}, ...]."""
    page.add_script_tag(path=AXE)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [" ".join(node["target"]) for node in violation["nodes"]],
        }
        for violation in results["violations"]
    ]


def nu_html_check(paths):
    """The Nu HTML checker's messages for the files, in one run: [{type, url, lastLine, message, ...}]."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    return json.loads(result.stdout)["messages"]


def save_screenshot(page, name):
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS_DIR / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


# Test data


def image_file(name, size, colour, band_colour="#dfe8f5"):
    """A real PNG made with Pillow: a coloured field with a lighter band across it."""
    image = Image.new("RGB", size, colour)
    width, height = size
    ImageDraw.Draw(image).rectangle([width // 8, height // 3, width * 7 // 8, height * 2 // 3], fill=band_colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


def make_forum():
    """The 11th forum with its partners (with logos), two sessions with speakers, and news:
    an article with a cover and an image in its body, a pinned post and a Korean-only post.
    Times are whole minutes, as the admin's date and time fields store them."""
    news = make_category("news", "뉴스", "News")
    notice = make_category("notice", "공지", "Notice", order=1)
    edition = make_edition(
        summary_ko="인권도시들이 광주에 모여 위기 속의 인권을 함께 논의했습니다.",
        summary_en="Human rights cities met in Gwangju to discuss human rights in a time of crisis.",
        participants=2780,
        cities=253,
        countries=76,
        program_count=35,
    )
    gwangju = make_organization(
        "gwangju",
        "광주광역시",
        "Gwangju Metropolitan City",
        kind=Organization.Kind.CITY,
        website="https://www.gwangju.go.kr/",
        logo=image_file("gwangju.png", (240, 120), "#0b5cab"),
        logo_alt_ko="광주광역시 로고",
        logo_alt_en="Gwangju Metropolitan City logo",
    )
    unesco = make_organization(
        logo=image_file("unesco.png", (240, 120), "#1d6fb8"),
        logo_alt_ko="유네스코 로고",
        logo_alt_en="UNESCO logo",
    )
    make_partner(edition, gwangju, EditionPartner.Role.HOST)
    make_partner(edition, unesco, EditionPartner.Role.CO_HOST, order=1)
    opening = make_session(
        edition,
        kind=Session.Kind.OPENING,
        title_ko="개회식",
        title_en="Opening ceremony",
        summary_ko="광주광역시장의 개회사와 유엔 인권최고대표의 영상 축사로 포럼을 엽니다.",
        summary_en="The Mayor of Gwangju opens the forum; the UN High Commissioner sends a video message.",
        starts_at=seoul(2021, 10, 6, 10),
        ends_at=seoul(2021, 10, 6, 11, 30),
    )
    opening.organizers.add(gwangju, unesco)
    speaker = make_speaker(opening)
    make_speaker(opening, name_ko="김인권", name_en="Kim In-gwon", role=Speaker.Role.MODERATOR, order=1)
    thematic = make_session(
        edition,
        kind=Session.Kind.THEMATIC,
        field_ko="기후 위기와 인권",
        field_en="Climate crisis and human rights",
        title_ko="기후 정의와 도시",
        title_en="Climate justice and cities",
        starts_at=seoul(2021, 10, 7, 14),
    )
    article = make_post(
        news,
        published_at=seoul(2021, 10, 10, 18),
        edition=edition,
        title_ko="제11회 세계인권도시포럼 폐막: 2,780명이 함께한 나흘",
        title_en="The 11th World Human Rights Cities Forum closes after four days with 2,780 participants",
        slug="the-11th-forum-closes",
        summary_ko="253개 도시, 76개국에서 온 참가자들이 35개 프로그램에서 인권도시의 미래를 논의했습니다.",
        summary_en="Participants from 253 cities in 76 countries discussed the future of human rights cities.",
        body_ko=article_body("ko"),
        body_en=article_body("en"),
        cover=image_file("closing.png", (1600, 900), "#12355b", "#f2a900"),
        cover_alt_ko="폐막식 무대에 선 참가자들",
        cover_alt_en="Participants on the stage of the closing ceremony",
    )
    article.sessions.add(opening, thematic)
    make_post(
        notice,
        published_at=seoul(2021, 11, 1, 9),
        pinned=True,
        title_ko="2022 포럼 자원봉사자 모집",
        title_en="Volunteers wanted for the 2022 forum",
        slug="volunteers-wanted",
    )
    korean_only = make_post(
        news,
        published_at=seoul(2021, 10, 20, 14),
        title_ko="광주 인권헌장 개정 시민 토론회",
        title_en="",
        slug="gwangju-charter-debate",
        summary_en="",
        body_en="",
    )
    korean_only.sessions.add(thematic)
    return {
        "edition": edition,
        "opening": opening,
        "article": article,
        "korean_only": korean_only,
        "person": speaker.person,
        "organization": gwangju,
    }


def article_body(language):
    """Paragraphs, a subheading, an image placed in the body (lazy, with alt text), a long
    unbroken URL and a table: what pasted articles from the old site contain."""
    image_url = default_storage.url(
        default_storage.save(f"body/stage-{language}.png", image_file("stage.png", (1200, 600), "#5b6475"))
    )
    text = {
        "ko": (
            "코로나19로 어려운 상황에서도 포럼은 인권 보호 기관과 참가자 모두의 연대로 마무리되었습니다.",
            "숫자로 본 포럼",
            "무대에 선 인권도시 시장들",
            "자료집은 다음 주소에서 받을 수 있습니다:",
            ("항목", "수"),
            (("참가자", "2,780"), ("도시", "253"), ("국가", "76")),
        ),
        "en": (
            "Despite the pandemic, the forum ended well thanks to the solidarity of human rights bodies and all "
            "participants.",
            "The forum in numbers",
            "Mayors of human rights cities on the stage",
            "The booklet can be downloaded from:",
            ("Item", "Number"),
            (("Participants", "2,780"), ("Cities", "253"), ("Countries", "76")),
        ),
    }[language]
    intro, heading, alt, download, header, rows = text
    table_rows = "".join(f"<tr><td>{name}</td><td>{number}</td></tr>" for name, number in rows)
    return (
        f"<p>{intro}</p>"
        f"<h2>{heading}</h2>"
        f'<p><img src="{image_url}" alt="{alt}" width="1200" height="600" loading="lazy"></p>'
        f"<table><thead><tr><th>{header[0]}</th><th>{header[1]}</th></tr></thead><tbody>{table_rows}</tbody></table>"
        f"<p>{download} https://www.whrcf.org/bbs/download.php?bo_table=news&amp;wr_id=1024&amp;no=0&amp;"
        "page=1&amp;sca=%EB%89%B4%EC%8A%A4&amp;filename=WHRCF2021_Final_Report_Korean_English_Edition.pdf</p>"
    )


@pytest.fixture
def forum(transactional_db):
    return make_forum()


@pytest.fixture
def site_pages(forum):
    """{name: path} of the pages every check visits: each kind of page in both languages."""
    edition, opening, article, person = forum["edition"], forum["opening"], forum["article"], forum["person"]
    organization = forum["organization"]
    pages = {
        "home": "/{}/",
        "news": "/{}/news/",
        "article": f"/{{}}/news/{article.pk}/{article.slug}/",
        "edition": f"/{{}}/forums/{edition.number}/",
        "session": f"/{{}}/forums/{edition.number}/sessions/{opening.pk}/",
        "person": f"/{{}}/people/{person.pk}/{person.slug}/",
        "organizations": "/{}/organizations/",
        "organization": f"/{{}}/organizations/{organization.slug}/",
    }
    return {f"{name}-{language}": path.format(language) for language in ("ko", "en") for name, path in pages.items()}


# The summary CI shows


def pytest_terminal_summary(terminalreporter):
    """The axe and Nu checker counts, the violations below serious, and the screenshots,
    from what the tests recorded with `record_property`."""
    properties = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) == "call":
                for name, value in report.user_properties:
                    properties.setdefault(name, []).append(value)
    if not properties:
        return
    write = terminalreporter.write_line
    terminalreporter.section("browser checks")
    if "axe" in properties:
        pages = properties["axe"]
        serious = [
            (page, v) for page, violations in pages for v in violations if v["impact"] in {"serious", "critical"}
        ]
        others = [
            (page, v) for page, violations in pages for v in violations if v["impact"] not in {"serious", "critical"}
        ]
        write(f"axe: {len(serious)} serious/critical violations on {len(pages)} pages")
        for page, violation in serious + others:
            write(f"  {page}: {violation['impact']} {violation['id']} ({violation['help']}): {violation['nodes']}")
    for pages, messages in properties.get("vnu", []):
        errors = [m for m in messages if m["type"] == "error"]
        warnings = [m for m in messages if m["type"] != "error"]
        write(f"vnu: {len(errors)} errors, {len(warnings)} warnings on {pages} pages")
        for message in errors + warnings:
            write(
                f"  {message['type']} {Path(message['url']).name}:{message.get('lastLine', '?')}: {message['message']}"
            )
    if "screenshots" in properties:
        paths = sorted(path for paths in properties["screenshots"] for path in paths)
        write(f"screenshots: {len(paths)} in {SCREENSHOTS_DIR}")
        for path in paths:
            write(f"  {path}")

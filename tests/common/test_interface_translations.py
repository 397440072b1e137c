"""Interface translations cannot add markup (common/interface_translations.py): not through
Rosetta, not through `compilemessages`, and Rosetta shows the project's catalogue only."""

import hashlib
import re
import shutil

import polib
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from common.interface_translations import added_markup
from tests.pages import BROWSER

pytestmark = pytest.mark.django_db

OUTSIDE_LINK = '<a href="https://login.example.net/">로그인</a>'


@pytest.mark.parametrize(
    ("source", "translation", "added"),
    [
        ("WHRCF News", "세계인권도시포럼 뉴스", []),
        ("WHRCF News", f"세계인권도시포럼 뉴스 {OUTSIDE_LINK}", ["</a>", '<a href="https://login.example.net/">']),
        ('Read <a href="%(url)s">more</a>', '<a href="%(url)s">더 읽기</a>', []),
        (
            'Read <a href="%(url)s">more</a>',
            '<a href="https://x.example/">더 읽기</a>',
            ['<a href="https://x.example/">'],
        ),
        ("WHRCF News", "뉴스 <script src=//x.example/a.js", ["<script src=//x.example/a.js"]),
        ("<b>New</b>", "<b>새</b> <b>글</b>", ["</b>", "<b>"]),
    ],
)
def test_added_markup_is_every_tag_the_source_does_not_have(source, translation, added):
    assert added_markup(source, translation) == added


@pytest.fixture
def catalogues(tmp_path, settings):
    """A copy of locale/, which Rosetta and compilemessages use instead of the project's."""
    project_locale = django_settings.BASE_DIR / "locale"
    shutil.copytree(project_locale, tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    settings.ROSETTA_EXCLUDED_PATHS = [str(project_locale)]
    return tmp_path / "locale"


def translation_of(catalogues, language, msgid):
    return polib.pofile(str(catalogues / language / "LC_MESSAGES/django.po")).find(msgid).msgstr


def save_in_rosetta(client, catalogues, language, msgid, msgstr):
    """What a translator's browser posts when changing the translation of `msgid`."""
    entry = polib.pofile(str(catalogues / language / "LC_MESSAGES/django.po")).find(msgid)
    field = hashlib.md5(f"{entry.msgid}{entry.msgstr}{entry.msgctxt or ''}".encode()).hexdigest()
    client.get(f"/rosetta/files/project/{language}/0/")
    return client.post(f"/rosetta/files/project/{language}/0/", {f"m_{field}": msgstr})


@pytest.mark.parametrize(("language", "title"), [("ko", "세계인권도시포럼 뉴스"), ("en", "WHRCF News")])
def test_translation_that_adds_markup_is_not_saved_in_rosetta(translator_client, catalogues, language, title):
    before = translation_of(catalogues, language, "WHRCF News")

    save_in_rosetta(translator_client, catalogues, language, "WHRCF News", f"{title} {OUTSIDE_LINK}")

    assert before in ("", title)
    assert translation_of(catalogues, language, "WHRCF News") == before


@pytest.mark.parametrize("language", ["ko", "en"])
def test_translation_without_markup_is_saved_in_rosetta(translator_client, catalogues, language):
    save_in_rosetta(translator_client, catalogues, language, "WHRCF News", "WHRCF 소식")

    assert translation_of(catalogues, language, "WHRCF News") == "WHRCF 소식"


@pytest.mark.parametrize(("language", "before"), [("ko", "세계인권도시포럼 뉴스"), ("en", "WHRCF News")])
def test_translation_saved_in_rosetta_shows_at_once_on_a_cached_page(translator_client, catalogues, language, before):
    call_command("compilemessages", locale=[language], verbosity=0)
    reader = Client()
    home = f"/{language}/"
    first = reader.get(home, HTTP_USER_AGENT=BROWSER)
    cached = reader.get(home, HTTP_USER_AGENT=BROWSER)

    save_in_rosetta(translator_client, catalogues, language, "WHRCF News", "인권도시 소식")
    after = reader.get(home, HTTP_USER_AGENT=BROWSER)

    assert [site_title(page) for page in (first, cached, after)] == [before, before, "인권도시 소식"]


def test_catalogue_saved_by_another_process_is_read_again_before_the_next_page(client, catalogues):
    """Rosetta saved in another worker process: this one finds the new .mo on disk."""
    call_command("compilemessages", locale=["ko"], verbosity=0)
    before = client.get("/ko/", HTTP_USER_AGENT=BROWSER)
    catalogue = polib.pofile(str(catalogues / "ko/LC_MESSAGES/django.po"))
    catalogue.find("WHRCF News").msgstr = "인권도시 소식"
    catalogue.save()
    catalogue.save_as_mofile(str(catalogues / "ko/LC_MESSAGES/django.mo"))

    after = client.get("/ko/news/", HTTP_USER_AGENT=BROWSER)

    assert (site_title(before), site_title(after)) == ("세계인권도시포럼 뉴스", "인권도시 소식")


def site_title(response):
    return re.search(r'<a class="site-title" href="[^"]*">([^<]*)</a>', response.content.decode())[1]


def test_compilemessages_refuses_a_catalogue_that_adds_markup(catalogues):
    po_path = catalogues / "ko/LC_MESSAGES/django.po"
    catalogue = polib.pofile(str(po_path))
    catalogue.find("WHRCF News").msgstr = f"세계인권도시포럼 뉴스 {OUTSIDE_LINK}"
    catalogue.save()

    with pytest.raises(CommandError) as refused:
        call_command("compilemessages", "--ignore=*")

    assert str(refused.value) == (
        f"Translations may not add markup:\n{po_path}: 'WHRCF News' adds </a> <a href=\"https://login.example.net/\">"
    )


def test_rosetta_lists_the_project_catalogue_only(translator_client):
    response = translator_client.get("/rosetta/files/project/")

    files = {
        language: [path for _app, path, _po in po_files] for language, _name, po_files in response.context["languages"]
    }
    assert files == {
        language: [str(django_settings.BASE_DIR / f"locale/{language}/LC_MESSAGES/django.po")]
        for language in ("ko", "en")
    }


@pytest.mark.parametrize("listing", ["django", "third-party", "all"])
def test_rosetta_does_not_show_other_catalogues(translator_client, listing):
    assert translator_client.get(f"/rosetta/files/{listing}/").status_code == 404
    assert translator_client.get(f"/rosetta/files/{listing}/ko/0/").status_code == 404

"""`manage.py import_gnuboard` on a dump written by gnuboard5 itself (tests/legacy/data/gnuboard5/,
made by tests/legacy/make_gnuboard_fixture.py): the real gnuboard5 5.6.34, its installer, its
admin and its own PHP forms, then `mysqldump` with its default options and a copy of data/.

What the old site holds (wr_id, what, hits; downloads of the attachments):

news (Korean)                                         news_eng (English)
 1  online opening, 2020, 3 SmartEditor photos, 9 hits  1 twin of 1, 6 hits, 1 comment (5)
    PDF (3 downloads) and JPG (1) attached, 2 comments (9, 10)
 2  programme, 2021, a table, HWP (2 downloads), 5      2 twin of 2, 2 hits
 3  co-hosts, 보도자료, 2 hits                          3 twin of 3, "Press release", 1 hit
 4  photo contest, 공모전 (no counterpart here), 1
 5  video, 2020: a YouTube iframe and an external image, 2
 6  volunteers, 2021, plain text with addresses, 3      4 twin of 6, plain text, 1 hit
 7  a secret post
 8  reply (답변) to 6, 1 hit
"""

import re
from email.message import EmailMessage
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from legacy.models import LegacyURL, MissingLegacyURL
from news.models import Attachment, Post
from tests.factories import make_category, make_edition
from tests.pages import BROWSER, article_url

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parent / "data" / "gnuboard5"
DUMP = FIXTURE / "gnuboard5.sql"
TWINS = FIXTURE / "twins.csv"
DATA = FIXTURE / "data"


def import_gnuboard(*args):
    stdout, stderr = StringIO(), StringIO()
    call_command("import_gnuboard", *(str(arg) for arg in args), stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def import_old_site(*options, dump=DUMP):
    """The whole old site: both boards, their twins, editor images and attachments."""
    return import_gnuboard(dump, "--twins", TWINS, "--files", DATA, "--attachments", dump, *options)


def stored_files():
    root = Path(default_storage.location)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


# 1. A dump is imported only when it is whole.


def cut_offsets(data):
    """Where to cut the dump: every 97th byte, both sides of every line break, statement
    end and row boundary, and every byte of mysqldump's last line."""
    offsets = set(range(0, len(data), 97))
    for boundary in (rb"\n", rb";", rb"\),\(", rb"\)"):
        for match in re.finditer(boundary, data):
            offsets.update({match.start(), match.end()})
    offsets.update(range(data.rindex(b"\n-- Dump completed"), len(data)))
    return sorted(offsets - {len(data)})


def test_every_cut_of_the_real_dump_is_refused_and_imports_nothing(tmp_path):
    data = DUMP.read_bytes()
    cut = tmp_path / "gnuboard5.sql"
    refusals = []
    for offset in cut_offsets(data):
        cut.write_bytes(data[:offset])
        with pytest.raises(CommandError) as error:
            import_old_site(dump=cut)
        refusals.append(str(error.value))

    assert len(refusals) > 500
    assert [message for message in refusals if not message.startswith(f"{cut}: line ")] == []
    assert {re.sub(r"line \d+|table \w+|byte 0x\w\w", "…", message) for message in refusals} == {
        f"{cut}: … is not UTF-8 (…); export the dump as UTF-8.",
        f"{cut}: …: a statement has no closing ;, the dump is cut short. Import a whole dump.",
        f"{cut}: …: a statement in … has no closing ;, the dump is cut short. Import a whole dump.",
        f'{cut}: …: the dump ends in … without mysqldump\'s last line "-- Dump completed", so it is cut '
        "short (or was made with --skip-comments). Import a whole dump.",
        f'{cut}: …: the dump ends without mysqldump\'s last line "-- Dump completed", so it is cut short '
        "(or was made with --skip-comments). Import a whole dump.",
        f"{cut}: …: unterminated quoted text in …; the dump is damaged or cut short.",
    }
    assert (Post.objects.count(), Attachment.objects.count(), LegacyURL.objects.count()) == (0, 0, 0)
    assert stored_files() == []


def test_a_dump_cut_after_a_table_names_the_table_and_line(tmp_path):
    data = DUMP.read_bytes()
    # Cut right after the English board's rows: the attachments' table is missing.
    end_of_english_rows = data.index(b"UNLOCK TABLES;", data.index(b"INSERT INTO `g5_write_news_eng`")) + 15
    cut = tmp_path / "gnuboard5.sql"
    cut.write_bytes(data[:end_of_english_rows])
    lines = data[:end_of_english_rows].count(b"\n") + 1

    with pytest.raises(CommandError) as error:
        import_gnuboard(cut, "--twins", TWINS)

    assert str(error.value) == (
        f"{cut}: line {lines}: the dump ends in table g5_write_news_eng without mysqldump's last line "
        '"-- Dump completed", so it is cut short (or was made with --skip-comments). Import a whole dump.'
    )
    assert Post.objects.count() == 0


def test_a_cut_dump_exits_with_an_error(tmp_path, manage):
    data = DUMP.read_bytes()
    cut = tmp_path / "gnuboard5.sql"
    cut.write_bytes(data[: data.index(b"INSERT INTO `g5_board_file`")])

    result = manage("import_gnuboard", str(cut), "--dry-run", env={})

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"CommandError: {cut}: line ")
    assert "without mysqldump's last line" in result.stderr


def test_the_whole_dump_imports():
    stdout, _stderr = import_old_site()

    assert stdout.splitlines()[:3] == [
        "Imported 7 posts (7 created, 0 updated, 3 skipped) from board news.",
        "Imported 4 posts (0 created, 4 updated, 1 skipped) from board news_eng.",
        "Joined 4 posts of board news_eng to their Korean twins.",
    ]


# 2. Downloads are named after bf_source; 3. re-importing never lowers download counts.

PDF = "2020 세계인권도시포럼 결과보고서.pdf"


def attachments():
    return list(
        Attachment.objects.order_by("post__legacy_id", "order").values_list(
            "post__legacy_id", "title_ko", "download_count", "order", "size"
        )
    )


def download_name(response):
    """The file name a browser saves the download under, read from Content-Disposition."""
    message = EmailMessage()
    message["Content-Disposition"] = response["Content-Disposition"]
    return message.get_filename()


def test_attachments_keep_their_original_names_and_counts():
    import_old_site()

    assert attachments() == [
        (1, PDF, 3, 0, 592),
        (1, "개막식 사진.jpg", 1, 1, 788),
        (2, "참가 신청서.hwp", 2, 0, 66),
    ]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_download_is_named_after_bf_source(client, language):
    import_old_site()
    names = []
    for attachment in Attachment.objects.order_by("post__legacy_id", "order"):
        with translation.override(language):
            url = attachment.get_absolute_url()
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        names.append(download_name(response))
        b"".join(response.streaming_content)

    assert names == [PDF, "개막식 사진.jpg", "참가 신청서.hwp"]


def test_reimport_keeps_the_downloads_counted_since(client):
    import_old_site()
    pdf = Attachment.objects.get(title_ko=PDF)
    for _reader in range(2):
        b"".join(client.get(pdf.get_absolute_url(), HTTP_USER_AGENT=BROWSER).streaming_content)

    stdout, _stderr = import_old_site()

    assert "Attachments: 3 (0 created, 3 updated)." in stdout.splitlines()
    assert attachments()[0] == (1, PDF, 5, 0, 592)


# 4. A joined post has the views of both its rows.

# The old site's hits of each post, by Korean wr_id: the Korean row's plus its English twin's.
HITS = {1: 9 + 6, 2: 5 + 2, 3: 2 + 1, 4: 1, 5: 2, 6: 3 + 1, 8: 1}


def view_counts():
    return dict(Post.objects.filter(legacy_board="news").values_list("legacy_id", "view_count"))


def test_a_joined_post_has_the_views_of_both_rows(client):
    import_old_site()
    opening = Post.objects.get(legacy_board="news", legacy_id=1)

    assert view_counts() == HITS
    for language, views in (("ko", "조회 15"), ("en", "Views 15")):
        response = client.get(article_url(opening, language))
        assertContains(response, f'<span class="views">{views}</span>')


def test_reimport_adds_the_english_views_once():
    import_old_site()
    Post.objects.filter(legacy_board="news", legacy_id=2).update(view_count=20)

    import_old_site()

    assert view_counts() == HITS | {2: 20}


def test_english_rows_joined_to_korean_posts_of_an_earlier_run_add_their_views(tmp_path):
    import_gnuboard(DUMP, "--board", "news", "--files", DATA)
    assert view_counts() == {1: 9, 2: 5, 3: 2, 4: 1, 5: 2, 6: 3, 8: 1}

    import_gnuboard(DUMP, "--board", "news_eng", "--twins", TWINS)
    import_gnuboard(DUMP, "--board", "news_eng", "--twins", TWINS)

    assert view_counts() == HITS


# 5. Old download links lead to the attachment; 6. a comment's address to its article.


def missing_addresses():
    return list(MissingLegacyURL.objects.values_list("old_path", "old_query", "hit_count"))


def test_old_download_links_lead_to_the_attachment(client):
    import_old_site()
    names = []
    for query in (
        # As the old article pages linked them, with their nonce (which is ignored).
        "bo_table=news&wr_id=1&no=0&nonce=4c8a0e2f|1796305580",
        "bo_table=news&wr_id=1&no=1",
        "bo_table=news&wr_id=2&no=0&page=3",
    ):
        response = client.get(f"/bbs/download.php?{query}")
        assert response.status_code == 301
        assert re.fullmatch(r"/ko/news/\d+/files/\d+/", response["Location"])
        download = client.get(response["Location"])
        names.append(download_name(download))
        b"".join(download.streaming_content)

    assert names == [PDF, "개막식 사진.jpg", "참가 신청서.hwp"]
    assert missing_addresses() == []


@pytest.mark.parametrize(
    ("query", "language", "heading"),
    [
        ("bo_table=news&wr_id=7&no=0", "ko", "페이지를 찾을 수 없습니다"),  # the secret post's
        ("bo_table=news&wr_id=1&no=2", "ko", "페이지를 찾을 수 없습니다"),
        ("bo_table=news_eng&wr_id=1&no=0", "en", "Page not found"),
    ],
)
def test_unknown_old_download_links_are_404_and_recorded(client, query, language, heading):
    import_old_site()

    response = client.get(f"/bbs/download.php?{query}&nonce=1")
    client.get(f"/bbs/download.php?{query}")

    assertContains(response, f'<html lang="{language}">', status_code=404)
    assertContains(response, f"<h1>{heading}</h1>", html=True, status_code=404)
    assert missing_addresses() == [("/bbs/download.php", query, 2)]


@pytest.mark.parametrize(
    ("board", "comment", "language", "title"),
    [
        ("news", 9, "ko", "제10회 세계인권도시포럼 온라인 개막"),
        ("news", 10, "ko", "제10회 세계인권도시포럼 온라인 개막"),
        ("news_eng", 5, "en", "10th World Human Rights Cities Forum opens online"),
    ],
)
def test_an_old_comment_link_leads_to_its_article(client, board, comment, language, title):
    import_old_site()
    opening = Post.objects.get(legacy_board="news", legacy_id=1)

    response = client.get(f"/bbs/board.php?bo_table={board}&wr_id={comment}&page=1")

    assert response.status_code == 301
    assert response["Location"] == article_url(opening, language)
    assertContains(client.get(response["Location"]), f"<h1>{title}</h1>", html=True)
    assert missing_addresses() == []


def test_the_import_reports_the_old_addresses_it_keeps():
    stdout, _stderr = import_old_site()

    assert stdout.splitlines()[-1] == (
        "Old addresses kept: posts 11, comments 3 (to their posts), attachment downloads 3."
    )


# 7. Categories: a year is the post's edition; any other category maps by name or by --category-map.


@pytest.fixture
def site_categories():
    """The new site's categories and forums, as the editors made them before the import."""
    make_edition(number=10, year=2020)
    make_edition(number=11, year=2021)
    make_category("news", "뉴스", "News", order=1)
    make_category("press-release", "보도자료", "Press release", order=2)
    make_category("events", "행사", "Events", order=3)


def categories_and_editions():
    return list(
        Post.objects.order_by("legacy_board", "legacy_id").values_list(
            "legacy_board", "legacy_id", "category__slug", "edition__number"
        )
    )


def test_categories_map_by_name_and_years_become_editions(site_categories):
    _stdout, stderr = import_old_site()

    assert categories_and_editions() == [
        ("news", 1, "news", 10),
        ("news", 2, "news", 11),
        ("news", 3, "press-release", None),
        ("news", 4, "news", None),
        ("news", 5, "news", 10),
        ("news", 6, "news", 11),
        ("news", 8, "news", 11),
    ]
    assert stderr.splitlines()[0] == (
        "Warning: old categories with no category of the same name here; their posts went to the board's "
        "category (뉴스 / 공지): 공모전 (news, 1 posts). Give --category-map NAME=SLUG to put them elsewhere."
    )


def test_english_category_names_map_too(site_categories):
    import_gnuboard(DUMP, "--board", "news_eng")

    assert categories_and_editions() == [
        ("news_eng", 1, "news", 10),
        ("news_eng", 2, "news", 11),
        ("news_eng", 3, "press-release", None),
        ("news_eng", 4, "news", 11),
    ]


def test_category_map_places_the_rest(site_categories, client):
    _stdout, stderr = import_old_site("--category-map", "공모전=events")

    contest = Post.objects.get(legacy_board="news", legacy_id=4)
    assert contest.category.slug == "events"
    assert "old categories" not in stderr
    for language, name in (("ko", "행사"), ("en", "Events")):
        with translation.override(language):
            response = client.get(reverse("news:post_list"), {"category": "events"})
        assertContains(response, "청소년 인권 사진 공모전")
        assertContains(response, name)


def test_category_map_without_a_slug_is_refused(site_categories):
    with pytest.raises(CommandError) as error:
        import_old_site("--category-map", "공모전")

    assert str(error.value) == "--category-map '공모전': give the old category and a category's slug: 공모전=events."
    assert Post.objects.count() == 0


def test_category_map_to_a_missing_category_imports_nothing(site_categories):
    with pytest.raises(CommandError) as error:
        import_old_site("--category-map", "공모전=contests")

    assert str(error.value) == (
        "--category-map: no category contests; the categories are: events, news, press-release."
    )
    assert Post.objects.count() == 0


# 8. Content: replies, videos, other sites' images, SmartEditor photos, plain-text addresses.


def body(wr_id, language="ko"):
    """The body of the post made from the Korean board's row `wr_id` (and its English twin)."""
    return getattr(Post.objects.get(legacy_board="news", legacy_id=wr_id), f"body_{language}")


def test_a_reply_links_to_the_post_it_answers_and_back(client):
    _stdout, _stderr = import_old_site()
    volunteers = Post.objects.get(legacy_board="news", legacy_id=6)
    reply = Post.objects.get(legacy_board="news", legacy_id=8)

    assert reply.title_ko == "Re: 자원봉사자 모집"
    assert reply.body_ko == (
        f'<p>이 글이 답한 글: <a href="{article_url(volunteers)}" rel="noopener noreferrer">자원봉사자 모집</a></p>'
        "<p>자원봉사자 모집은 9월 30일에 마감한다.</p>"
    )
    assert volunteers.body_ko.endswith(
        f'<p>이 글에 단 답변: <a href="{article_url(reply)}" rel="noopener noreferrer">Re: 자원봉사자 모집</a></p>'
    )
    assert "답변" not in volunteers.body_en
    page = client.get(article_url(reply))
    assertContains(page, f'<a href="{article_url(volunteers)}" rel="noopener noreferrer">자원봉사자 모집</a>')


def test_a_reimport_links_a_reply_once():
    stdout, _stderr = import_old_site()
    stdout_again, _stderr = import_old_site()

    assert "Replies (답변) linked to the posts they answer: 1." in stdout.splitlines()
    assert body(8).count("이 글이 답한 글") == 1
    assert body(6).count("이 글에 단 답변") == 1
    assert "Replies (답변) linked to the posts they answer: 1." in stdout_again.splitlines()


def test_a_video_and_another_sites_image_become_links(client):
    import_old_site()
    video = Post.objects.get(legacy_board="news", legacy_id=5)

    assert video.body_ko == (
        "<p>개막식 영상을 다시 볼 수 있다.</p>"
        '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">'
        "YouTube에서 영상 보기</a></p>"
        '<p><a href="https://www.example.org/photos/opening.jpg" rel="noopener noreferrer">이미지: 개막식 무대</a></p>'
    )
    page = client.get(article_url(video))
    assertContains(page, "YouTube에서 영상 보기")
    assertNotContains(page, "<iframe")
    assertNotContains(page, 'src="https://www.example.org')


def test_smarteditor_photos_are_copied_and_their_made_up_names_are_no_alt_text():
    _stdout, stderr = import_old_site()

    images = re.findall(r"<img [^>]*>", body(1))
    assert [re.sub(r"_\d+_\d+\.jpg", "_….jpg", image) for image in images] == [
        '<img src="/media/legacy/editor/2612/69eaff8994b2350219a2313a45b79036_….jpg" alt="">'
    ] * 3
    assert (
        f"{DUMP}: line 81 (news wr_id 1): 3 images have no description (alt text); add one in the post's admin."
        in (stderr.removeprefix("Warning: ").replace("\nWarning: ", "\n").splitlines())
    )


def test_a_smarteditor_photo_named_by_its_author_gets_that_name_as_alt(tmp_path):
    # gnuboard 5.6 names every upload itself; older SmartEditor2 uploads kept the author's
    # file name in `title`, which gnuboard 5.6 cannot write: this row is written by hand.
    text = DUMP.read_text(encoding="utf-8")
    own_name = text.replace(
        'title=\\"69eaff8994b2350219a2313a45b79036_1796305579_1704.jpg\\"', 'title=\\"개막식 무대 사진.JPG\\"'
    )
    assert own_name != text
    dump = tmp_path / "gnuboard5.sql"
    dump.write_text(own_name, encoding="utf-8")

    import_gnuboard(dump, "--board", "news", "--files", DATA)

    images = re.findall(r"<img [^>]*>", body(1))
    assert [re.search(r'alt="[^"]*"', image)[0] for image in images] == ['alt="개막식 무대 사진"', 'alt=""', 'alt=""']


def test_addresses_in_plain_text_posts_become_links(client):
    import_old_site()

    assert body(6).startswith(
        "<p>포럼 자원봉사자를 모집합니다.<br>"
        '신청: <a href="https://whrcf.org/volunteer" rel="noopener noreferrer">https://whrcf.org/volunteer</a> 또는 '
        '<a href="mailto:volunteer@whrcf.org" rel="noopener noreferrer">volunteer@whrcf.org</a></p>\n'
        '<p>문의는 <a href="http://www.gic.or.kr" rel="noopener noreferrer">www.gic.or.kr</a> 에서도 받습니다.</p>'
    )
    assert body(6, "en") == (
        "<p>The forum is looking for volunteers.<br>"
        'Apply at <a href="https://whrcf.org/volunteer" rel="noopener noreferrer">https://whrcf.org/volunteer</a> or '
        '<a href="mailto:volunteer@whrcf.org" rel="noopener noreferrer">volunteer@whrcf.org</a></p>'
    )
    volunteers = Post.objects.get(legacy_board="news", legacy_id=6)
    assertContains(client.get(article_url(volunteers, "en")), '<a href="mailto:volunteer@whrcf.org"')


def test_copied_photos_stay_images_when_media_is_served_from_another_host(settings):
    settings.MEDIA_URL = "https://media.example.org/"

    import_old_site()

    images = re.findall(r"<img [^>]*>", body(1))
    assert [re.sub(r"_\d+_\d+\.jpg", "_….jpg", image) for image in images] == [
        '<img src="https://media.example.org/legacy/editor/2612/69eaff8994b2350219a2313a45b79036_….jpg" alt="">'
    ] * 3

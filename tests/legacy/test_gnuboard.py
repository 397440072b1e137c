"""`manage.py import_gnuboard` (legacy/gnuboard.py) on the sample dumps of the old site in
legacy/sample_dump/."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db.models import F

from legacy.models import LegacyURL
from news.models import Attachment, Category, Post
from tests.factories import SAMPLE_DUMP, import_sample_dump, make_category, make_edition, missing_addresses, seoul

pytestmark = pytest.mark.django_db

KOREAN_JSON = SAMPLE_DUMP / "g5_write_news.json"
ENGLISH_CSV = SAMPLE_DUMP / "g5_write_news_eng.csv"
KOREAN_SQL = SAMPLE_DUMP / "g5_write_news.sql"
TWINS = SAMPLE_DUMP / "twins.csv"
BOARD_FILES = SAMPLE_DUMP / "g5_board_file.json"
DATA = SAMPLE_DUMP / "data"
STAGE_IMAGE = "9c2e41d7b08a3f65e1d4c7a2b9f03e58_1635728102_3317.png"
GROUP_IMAGE = "9c2e41d7b08a3f65e1d4c7a2b9f03e58_1635728240_8864.jpg"
NEWSLETTER = "3400712835_7f3c9e21_newsletter_2021_11.pdf"
NEWSLETTER_TITLE = "WHRCF 뉴스레터 2021년 11월호.pdf"
# mysqldump's last line: a SQL dump without it is cut short.
DUMP_COMPLETED = "-- Dump completed on 2023-12-28 23:40:12\n"
# What the sample rows hold in wr_password, wr_ip and wr_email.
PRIVATE_VALUES = [
    "*6A2F9C0E4B81D3577E0C9A1B2D4F6E8A0C3B5D71",
    "sha256:12000:Qm9hcmRTYWx0MjAyMA==:Vx0R8pL2kq7Yd3nT5wB9cE1fH4jM6sA=",
    "203.0.113.24",
    "198.51.100.73",
    "whrcf.office@example.com",
    "reader.kim@example.net",
]
FULL_IMPORT = [
    KOREAN_JSON,
    ENGLISH_CSV,
    KOREAN_SQL,
    "--twins",
    TWINS,
    "--files",
    DATA,
    "--attachments",
    BOARD_FILES,
]


def import_gnuboard(*args):
    stdout, stderr = StringIO(), StringIO()
    call_command("import_gnuboard", *(str(arg) for arg in args), stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def imported_posts():
    """What each imported post came from and its titles, by old board and wr_id."""
    return list(
        Post.objects.order_by("legacy_board", "legacy_id").values_list(
            "legacy_board", "legacy_id", "legacy_twin_id", "title_ko", "title_en"
        )
    )


def imported_facts():
    return list(
        Post.objects.order_by("legacy_board", "legacy_id").values_list(
            "legacy_id", "published_at", "view_count", "category__slug", "edition__number", "status"
        )
    )


def database_state():
    return (
        list(Post.objects.order_by("pk").values()),
        list(Attachment.objects.order_by("pk").values()),
        list(Category.objects.order_by("pk").values()),
    )


def stored_files():
    root = Path(default_storage.location)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def write_rows(path, rows):
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


def board_row(wr_id, **columns):
    row = {
        "wr_id": wr_id,
        "wr_is_comment": 0,
        "ca_name": "2021",
        "wr_option": "html1",
        "wr_subject": f"포럼 소식 {wr_id}",
        "wr_content": "<p>본문</p>",
        "wr_hit": 114,
        "wr_datetime": "2021-10-31 17:02:00",
    }
    return row | columns


def test_import_json_board_makes_korean_posts():
    make_edition(number=11, year=2021)

    stdout, stderr = import_gnuboard(KOREAN_JSON)

    assert imported_posts() == [
        ("news", 38, None, "제10회 세계인권도시포럼을 마치며", None),
        ("news", 52, None, "제11회 세계인권도시포럼 참가 신청 안내", None),
        ("news", 63, None, "제11회 세계인권도시포럼 폐막", None),
        ("news", 70, None, "세계인권도시포럼 뉴스레터 2021년 11월호", None),
    ]
    assert imported_facts() == [
        (38, seoul(2020, 10, 21, 19, 47), 1254, "news", None, "published"),
        (52, seoul(2021, 9, 1, 10, 30), 2310, "news", 11, "published"),
        (63, seoul(2021, 10, 31, 17, 2), 947, "news", 11, "published"),
        (70, seoul(2021, 11, 15, 14, 20), 114, "news", 11, "published"),
    ]
    assert list(Post.objects.order_by("legacy_id").values_list("slug", flat=True)) == [
        "news-38",
        "news-52",
        "news-63",
        "news-70",
    ]
    assert stdout == (
        "Imported 4 posts (4 created, 0 updated, 2 skipped) from board news.\n"
        "Old addresses kept: posts 4, comments 1 (to their posts), attachment downloads 0.\n"
    )
    assert stderr == (
        "Warning: 2 images keep their old addresses; give --files DIR (the old site's data/ folder) to copy them.\n"
    )


def test_import_skips_comment_and_secret_rows(tmp_path):
    dump = tmp_path / "g5_write_news.json"
    dump.write_text(
        json.dumps(
            {
                "rows": [
                    board_row(1, wr_subject="공개 글"),
                    board_row(2, wr_subject="", wr_content="댓글입니다", wr_is_comment=1, wr_parent=1),
                    board_row(3, wr_subject="비밀 글", wr_option="html1,secret"),
                ]
            }
        ),
        encoding="utf-8",
    )

    stdout, _stderr = import_gnuboard(dump)

    assert list(Post.objects.values_list("legacy_id", "title_ko")) == [(1, "공개 글")]
    assert stdout == (
        "Imported 1 posts (1 created, 0 updated, 2 skipped) from board news.\n"
        "Old addresses kept: posts 1, comments 1 (to their posts), attachment downloads 0.\n"
    )


def test_import_plain_text_row_becomes_escaped_paragraphs():
    import_gnuboard(KOREAN_JSON)

    post = Post.objects.get(legacy_board="news", legacy_id=52)
    assert post.body_ko == (
        "<p>제11회 세계인권도시포럼 참가 신청을 받습니다.</p>\n"
        "<p>신청 기간: 2021년 9월 1일(수) ~ 9월 30일(목)<br>신청 방법: 포럼 누리집의 온라인 신청서 작성<br>"
        "참가비: 없음 (사전 등록 &amp; 현장 등록 모두 무료)</p>\n"
        "<p>온라인 참가자에게는 세션별 접속 주소를 10월 초에 보내 드립니다.<br>"
        "현장 좌석은 &lt;선착순&gt;으로 마감합니다.</p>"
    )
    assert post.summary_ko == (
        "제11회 세계인권도시포럼 참가 신청을 받습니다. 신청 기간: 2021년 9월 1일(수) ~ 9월 30일(목) "
        "신청 방법: 포럼 누리집의 온라인 신청서 작성 참가비: 없음 (사전 등록 & 현장 등록 모두 무료) "
        "온라인 참가자에게는 세션별 접속 주소를 10월 초에 보내 드립니다. 현장 좌석은 <선착순>으로 마감합니다."
    )


def test_import_html2_row_keeps_its_line_breaks():
    import_gnuboard(KOREAN_JSON)

    post = Post.objects.get(legacy_board="news", legacy_id=70)
    assert post.body_ko == (
        "<p><b>뉴스레터 2021년 11월호</b></p><br>\n"
        "제11회 포럼의 주요 장면과 선언문 요약, 청년 프로그램 참가 후기를 한데 모았습니다.<br>\n"
        "첨부한 PDF 파일을 내려받아 읽어 보세요."
    )


def test_import_summary_is_the_first_200_characters_of_the_text():
    import_gnuboard(KOREAN_JSON)

    summary = Post.objects.get(legacy_board="news", legacy_id=38).summary_ko
    assert len(summary) == 200
    assert summary.startswith(
        "제10회 세계인권도시포럼에 함께해 주셔서 감사합니다 제10회 세계인권도시포럼이 10월 7일부터"
    )
    assert summary.endswith("22명의 인권도시 시장이 발표와 토론에 나…")


def test_import_csv_english_board_fills_only_english_columns():
    stdout, _stderr = import_gnuboard(ENGLISH_CSV, "--files", DATA)

    assert imported_posts() == [
        ("news_eng", 21, None, None, "Closing of the 10th World Human Rights Cities Forum"),
        ("news_eng", 26, None, None, "Registration for the 11th WHRCF is open"),
        ("news_eng", 33, None, None, "Closing of the 11th World Human Rights Cities Forum"),
        ("news_eng", 35, None, None, "A message of thanks from the Raoul Wallenberg Institute"),
        ("news_eng", 36, None, None, "Youth translation volunteers wanted for the 11th WHRCF"),
    ]
    assert imported_facts() == [
        (21, seoul(2020, 10, 21, 20, 5), 4959, "news", None, "published"),
        (26, seoul(2021, 9, 1, 11, 0), 873, "news", None, "published"),
        (33, seoul(2021, 10, 31, 17, 2), 660, "news", None, "published"),
        (35, seoul(2020, 10, 22, 16, 40), 731, "news", None, "published"),
        (36, seoul(2021, 8, 20, 13, 0), 402, "news", None, "published"),
    ]
    assert list(Post.objects.order_by("legacy_id").values_list("slug", flat=True)) == [
        "closing-of-the-10th-world-human-rights-cities-forum",
        "registration-for-the-11th-whrcf-is-open",
        "closing-of-the-11th-world-human-rights-cities-forum",
        "a-message-of-thanks-from-the-raoul-wallenberg-institute",
        "youth-translation-volunteers-wanted-for-the-11th-whrcf",
    ]
    assert [post.languages for post in Post.objects.all()] == [["en"]] * 5
    assert stdout == (
        "Imported 5 posts (5 created, 0 updated, 0 skipped) from board news_eng.\n"
        "Old addresses kept: posts 5, comments 0 (to their posts), attachment downloads 0.\n"
    )


def test_import_sql_dump_reads_escaped_strings():
    make_edition(number=9, year=2019)

    stdout, _stderr = import_gnuboard(KOREAN_SQL)

    assert imported_posts() == [
        ("news", 12, None, "제9회 세계인권도시포럼 개막", None),
        ("news", 15, None, '제9회 세계인권도시포럼 폐막 "인권도시를 다시 상상하다"', None),
        ("news", 19, None, "제10회 세계인권도시포럼, 온라인으로 열립니다", None),
    ]
    assert imported_facts() == [
        (12, seoul(2019, 9, 30, 18, 20), 3402, "news", 9, "published"),
        (15, seoul(2019, 10, 4, 10, 5), 2087, "news", 9, "published"),
        (19, seoul(2020, 9, 14, 15, 0), 1531, "news", None, "published"),
    ]
    assert Post.objects.get(legacy_id=12).body_ko == (
        "<p><b>제9회 세계인권도시포럼이 문을 열었습니다</b></p>\n"
        "<p>제9회 세계인권도시포럼이 9월 30일 김대중컨벤션센터에서 개막해 10월 3일까지 이어집니다. "
        "올해 주제는 ‘지방정부와 인권: 인권도시를 다시 상상하다’입니다.</p>\n"
        "<p>39개국 98개 도시에서 온 참가자들이 48개 프로그램에서 지방정부가 인권을 지키는 방법을 논의합니다. "
        '자세한 일정은 누리집의 "프로그램" 메뉴에서 볼 수 있습니다.</p>'
    )
    assert stdout == (
        "Imported 3 posts (3 created, 0 updated, 0 skipped) from board news.\n"
        "Old addresses kept: posts 3, comments 0 (to their posts), attachment downloads 0.\n"
    )


def test_import_sql_dump_without_column_list_reads_the_create_table(tmp_path):
    dump = tmp_path / "backup.sql"
    dump.write_text(
        "CREATE TABLE IF NOT EXISTS `g5_write_notice` (\n"
        "  `wr_id` int(11) NOT NULL AUTO_INCREMENT,\n"
        "  `wr_subject` varchar(255) NOT NULL,\n"
        "  `wr_content` text NOT NULL,\n"
        "  `wr_datetime` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',\n"
        "  `wr_password` varchar(255) NOT NULL,\n"
        "  PRIMARY KEY (`wr_id`)\n"
        ") ENGINE=MyISAM DEFAULT CHARSET=utf8;\n"
        "INSERT INTO `g5_member` VALUES ('admin','secret; not a board');\n"
        "INSERT INTO `g5_write_notice` VALUES "
        "(4,'홈페이지 점검 안내','점검 중에는 \\'참가 신청\\'이 잠시 멈춥니다.\\n양해 바랍니다.',"
        "'2022-09-20 09:00:00',''),"
        "(5,'자원봉사자 모집','모집 마감','2022-08-01 10:00:00',NULL);\n" + DUMP_COMPLETED,
        encoding="utf-8",
    )

    stdout, _stderr = import_gnuboard(dump)

    assert list(
        Post.objects.order_by("legacy_id").values_list("legacy_board", "legacy_id", "title_ko", "body_ko")
    ) == [
        ("notice", 4, "홈페이지 점검 안내", "<p>점검 중에는 '참가 신청'이 잠시 멈춥니다.<br>양해 바랍니다.</p>"),
        ("notice", 5, "자원봉사자 모집", "<p>모집 마감</p>"),
    ]
    assert list(Category.objects.values_list("slug", "name_ko", "name_en")) == [("notice", "공지", "Notice")]
    assert stdout == (
        "Imported 2 posts (2 created, 0 updated, 0 skipped) from board notice.\n"
        "Old addresses kept: posts 2, comments 0 (to their posts), attachment downloads 0.\n"
    )


def test_import_one_sql_dump_of_the_whole_old_site(tmp_path):
    dump = tmp_path / "whrcf.sql"
    dump.write_text(
        "INSERT INTO `g5_write_news` (`wr_id`,`wr_subject`,`wr_content`,`wr_datetime`,`wr_hit`,`wr_file`) VALUES "
        "(70,'뉴스레터 11월호','<p>첨부 파일을 보세요.</p>','2021-11-15 14:20:00',114,1);\n"
        "INSERT INTO `g5_write_news_eng` (`wr_id`,`wr_subject`,`wr_content`,`wr_datetime`,`wr_hit`) VALUES "
        "(40,'Newsletter, November 2021','<p>See the attached file.</p>','2021-11-15 15:00:00',233);\n"
        "INSERT INTO `g5_board_file` (`bo_table`,`wr_id`,`bf_no`,`bf_source`,`bf_file`,`bf_download`) VALUES "
        f"('news',70,0,'뉴스레터.pdf','{NEWSLETTER}',257);\n" + DUMP_COMPLETED,
        encoding="utf-8",
    )
    twins = tmp_path / "twins.csv"
    twins.write_text("ko_wr_id,en_wr_id\n70,40\n", encoding="utf-8")

    stdout, _stderr = import_gnuboard(dump, "--twins", twins, "--files", DATA, "--attachments", dump)

    assert imported_posts() == [("news", 70, 40, "뉴스레터 11월호", "Newsletter, November 2021")]
    assert list(Attachment.objects.values_list("post__legacy_id", "title_ko", "download_count")) == [
        (70, "뉴스레터.pdf", 257)
    ]
    assert stdout == (
        "Imported 1 posts (1 created, 0 updated, 0 skipped) from board news.\n"
        "Imported 1 posts (0 created, 1 updated, 0 skipped) from board news_eng.\n"
        "Joined 1 posts of board news_eng to their Korean twins.\n"
        "Attachments: 1 (1 created, 0 updated).\n"
        "Old addresses kept: posts 2, comments 0 (to their posts), attachment downloads 1.\n"
    )


def test_import_board_name_comes_from_the_option(tmp_path):
    dump = write_rows(tmp_path / "export.json", [board_row(7, wr_subject="Forum news")])

    import_gnuboard(dump, "--board", "news_eng")

    assert list(Post.objects.values_list("legacy_board", "legacy_id", "title_en")) == [("news_eng", 7, "Forum news")]


def test_import_never_stores_passwords_ips_or_emails():
    import_gnuboard(*FULL_IMPORT)

    texts = [
        str(value)
        for row in [*Post.objects.values(), *Attachment.objects.values(), *Category.objects.values()]
        for value in row.values()
    ]
    assert Post.objects.count() == 9
    assert [value for value in texts for private in PRIVATE_VALUES if private in value] == []


def test_import_copies_editor_images_and_points_at_them():
    import_gnuboard(KOREAN_JSON, "--files", DATA)

    post = Post.objects.get(legacy_board="news", legacy_id=63)
    assert re.findall(r'src="([^"]*)"', post.body_ko) == [
        f"/media/legacy/editor/2110/{STAGE_IMAGE}",
        f"/media/legacy/editor/2110/{GROUP_IMAGE}",
    ]
    assert stored_files() == [f"legacy/editor/2110/{STAGE_IMAGE}", f"legacy/editor/2110/{GROUP_IMAGE}"]
    with default_storage.open(f"legacy/editor/2110/{GROUP_IMAGE}") as stored:
        assert stored.read() == (DATA / "editor" / "2110" / GROUP_IMAGE).read_bytes()


def test_import_html_row_is_sanitized_and_repaired():
    import_gnuboard(KOREAN_JSON, "--files", DATA)

    body = Post.objects.get(legacy_board="news", legacy_id=63).body_ko
    assert body.splitlines()[1:2] + body.splitlines()[-2:] == [
        f'<p><img src="/media/legacy/editor/2110/{STAGE_IMAGE}" alt="폐막식 무대"><br></p>',
        "폐막식에서는 전체 세션과 특별 세션의 논의 결과를 보고하고 포럼 선언문의 요지를 발표했습니다. "
        "유네스코, 유엔인권, UCLG 사회통합·참여민주주의·인권위원회, 라울발렌베리 인권·인도법 연구소가 "
        "공동 주최 기관으로 함께했습니다.",
        "<p>참여해 주신 모든 분께 감사드립니다.</p>",
    ]


def test_import_copies_each_image_once():
    import_gnuboard(KOREAN_JSON, ENGLISH_CSV, "--twins", TWINS, "--files", DATA)

    _stdout, stderr = import_gnuboard(KOREAN_JSON, ENGLISH_CSV, "--twins", TWINS, "--files", DATA)

    assert stored_files() == [f"legacy/editor/2110/{STAGE_IMAGE}", f"legacy/editor/2110/{GROUP_IMAGE}"]
    assert stderr == ""


def test_import_warns_about_a_missing_image_and_keeps_its_address(tmp_path):
    dump = write_rows(
        tmp_path / "g5_write_news.json",
        [board_row(80, wr_content='<p><img src="http://whrcf.org/data/editor/2110/gone.jpg" alt="사진"></p>')],
    )

    _stdout, stderr = import_gnuboard(dump, "--files", DATA)

    assert Post.objects.get().body_ko == '<p><img src="http://whrcf.org/data/editor/2110/gone.jpg" alt="사진"></p>'
    assert stderr == (
        f"Warning: {dump}: row 1 (news wr_id 80): image http://whrcf.org/data/editor/2110/gone.jpg "
        f"is not in {DATA}; its address is left as it was.\n"
    )


def test_import_never_copies_files_from_outside_the_data_folder(tmp_path):
    dump = write_rows(
        tmp_path / "g5_write_news.json",
        [board_row(81, wr_content='<img src="/data/editor/../../g5_write_news.json">')],
    )

    import_gnuboard(dump, "--files", DATA)

    assert Post.objects.get().body_ko == '<img src="/data/editor/../../g5_write_news.json" alt="">'
    assert stored_files() == []


def test_import_creates_attachments_with_download_counts():
    import_gnuboard(KOREAN_JSON, "--files", DATA, "--attachments", BOARD_FILES)

    assert list(
        Attachment.objects.values_list("post__legacy_id", "file", "title_ko", "download_count", "size", "order")
    ) == [
        (70, f"legacy/file/news/70/0/{NEWSLETTER_TITLE}", NEWSLETTER_TITLE, 257, 605, 0),
    ]
    assert f"legacy/file/news/70/0/{NEWSLETTER_TITLE}" in stored_files()


def test_import_warns_about_a_missing_attachment_and_skips_it(tmp_path):
    board_files = write_rows(
        tmp_path / "g5_board_file.json",
        [{"bo_table": "news", "wr_id": 63, "bf_no": 0, "bf_source": "자료집.pdf", "bf_file": "gone.pdf"}],
    )

    _stdout, stderr = import_gnuboard(KOREAN_JSON, "--files", DATA, "--attachments", board_files)

    assert Attachment.objects.count() == 0
    assert stderr == f"Warning: news wr_id 63: attachment 자료집.pdf (gone.pdf) is not in {DATA}; not attached.\n"


def test_import_attachments_twice_keeps_one_attachment():
    import_gnuboard(KOREAN_JSON, "--files", DATA, "--attachments", BOARD_FILES)
    first = list(Attachment.objects.values_list("pk", "file", "download_count"))

    stdout, _stderr = import_gnuboard(KOREAN_JSON, "--files", DATA, "--attachments", BOARD_FILES)

    assert list(Attachment.objects.values_list("pk", "file", "download_count")) == first
    assert stored_files().count(f"legacy/file/news/70/0/{NEWSLETTER_TITLE}") == 1
    assert stdout.endswith(
        "Attachments: 1 (0 created, 1 updated).\n"
        "Old addresses kept: posts 4, comments 1 (to their posts), attachment downloads 1.\n"
    )


def test_import_attachments_need_the_data_folder():
    with pytest.raises(CommandError) as error:
        import_gnuboard(KOREAN_JSON, "--attachments", BOARD_FILES)

    assert str(error.value) == "--attachments needs --files DIR, the old site's data/ folder, to copy the files from."


def test_import_twins_join_into_one_bilingual_post():
    make_edition(number=10, year=2020)
    make_edition(number=11, year=2021)

    stdout, stderr = import_gnuboard(KOREAN_JSON, ENGLISH_CSV, "--twins", TWINS, "--files", DATA)

    assert imported_posts() == [
        ("news", 38, 21, "제10회 세계인권도시포럼을 마치며", "Closing of the 10th World Human Rights Cities Forum"),
        ("news", 52, 26, "제11회 세계인권도시포럼 참가 신청 안내", "Registration for the 11th WHRCF is open"),
        ("news", 63, 33, "제11회 세계인권도시포럼 폐막", "Closing of the 11th World Human Rights Cities Forum"),
        ("news", 70, None, "세계인권도시포럼 뉴스레터 2021년 11월호", None),
        ("news_eng", 35, None, None, "A message of thanks from the Raoul Wallenberg Institute"),
        ("news_eng", 36, None, None, "Youth translation volunteers wanted for the 11th WHRCF"),
    ]
    assert imported_facts() == [
        # A joined post: the views of its Korean row and of its English twin.
        (38, seoul(2020, 10, 21, 19, 47), 1254 + 4959, "news", 10, "published"),
        (52, seoul(2021, 9, 1, 10, 30), 2310 + 873, "news", 11, "published"),
        (63, seoul(2021, 10, 31, 17, 2), 947 + 660, "news", 11, "published"),
        (70, seoul(2021, 11, 15, 14, 20), 114, "news", 11, "published"),
        (35, seoul(2020, 10, 22, 16, 40), 731, "news", 10, "published"),
        (36, seoul(2021, 8, 20, 13, 0), 402, "news", 11, "published"),
    ]
    joined = Post.objects.get(legacy_board="news", legacy_id=63)
    assert (joined.slug, joined.languages) == ("closing-of-the-11th-world-human-rights-cities-forum", ["ko", "en"])
    assert joined.summary_en.startswith("The 11th World Human Rights Cities Forum has closed The 11th")
    assert stdout == (
        "Imported 4 posts (4 created, 0 updated, 2 skipped) from board news.\n"
        "Imported 5 posts (2 created, 3 updated, 0 skipped) from board news_eng.\n"
        "Joined 3 posts of board news_eng to their Korean twins.\n"
        "Old addresses kept: posts 9, comments 1 (to their posts), attachment downloads 0.\n"
    )
    assert stderr == ""


def test_import_twins_join_posts_imported_by_an_earlier_run():
    import_gnuboard(KOREAN_JSON)
    korean_pks = list(Post.objects.order_by("legacy_id").values_list("legacy_id", "pk"))

    stdout, _stderr = import_gnuboard(ENGLISH_CSV, "--twins", TWINS)

    assert list(Post.objects.filter(legacy_board="news").order_by("legacy_id").values_list("legacy_id", "pk")) == (
        korean_pks
    )
    assert list(
        Post.objects.order_by("legacy_board", "legacy_id").values_list("legacy_board", "legacy_id", "slug")
    ) == [
        ("news", 38, "closing-of-the-10th-world-human-rights-cities-forum"),
        ("news", 52, "registration-for-the-11th-whrcf-is-open"),
        ("news", 63, "closing-of-the-11th-world-human-rights-cities-forum"),
        ("news", 70, "news-70"),
        ("news_eng", 35, "a-message-of-thanks-from-the-raoul-wallenberg-institute"),
        ("news_eng", 36, "youth-translation-volunteers-wanted-for-the-11th-whrcf"),
    ]
    assert stdout == (
        "Imported 5 posts (2 created, 3 updated, 0 skipped) from board news_eng.\n"
        "Joined 3 posts of board news_eng to their Korean twins.\n"
        "Old addresses kept: posts 5, comments 0 (to their posts), attachment downloads 0.\n"
    )


def test_import_english_board_again_without_twins_updates_the_joined_posts():
    import_gnuboard(KOREAN_JSON, ENGLISH_CSV, "--twins", TWINS)
    before = imported_posts()

    stdout, _stderr = import_gnuboard(ENGLISH_CSV)

    assert imported_posts() == before
    assert stdout == (
        "Imported 5 posts (0 created, 5 updated, 0 skipped) from board news_eng.\n"
        "Joined 3 posts of board news_eng to their Korean twins.\n"
        "Old addresses kept: posts 5, comments 0 (to their posts), attachment downloads 0.\n"
    )


def test_import_twice_keeps_the_same_rows_pks_and_view_counts():
    make_edition(number=11, year=2021)
    import_gnuboard(*FULL_IMPORT)
    fields = (
        "pk",
        "legacy_board",
        "legacy_id",
        "legacy_twin_id",
        "slug",
        "title_ko",
        "title_en",
        "body_ko",
        "view_count",
    )
    first = list(Post.objects.order_by("pk").values_list(*fields))

    stdout, stderr = import_gnuboard(*FULL_IMPORT)

    assert list(Post.objects.order_by("pk").values_list(*fields)) == first
    assert len(first) == 9
    assert stdout == (
        "Imported 7 posts (0 created, 7 updated, 2 skipped) from board news.\n"
        "Imported 5 posts (0 created, 5 updated, 0 skipped) from board news_eng.\n"
        "Joined 3 posts of board news_eng to their Korean twins.\n"
        "Attachments: 1 (0 created, 1 updated).\n"
        "Old addresses kept: posts 12, comments 1 (to their posts), attachment downloads 1.\n"
    )
    assert stderr == ""


def test_import_again_keeps_the_views_counted_since():
    import_gnuboard(KOREAN_JSON)
    Post.objects.filter(legacy_id=63).update(view_count=F("view_count") + 5)

    import_gnuboard(KOREAN_JSON)

    assert list(Post.objects.order_by("legacy_id").values_list("legacy_id", "view_count")) == [
        (38, 1254),
        (52, 2310),
        (63, 952),
        (70, 114),
    ]


def test_import_again_keeps_the_editors_status_and_category():
    import_gnuboard(KOREAN_JSON)
    newsletter = make_category(slug="newsletter", name_ko="뉴스레터", name_en="Newsletter")
    Post.objects.filter(legacy_id=70).update(category=newsletter)
    Post.objects.filter(legacy_id=38).update(status=Post.Status.DRAFT)

    import_gnuboard(KOREAN_JSON)

    assert list(Post.objects.order_by("legacy_id").values_list("legacy_id", "status", "category__slug")) == [
        (38, "draft", "news"),
        (52, "published", "news"),
        (63, "published", "news"),
        (70, "published", "newsletter"),
    ]


def test_import_dry_run_changes_nothing():
    import_gnuboard(KOREAN_SQL)
    before = database_state()

    stdout, _stderr = import_gnuboard(*FULL_IMPORT, "--dry-run")

    assert database_state() == before
    assert stored_files() == []
    assert stdout == (
        "Imported 7 posts (4 created, 3 updated, 2 skipped) from board news.\n"
        "Imported 5 posts (2 created, 3 updated, 0 skipped) from board news_eng.\n"
        "Joined 3 posts of board news_eng to their Korean twins.\n"
        "Attachments: 1 (1 created, 0 updated).\n"
        "Old addresses kept: posts 12, comments 1 (to their posts), attachment downloads 0.\n"
        "Dry run: nothing was saved.\n"
    )


# Each bad file starts with good rows (one of them changing an imported post) before the bad one.
GOOD_ROWS = [board_row(63, wr_subject="바뀐 제목"), board_row(90, wr_subject="새 글")]


def bad_json_rows(tmp_path, bad_row):
    return write_rows(tmp_path / "g5_write_news.json", [*GOOD_ROWS, bad_row]), "row 3"


def without_datetime(tmp_path):
    row = board_row(91)
    del row["wr_datetime"]
    path, where = bad_json_rows(tmp_path, row)
    return path, f"{path}: {where}: missing column wr_datetime."


def broken_datetime(tmp_path):
    path, where = bad_json_rows(tmp_path, board_row(91, wr_datetime="0000-00-00 00:00:00"))
    message = f"{path}: {where} (news wr_id 91): wr_datetime '0000-00-00 00:00:00' is not a date and time"
    return path, f"{message} like 2021-10-31 17:02:00."


def duplicated_wr_id(tmp_path):
    path, where = bad_json_rows(tmp_path, board_row(90, wr_subject="같은 번호"))
    return path, f"{path}: {where}: wr_id 90 appears twice in the file (also at row 2)."


def bad_wr_id(tmp_path):
    path, where = bad_json_rows(tmp_path, board_row("12a"))
    return path, f"{path}: {where}: wr_id '12a' is not a positive whole number."


def bad_encoding(tmp_path):
    path = tmp_path / "g5_write_news.csv"
    path.write_bytes(
        "wr_id,wr_subject,wr_content,wr_datetime\n63,바뀐 제목,본문,2021-10-31 17:02:00\n".encode()
        + "90,새 글,본문,2021-10-31 17:02:00\n".encode("euc-kr")
    )
    return path, f"{path}: line 3 is not UTF-8 (byte 0xbb); export the dump as UTF-8."


def unterminated_sql_string(tmp_path):
    path = tmp_path / "g5_write_news.sql"
    path.write_text(
        "INSERT INTO `g5_write_news` (`wr_id`,`wr_subject`,`wr_content`,`wr_datetime`) VALUES\n"
        "(63,'바뀐 제목','<p>본문</p>','2021-10-31 17:02:00'),\n"
        "(90,'새 글','<p>끝나지 않은 본문,'2021-10-31 17:02:00');\n" + DUMP_COMPLETED,
        encoding="utf-8",
    )
    return path, f"{path}: line 3: unterminated quoted text in table g5_write_news; the dump is damaged or cut short."


def sql_function_call(tmp_path):
    path = tmp_path / "g5_write_news.sql"
    path.write_text(
        "INSERT INTO `g5_write_news` (`wr_id`,`wr_subject`,`wr_content`,`wr_datetime`) VALUES\n"
        "(63,'바뀐 제목','<p>본문</p>','2021-10-31 17:02:00'),\n"
        "(90,'새 글','<p>본문</p>',NOW());\n" + DUMP_COMPLETED,
        encoding="utf-8",
    )
    return path, f"{path}: line 3: expected a quoted text, a number or NULL, found 'NOW'."


def sql_without_board(tmp_path):
    path = tmp_path / "dump.sql"
    path.write_text("INSERT INTO `g5_member` (`mb_id`) VALUES ('admin');\n" + DUMP_COMPLETED, encoding="utf-8")
    return path, f"{path}: holds no g5_write_<board> table."


def csv_with_a_short_line(tmp_path):
    path = tmp_path / "g5_write_news.csv"
    path.write_text(
        "wr_id,wr_subject,wr_content,wr_datetime\n63,바뀐 제목,본문,2021-10-31 17:02:00\n90,새 글\n", encoding="utf-8"
    )
    return path, f"{path}: line 3: 2 fields, but the header names 4 columns."


@pytest.mark.parametrize(
    "make_bad_dump",
    [
        without_datetime,
        broken_datetime,
        duplicated_wr_id,
        bad_wr_id,
        bad_encoding,
        unterminated_sql_string,
        sql_function_call,
        sql_without_board,
        csv_with_a_short_line,
    ],
)
def test_import_bad_dump_names_the_row_and_changes_nothing(tmp_path, make_bad_dump):
    import_gnuboard(KOREAN_JSON, "--files", DATA)
    before, files_before = database_state(), stored_files()
    dump, message = make_bad_dump(tmp_path)

    with pytest.raises(CommandError) as error:
        import_gnuboard(dump, "--files", DATA)

    assert str(error.value) == message
    assert database_state() == before
    assert stored_files() == files_before


def test_import_twin_without_its_korean_row_changes_nothing():
    with pytest.raises(CommandError) as error:
        import_gnuboard(ENGLISH_CSV, "--twins", TWINS, "--files", DATA)

    assert str(error.value) == (
        f"{ENGLISH_CSV}: line 2 (news_eng wr_id 21): its Korean twin news wr_id 38 is neither in this import "
        "nor imported before."
    )
    assert database_state() == ([], [], [])
    assert stored_files() == []


def test_import_twin_already_imported_on_its_own_is_refused():
    import_gnuboard(KOREAN_JSON, ENGLISH_CSV)
    alone = Post.objects.get(legacy_board="news_eng", legacy_id=21)
    before = database_state()

    with pytest.raises(CommandError) as error:
        import_gnuboard(ENGLISH_CSV, "--twins", TWINS)

    assert str(error.value) == (
        f"{ENGLISH_CSV}: line 2 (news_eng wr_id 21): was imported as a post of its own (#{alone.pk}); "
        "delete it before joining it to news wr_id 38."
    )
    assert database_state() == before


def test_import_board_name_must_be_known(tmp_path):
    dump = write_rows(tmp_path / "export.json", [board_row(7)])

    with pytest.raises(CommandError) as error:
        import_gnuboard(dump)

    assert str(error.value) == (
        f"{dump}: cannot tell the board from the file name; name it g5_write_<board> or give --board."
    )


# Legacy URLs of the imported posts


def imported_legacy_urls():
    """Sorted here: databases sort "&" and "_" of the queries differently."""
    return sorted(
        LegacyURL.objects.values_list(
            "old_path", "old_query", "language", "status", "post__legacy_board", "post__legacy_id"
        )
    )


def test_import_maps_each_row_to_its_post_once(client):
    client.get("/bbs/board.php", {"bo_table": "news", "wr_id": "70"})
    import_sample_dump()
    first_pks = list(LegacyURL.objects.order_by("pk").values_list("pk", flat=True))
    client.get("/bbs/board.php", {"bo_table": "news_eng", "wr_id": "33", "page": "2"})

    import_sample_dump()

    assert imported_legacy_urls() == [
        ("/bbs/board.php", "bo_table=news&wr_id=38", "ko", 301, "news", 38),
        # A comment's address leads to its article's post.
        ("/bbs/board.php", "bo_table=news&wr_id=41", "ko", 301, "news", 38),
        ("/bbs/board.php", "bo_table=news&wr_id=52", "ko", 301, "news", 52),
        ("/bbs/board.php", "bo_table=news&wr_id=63", "ko", 301, "news", 63),
        ("/bbs/board.php", "bo_table=news&wr_id=70", "ko", 301, "news", 70),
        ("/bbs/board.php", "bo_table=news_eng&wr_id=21", "en", 301, "news", 38),
        ("/bbs/board.php", "bo_table=news_eng&wr_id=26", "en", 301, "news", 52),
        ("/bbs/board.php", "bo_table=news_eng&wr_id=33", "en", 301, "news", 63),
        ("/bbs/board.php", "bo_table=news_eng&wr_id=35", "en", 301, "news_eng", 35),
        ("/bbs/board.php", "bo_table=news_eng&wr_id=36", "en", 301, "news_eng", 36),
    ]
    assert list(LegacyURL.objects.order_by("pk").values_list("pk", flat=True)) == first_pks
    assert LegacyURL.objects.get(old_query="bo_table=news_eng&wr_id=33").hit_count == 1
    assert missing_addresses() == []


def test_import_dry_run_maps_nothing():
    import_sample_dump("--dry-run")

    assert LegacyURL.objects.count() == 0

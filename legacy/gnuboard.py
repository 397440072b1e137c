"""
The old site's boards, read and turned into posts.

gnuboard5 keeps each board in a table `g5_write_<board>`, one board per language (`news`
and its English twin `news_eng`), and attachments in `g5_board_file`. A dump of a table
comes as JSON, CSV or a mysqldump SQL file. Every row is read and checked before anything
is written, so a bad file changes nothing. Each imported row's old address
(/bbs/board.php?bo_table=<board>&wr_id=<id>) goes into the legacy URL table, leading to its
post, and so do its comments' addresses and its attachments' download links
(/bbs/download.php?bo_table=<board>&wr_id=<id>&no=<n>). README.md ("Migrating the old site")
lists what the import decides for categories, replies, videos, images and counts.
"""

import datetime
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import Q
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from editions.models import Edition
from news.models import Attachment, Category, Post
from news.sanitize import clean_html

from .bodies import linked_text, rewrite_body
from .dump_files import DumpError, read_tables
from .models import LegacyURL
from .old_site import BOARD_NAME, ENGLISH_BOARD_SUFFIX, board_address, board_language, download_address

# The old site stored naive datetimes in Seoul time, whatever the server's zone.
OLD_SITE_TIMEZONE = ZoneInfo("Asia/Seoul")
BOARD_TABLE_PREFIX = "g5_write_"
BOARD_FILE_TABLE = "g5_board_file"
REQUIRED_COLUMNS = ("wr_id", "wr_subject", "wr_content", "wr_datetime")
REQUIRED_FILE_COLUMNS = ("bo_table", "wr_id", "bf_no", "bf_source", "bf_file")
DATETIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
# The largest value of a PositiveIntegerField on every database.
MAX_ID = 2_147_483_647
TITLE_MAX_LENGTH = Post._meta.get_field("title").max_length
ATTACHMENT_NAME_MAX_LENGTH = Attachment._meta.get_field("file").max_length
SUMMARY_LENGTH = 200
# Legacy categories, made when missing: (slug, Korean name, English name).
NOTICE_CATEGORY = ("notice", "공지", "Notice")
NEWS_CATEGORY = ("news", "뉴스", "News")

IMAGE_SOURCE = re.compile(
    r"""(?P<attribute>\bsrc\s*=\s*)(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>]+))""", re.IGNORECASE
)
# Editor uploads as the old pages referred to them: absolute on the old domain, root-relative
# or relative to /bbs/ ("../data/editor/2110/a.jpg").
EDITOR_FILE_URL = re.compile(
    r"(?:(?:https?:)?//(?:[\w-]+\.)*whrcf\.org)?(?:\.{0,2}/)*data/editor/(?P<path>[^?#]+)", re.IGNORECASE
)


@dataclass(frozen=True)
class Article:
    """A row of a board worth importing, checked and mapped to a post's fields."""

    board: str
    wr_id: int
    where: str
    title: str
    body: str
    published_at: datetime.datetime
    view_count: int
    edition_year: int | None
    # The row's category (ca_name) when it is not a year: "보도자료".
    category_name: str = ""
    # (wr_num, wr_reply): see thread_place.
    thread: tuple[str, str] = ("", "")

    @property
    def language(self):
        return board_language(self.board)

    @property
    def label(self):
        return f"{self.where} ({self.board} wr_id {self.wr_id})"


@dataclass
class BoardDump:
    board: str
    articles: list[Article]
    skipped: int
    # {comment wr_id: its article's wr_id}: gnuboard answered a comment's address with its article.
    comments: dict[int, int] = field(default_factory=dict)
    # {reply (답변) wr_id: the wr_id of the article it answers}.
    replies: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class BoardFile:
    """A row of g5_board_file: a file attached to a board row."""

    board: str
    wr_id: int
    number: int
    original_name: str
    stored_name: str
    download_count: int


@dataclass
class BoardCounts:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    joined: int = 0

    @property
    def imported(self):
        return self.created + self.updated


@dataclass
class ImportReport:
    boards: dict[str, BoardCounts] = field(default_factory=dict)
    attachments_created: int = 0
    attachments_updated: int = 0
    images_left_behind: int = 0
    replies_linked: int = 0
    # {(board, ca_name): posts} of categories with no counterpart here: their posts went to the board's.
    unmapped_categories: Counter = field(default_factory=Counter)
    # Old addresses that lead to their new place, by kind: posts, comments, attachments.
    old_addresses: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)


def korean_board_of(board):
    return board.removesuffix(ENGLISH_BOARD_SUFFIX)


def read_boards(path, board=None):
    """The board dumps in a file: one for JSON and CSV (named by `board` or the file name),
    one per g5_write_<board> table of a SQL dump, or just `board`'s table."""
    path = Path(path)
    tables = read_tables(path, wanted=lambda table: table.startswith(BOARD_TABLE_PREFIX))
    if None in tables:
        return [board_dump(path, board or board_from_file_name(path), tables[None])]
    if board is not None:
        if BOARD_TABLE_PREFIX + board not in tables:
            raise DumpError(f"{path}: holds no table {BOARD_TABLE_PREFIX}{board}.")
        return [board_dump(path, board, tables[BOARD_TABLE_PREFIX + board])]
    if not tables:
        raise DumpError(f"{path}: holds no {BOARD_TABLE_PREFIX}<board> table.")
    return [board_dump(path, name.removeprefix(BOARD_TABLE_PREFIX), rows) for name, rows in tables.items()]


def board_dump(path, board, rows):
    if not BOARD_NAME.fullmatch(board):
        raise DumpError(f"{path}: {board!r} is not a board name (lowercase letters, digits and _).")
    articles, skipped, seen, comments, threads = [], 0, {}, {}, {}
    for where, row in rows:
        missing = [column for column in REQUIRED_COLUMNS if column not in row]
        if missing:
            raise DumpError(f"{where}: missing column {', '.join(missing)}.")
        wr_id = parse_id(row["wr_id"])
        if wr_id is None:
            raise DumpError(f"{where}: wr_id {row['wr_id']!r} is not a positive whole number.")
        if wr_id in seen:
            raise DumpError(f"{where}: wr_id {wr_id} appears twice in the file (also at {seen[wr_id]}).")
        seen[wr_id] = where.removeprefix(f"{path}: ")
        if is_comment(row) and (parent := parse_id(row.get("wr_parent"))) is not None:
            comments[wr_id] = parent
        if not is_comment(row):
            threads[thread_place(row)] = wr_id
        if is_comment(row) or "secret" in row_options(row):
            skipped += 1
            continue
        articles.append(article_from_row(board, wr_id, where, row))
    return BoardDump(
        board=board, articles=articles, skipped=skipped, comments=comments, replies=replies_of(articles, threads)
    )


def thread_place(row):
    """Where gnuboard puts a row in its thread: the thread's number (wr_num) and the path of
    replies to it (wr_reply): "" for the article, "A" for its first reply, "AA" for a reply to that."""
    return (row.get("wr_num") or "").strip(), row.get("wr_reply") or ""


def replies_of(articles, threads):
    """{reply's wr_id: the wr_id of the row it answers}, of the replies among `articles`."""
    replies = {}
    for article in articles:
        number, path = article.thread
        if path and (number, path[:-1]) in threads:
            replies[article.wr_id] = threads[(number, path[:-1])]
    return replies


def board_from_file_name(path):
    board = path.stem.removeprefix(BOARD_TABLE_PREFIX)
    if board == path.stem or not BOARD_NAME.fullmatch(board):
        raise DumpError(f"{path}: cannot tell the board from the file name; name it g5_write_<board> or give --board.")
    return board


def parse_id(value):
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID:
        return int(value)
    return None


def is_comment(row):
    return (row.get("wr_is_comment") or "0").strip() not in {"", "0"}


def row_options(row):
    return {option.strip() for option in (row.get("wr_option") or "").split(",")}


def article_from_row(board, wr_id, where, row):
    label = f"{where} ({board} wr_id {wr_id})"
    title = " ".join(html.unescape(row["wr_subject"] or "").split())
    if not title:
        raise DumpError(f"{label}: wr_subject is empty.")
    if len(title) > TITLE_MAX_LENGTH:
        raise DumpError(f"{label}: wr_subject is longer than {TITLE_MAX_LENGTH} characters.")
    published_at = parse_old_datetime(row["wr_datetime"])
    if published_at is None:
        raise DumpError(
            f"{label}: wr_datetime {row['wr_datetime']!r} is not a date and time like 2021-10-31 17:02:00."
        )
    hits = (row.get("wr_hit") or "0").strip()
    if not (hits.isascii() and hits.isdigit() and int(hits) <= MAX_ID):
        raise DumpError(f"{label}: wr_hit {row['wr_hit']!r} is not a count.")
    year = (row.get("ca_name") or "").strip()
    return Article(
        board=board,
        wr_id=wr_id,
        where=where,
        title=title,
        body=body_html(row["wr_content"] or "", row_options(row)),
        published_at=published_at,
        view_count=int(hits),
        edition_year=int(year) if re.fullmatch(r"[0-9]{4}", year) else None,
        category_name="" if re.fullmatch(r"[0-9]{4}", year) else html.unescape(year),
        thread=thread_place(row),
    )


def parse_old_datetime(value):
    for date_format in DATETIME_FORMATS:
        try:
            naive = datetime.datetime.strptime((value or "").strip(), date_format)
        except ValueError:
            continue
        return naive.replace(tzinfo=OLD_SITE_TIMEZONE)
    return None


def body_html(content, options):
    """gnuboard's wr_option: html1 is HTML, html2 HTML whose line breaks show, else plain text."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    if "html2" in options:
        return content.replace("\n", "<br>\n")
    if "html1" in options:
        return content
    return plain_text_html(content)


def plain_text_html(text):
    paragraphs = [paragraph.strip() for paragraph in re.split(r"\n\s*\n", text)]
    return "\n".join(
        "<p>" + "<br>".join(linked_text(line.strip()) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
        if paragraph
    )


def summarize(body):
    """The first words of a body as plain text, for lists and link previews."""
    text = html.unescape(re.sub(r"<[^>]*>", " ", clean_html(body)))
    return Truncator(" ".join(text.split())).chars(SUMMARY_LENGTH)


def read_twins(path):
    """{English wr_id: Korean wr_id} from a CSV with the columns ko_wr_id,en_wr_id."""
    rows = read_tables(Path(path), wanted=lambda table: False)
    if None not in rows:
        raise DumpError(f"{path}: twins come as a CSV or JSON list with ko_wr_id and en_wr_id.")
    twins, korean_seen = {}, {}
    for where, row in rows[None]:
        if "ko_wr_id" not in row or "en_wr_id" not in row:
            raise DumpError(f"{where}: twins need the columns ko_wr_id and en_wr_id.")
        korean, english = parse_id(row["ko_wr_id"]), parse_id(row["en_wr_id"])
        if korean is None or english is None:
            raise DumpError(f"{where}: ko_wr_id and en_wr_id must be positive whole numbers.")
        if english in twins or korean in korean_seen:
            raise DumpError(f"{where}: ko_wr_id {korean} or en_wr_id {english} is already paired above.")
        twins[english] = korean
        korean_seen[korean] = english
    return twins


def read_board_files(path):
    path = Path(path)
    tables = read_tables(path, wanted=lambda table: table == BOARD_FILE_TABLE)
    rows = tables[None] if None in tables else tables.get(BOARD_FILE_TABLE)
    if rows is None:
        raise DumpError(f"{path}: holds no table {BOARD_FILE_TABLE}.")
    board_files, seen = [], set()
    for where, row in rows:
        missing = [column for column in REQUIRED_FILE_COLUMNS if column not in row]
        if missing:
            raise DumpError(f"{where}: missing column {', '.join(missing)}.")
        stored_name = (row["bf_file"] or "").strip()
        if not stored_name:
            continue
        board, wr_id = (row["bo_table"] or "").strip(), parse_id(row["wr_id"])
        number, downloads = (row["bf_no"] or "").strip(), (row.get("bf_download") or "0").strip()
        if not BOARD_NAME.fullmatch(board) or wr_id is None or not number.isdigit() or not downloads.isdigit():
            raise DumpError(f"{where}: bo_table, wr_id, bf_no or bf_download is not valid.")
        if PurePosixPath(stored_name).name != stored_name or stored_name in {".", ".."} or "\\" in stored_name:
            raise DumpError(f"{where}: bf_file {stored_name!r} is not a plain file name.")
        if (board, wr_id, int(number)) in seen:
            raise DumpError(f"{where}: {board} wr_id {wr_id} file {number} appears twice.")
        seen.add((board, wr_id, int(number)))
        board_files.append(
            BoardFile(
                board=board,
                wr_id=wr_id,
                number=int(number),
                original_name=(row["bf_source"] or stored_name).strip(),
                stored_name=stored_name,
                download_count=min(int(downloads), MAX_ID),
            )
        )
    return board_files


# Writing posts


class LegacyImport:
    """Writes checked board dumps into posts; meant to run inside one transaction.

    Korean boards go first, so an English row listed in `twins` joins the post of its
    Korean twin (made by the same run or an earlier one) instead of making its own.
    """

    def __init__(self, files_dir=None, copy_files=True, category_map=None):
        self.files_dir = Path(files_dir).resolve() if files_dir else None
        self.copy_files = copy_files
        self.copied_files = []
        self.report = ImportReport()
        self.posts = {}
        # The old site's hits of the rows of this run, by (board, wr_id).
        self.hits = {}
        self.categories = {}
        # {ca_name: slug} given by the editor, for categories whose names differ here.
        self.category_map = category_map or {}
        self.categories_by_name = None
        self.editions = {}

    def run(self, dumps, twins=None, board_files=()):
        twins = twins or {}
        dumps = sorted(dumps, key=lambda dump: dump.board.endswith(ENGLISH_BOARD_SUFFIX))
        self.check(dumps, twins)
        for dump in dumps:
            counts = self.report.boards.setdefault(dump.board, BoardCounts())
            counts.skipped += dump.skipped
            for article in dump.articles:
                if article.language == "en":
                    self.import_english(article, twins.get(article.wr_id), counts)
                else:
                    self.import_korean(article, counts)
        for dump in dumps:
            self.link_replies(dump)
            self.map_comments(dump)
        for board_file in board_files:
            post = self.posts.get((board_file.board, board_file.wr_id))
            if post is not None:
                self.attach(post, board_file)
        return self.report

    def link_replies(self, dump):
        """A reply (답변) stays a post of its own, as readers found it, and links to the post it
        answers, which links back to it. Both were written by this run (a reply to a secret
        post links to nothing), so each link is added once."""
        language = board_language(dump.board)
        for reply_id, article_id in dump.replies.items():
            reply, article = self.posts.get((dump.board, reply_id)), self.posts.get((dump.board, article_id))
            if reply is None or article is None:
                continue
            with translation.override(language):
                in_reply_to = format_html(_("In reply to: {post}"), post=post_link(article, language))
                answered_in = format_html(_("Answered in: {post}"), post=post_link(reply, language))
            body = f"body_{language}"
            setattr(reply, body, f"<p>{in_reply_to}</p>{getattr(reply, body)}")
            setattr(article, body, f"{getattr(article, body)}<p>{answered_in}</p>")
            reply.save()
            article.save()
            self.report.replies_linked += 1

    def map_comments(self, dump):
        """A comment's old address leads to the post of its article, as gnuboard sent it there."""
        for comment_id, article_id in dump.comments.items():
            post = self.posts.get((dump.board, article_id))
            if post is not None:
                self.map_old_address(board_address(dump.board, comment_id), board_language(dump.board), post=post)
                self.report.old_addresses["comments"] += 1

    def delete_copied_files(self):
        """Undoes the file copies of a run whose transaction failed."""
        for name in self.copied_files:
            default_storage.delete(name)
        self.copied_files = []

    def check(self, dumps, twins):
        """Raises DumpError for what would go wrong half-way: the same row twice, bad twins, a
        category map to a category that does not exist."""
        unknown = sorted(set(self.category_map.values()) - set(Category.objects.values_list("slug", flat=True)))
        if unknown:
            slugs = ", ".join(Category.objects.order_by("slug").values_list("slug", flat=True)) or "none"
            raise DumpError(f"--category-map: no category {', '.join(unknown)}; the categories are: {slugs}.")
        seen = {}
        for dump in dumps:
            for article in dump.articles:
                key = (article.board, article.wr_id)
                if key in seen:
                    raise DumpError(f"{article.label}: the same row is also at {seen[key]}.")
                seen[key] = article.where
        english_boards = {dump.board for dump in dumps if board_language(dump.board) == "en"}
        if twins and len(english_boards) != 1:
            raise DumpError("--twins joins one board with its _eng twin: import exactly one _eng board with it.")
        for dump in dumps:
            for article in dump.articles:
                if article.language == "en" and article.wr_id in twins:
                    self.check_twin(article, twins[article.wr_id], in_this_run=seen)

    def check_twin(self, article, korean_id, in_this_run):
        korean_board = korean_board_of(article.board)
        korean_post = Post.objects.filter(legacy_board=korean_board, legacy_id=korean_id).first()
        if korean_post is None and (korean_board, korean_id) not in in_this_run:
            raise DumpError(
                f"{article.label}: its Korean twin {korean_board} wr_id {korean_id} is neither in this import "
                "nor imported before."
            )
        if korean_post is not None and korean_post.legacy_twin_id not in {None, article.wr_id}:
            raise DumpError(
                f"{article.label}: {korean_board} wr_id {korean_id} is already joined with "
                f"{article.board} wr_id {korean_post.legacy_twin_id}."
            )
        alone = Post.objects.filter(legacy_board=article.board, legacy_id=article.wr_id).first()
        if alone is not None:
            raise DumpError(
                f"{article.label}: was imported as a post of its own (#{alone.pk}); delete it before joining "
                f"it to {korean_board} wr_id {korean_id}."
            )
        joined = Post.objects.filter(legacy_board=korean_board, legacy_twin_id=article.wr_id)
        if joined.exclude(legacy_id=korean_id).exists():
            raise DumpError(f"{article.label}: is already joined with another {korean_board} row.")

    def import_korean(self, article, counts):
        post = Post.objects.filter(legacy_board=article.board, legacy_id=article.wr_id).first()
        self.save(post or Post(legacy_board=article.board, legacy_id=article.wr_id), article, counts)

    def import_english(self, article, korean_id, counts):
        korean_board = korean_board_of(article.board)
        if korean_id is not None:
            twin = self.posts.get((korean_board, korean_id)) or Post.objects.get(
                legacy_board=korean_board, legacy_id=korean_id
            )
        else:
            twin = Post.objects.filter(legacy_board=korean_board, legacy_twin_id=article.wr_id).first()
        if twin is None:
            post = Post.objects.filter(legacy_board=article.board, legacy_id=article.wr_id).first()
            self.save(post or Post(legacy_board=article.board, legacy_id=article.wr_id), article, counts)
            return
        if not twin.title_en:
            # The English title makes a better slug than the old address ("news-38"); links
            # with the old slug still land here, redirected to the canonical URL.
            twin.slug = ""
        twin.view_count = self.joined_view_count(twin, article)
        twin.legacy_twin_id = article.wr_id
        self.fill_language(twin, article)
        twin.save()
        self.map_article_address(article, twin)
        self.posts[(article.board, article.wr_id)] = twin
        counts.updated += 1
        counts.joined += 1

    def joined_view_count(self, twin, article):
        """A joined post's views: its Korean row's and its English row's, which the old site
        counted apart, and never fewer than the new site has counted."""
        korean_hits = self.hits.get((korean_board_of(article.board), twin.legacy_id))
        if korean_hits is not None:
            return max(twin.view_count, korean_hits + article.view_count)
        if twin.legacy_twin_id is None:
            # Joined now to a post an earlier run made from its Korean row alone.
            return twin.view_count + article.view_count
        # Joined by an earlier run, which added the English row's views then.
        return twin.view_count

    def save(self, post, article, counts):
        created = post.pk is None
        self.fill_language(post, article)
        post.published_at = article.published_at
        # A re-run never takes back the views the new site has counted since the last one.
        post.view_count = max(post.view_count, article.view_count)
        self.hits[(article.board, article.wr_id)] = article.view_count
        post.edition = self.edition(article.edition_year) or post.edition
        if created:
            # Status and category are the editors' once the post exists: a re-run keeps their choice.
            post.status = Post.Status.PUBLISHED
            post.category = self.matching_category(article) or self.category(article.board)
            if not post.title_en:
                # Without an English title the post would be at its number alone: the old board and
                # number name it better, and in Latin letters.
                slug = f"{article.board}-{article.wr_id}".replace("_", "-")
                post.slug = "" if Post.objects.filter(slug=slug).exists() else slug
        post.save()
        self.map_article_address(article, post)
        self.posts[(article.board, article.wr_id)] = post
        if created:
            counts.created += 1
        else:
            counts.updated += 1

    def map_article_address(self, article, post):
        """The row's old address leads to its post, in the board's language."""
        self.map_old_address(board_address(article.board, article.wr_id), article.language, post=post)
        self.report.old_addresses["posts"] += 1

    def map_old_address(self, address, language, post=None, target_url=""):
        old_path, old_query = address
        LegacyURL.objects.update_or_create(
            old_path=old_path,
            old_query=old_query,
            defaults={
                "language": language,
                "status": LegacyURL.Status.MOVED,
                "post": post,
                "edition": None,
                "target_url": target_url,
            },
        )

    def fill_language(self, post, article):
        with translation.override(article.language):
            # The old site's own images are left to rewrite_images: copied here, they may be
            # served from another host (S3), which is no other site's image.
            body, images_without_alt = rewrite_body(article.body, is_own_image=is_editor_image)
            body = self.rewrite_images(article, body)
        if images_without_alt:
            self.report.warnings.append(
                f"{article.label}: {images_without_alt} images have no description (alt text); "
                "add one in the post's admin."
            )
        body = clean_html(body)
        setattr(post, f"title_{article.language}", article.title)
        setattr(post, f"body_{article.language}", body)
        setattr(post, f"summary_{article.language}", summarize(body))

    def matching_category(self, article):
        """The category of the row's ca_name: the one --category-map names for it, else the one
        of the same name in Korean or English (case ignored); None for none, which is reported."""
        name = article.category_name
        if not name:
            return None
        if self.categories_by_name is None:
            self.categories_by_name = categories_by_name()
        if name in self.category_map:
            return Category.objects.get(slug=self.category_map[name])
        category = self.categories_by_name.get(name.casefold())
        if category is None:
            self.report.unmapped_categories[(article.board, name)] += 1
        return category

    def category(self, board):
        slug, name_ko, name_en = NOTICE_CATEGORY if board.startswith("notice") else NEWS_CATEGORY
        if slug not in self.categories:
            self.categories[slug], _created = Category.objects.get_or_create(
                slug=slug, defaults={"name_ko": name_ko, "name_en": name_en}
            )
        return self.categories[slug]

    def edition(self, year):
        if year is not None and year not in self.editions:
            self.editions[year] = Edition.objects.filter(year=year).order_by("number").first()
        return self.editions.get(year)

    def rewrite_images(self, article, body):
        """The body with the old site's editor images copied to media and pointed at there."""

        def rewrite(match):
            url = html.unescape(next(value for value in match.group("double", "single", "bare") if value is not None))
            editor_file = EDITOR_FILE_URL.fullmatch(url)
            if editor_file is None:
                return match.group()
            if self.files_dir is None:
                self.report.images_left_behind += 1
                return match.group()
            relative = unquote(editor_file["path"])
            name = self.store(self.files_dir / "editor" / relative, f"legacy/editor/{relative}")
            if name is None:
                self.report.warnings.append(
                    f"{article.label}: image {url} is not in {self.files_dir}; its address is left as it was."
                )
                return match.group()
            return f'{match["attribute"]}"{default_storage.url(name)}"'

        return IMAGE_SOURCE.sub(rewrite, body)

    def store(self, source, name):
        """Copies `source` to storage as `name` unless an earlier run did; the name, or None if missing."""
        source = source.resolve()
        if not source.is_relative_to(self.files_dir) or ".." in PurePosixPath(name).parts:
            return None
        if default_storage.exists(name):
            return name
        if not source.is_file():
            return None
        if self.copy_files:
            with source.open("rb") as file:
                name = default_storage.save(name, File(file))
            self.copied_files.append(name)
        return name

    def attach(self, post, board_file):
        name = attachment_name(board_file)
        attachment = Attachment.objects.filter(post=post, file=name).first()
        if attachment is None:
            if self.store(self.files_dir / "file" / board_file.board / board_file.stored_name, name) is None:
                self.report.warnings.append(
                    f"{board_file.board} wr_id {board_file.wr_id}: attachment {board_file.original_name} "
                    f"({board_file.stored_name}) is not in {self.files_dir}; not attached."
                )
                return
            attachment = Attachment(post=post, file=name)
            self.report.attachments_created += 1
        else:
            self.report.attachments_updated += 1
        setattr(attachment, f"title_{board_language(board_file.board)}", board_file.original_name)
        # As with views: a re-run never takes back the downloads counted here since the last one.
        attachment.download_count = max(attachment.download_count, board_file.download_count)
        attachment.order = board_file.number
        if self.copy_files:
            attachment.save()
            self.map_download_address(board_file, attachment)

    def map_download_address(self, board_file, attachment):
        """The attachment's old download link leads to its download here."""
        language = board_language(board_file.board)
        with translation.override(language):
            url = attachment.get_absolute_url()
        address = download_address(board_file.board, board_file.wr_id, board_file.number)
        self.map_old_address(address, language, target_url=url)
        self.report.old_addresses["attachments"] += 1


def attachment_name(board_file):
    """Where an attachment is stored: under its original name (bf_source), which is the name
    its download is sent under, as gnuboard sent it, in a folder of its own per row and file
    number so that two files of the same name never meet. gnuboard's stored name (bf_file)
    stands in for an original name that is no plain file name."""
    folder = f"legacy/file/{board_file.board}/{board_file.wr_id}/{board_file.number}/"
    original = PurePosixPath(board_file.original_name.replace("\\", "/")).name.strip()
    if original in {"", ".", ".."}:
        original = board_file.stored_name
    room = ATTACHMENT_NAME_MAX_LENGTH - len(folder)
    if len(original) > room:
        extension = PurePosixPath(original).suffix[:10]
        original = original[: room - len(extension)].rstrip() + extension
    return folder + original


def is_editor_image(url):
    return EDITOR_FILE_URL.fullmatch(url) is not None


def post_link(post, language):
    return format_html(
        '<a href="{}">{}</a>', post.get_absolute_url(), getattr(post, f"title_{language}") or post.title
    )


def categories_by_name():
    """{name in either language, case folded: category}; the first by order wins a name
    that two categories share."""
    names = {}
    for category in Category.objects.order_by("-order", "-pk"):
        for name in (category.name_ko, category.name_en):
            if name:
                names[name.strip().casefold()] = category
    return names


def read_category_map(pairs):
    """{ca_name: slug} from --category-map NAME=SLUG options."""
    category_map = {}
    for pair in pairs:
        name, equals, slug = pair.rpartition("=")
        if not equals or not name.strip() or not slug.strip():
            raise DumpError(f"--category-map {pair!r}: give the old category and a category's slug: 공모전=events.")
        category_map[name.strip()] = slug.strip()
    return category_map


def board_posts(board, wr_id):
    """Published posts imported from `board`'s row `wr_id`, its English twin included."""
    rows = Q(legacy_board=board, legacy_id=wr_id)
    if board_language(board) == "en":
        rows |= Q(legacy_board=korean_board_of(board), legacy_twin_id=wr_id)
    return Post.objects.published().filter(rows)

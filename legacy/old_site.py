"""
The addresses of the old site that this site still answers, and the key under which the
legacy URL table (news.models.LegacyURL) knows each one.

The old site had no language in its addresses: gnuboard5 (until 2023) kept each language on
boards and pages of its own, and the site builder (since 2024) served Korean on whrcf.org and
English on en.whrcf.org under the same paths. Its pages:

- a board article: /bbs/board.php?bo_table=news_eng&wr_id=33, with list, category and search
  parameters (page, sca, sfl, stx) that do not change the article; a comment's wr_id was
  answered with its article;
- an attachment's download: /bbs/download.php?bo_table=news&wr_id=7&no=0 (and a nonce);
- an English page: /E_p2100.php, /E_p2100_2020.php;
- a past forum: /PastForum/2018.php;
- a site builder article: /news/?q=<base64 of the list's state>&bmode=view&idx=12&t=board,
  and its news list: /news/?q=<base64>&t=board.

The key is the path and the significant part of the query, normalized
("bo_table=news_eng&wr_id=33", "bo_table=news&wr_id=7&no=0", "idx=12", nothing for the static
pages): one row stands for every way the same page was reached.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http import QueryDict
from django.http.request import validate_host
from django.utils import timezone

BOARD_PATH = "/bbs/board.php"
DOWNLOAD_PATH = "/bbs/download.php"
BUILDER_PATH = "/news/"
ENGLISH_PAGE = re.compile(r"/E_p[0-9]{4}(?:_[0-9]{4})?\.php")
PAST_FORUM_PAGE = re.compile(r"/PastForum/(?P<year>[0-9]{4})\.php")
BOARD_NAME = re.compile(r"[a-z0-9_]{1,40}")
ENGLISH_BOARD_SUFFIX = "_eng"
# The old site's boards (gnuboard5, 2017–2023) and its first forum year: an address on
# another board, or of a forum before the first, is no page the old site ever had.
OLD_SITE_BOARDS = ("news", "news_eng", "notice", "notice_eng")
FIRST_FORUM_YEAR = 2011
# Ids have at most 9 digits, as the ids of our own URLs: longer ones overflow the database.
MAX_ID_DIGITS = 9


def board_language(board):
    return "en" if board.endswith(ENGLISH_BOARD_SUFFIX) else "ko"


def is_old_site_request(path, params):
    """Whether `path` and `params` ask for a page of the old site, known or not."""
    return (
        path in {BOARD_PATH, DOWNLOAD_PATH}
        or (path == BUILDER_PATH and (params.get("bmode") == "view" or is_builder_list(path, params)))
        or ENGLISH_PAGE.fullmatch(path) is not None
        or PAST_FORUM_PAGE.fullmatch(path) is not None
    )


def is_builder_list(path, params):
    """The site builder's news list (/news/?q=<base64>&t=board, no bmode=view): its `q` is
    the list's state, not a search, so it must not reach our search."""
    return path == BUILDER_PATH and params.get("t") == "board" and params.get("bmode") != "view"


def old_address(path, params):
    """The key (path, significant query) of the old site's page that `path` and `params`
    name, or None when they name none."""
    if path == BOARD_PATH:
        board, wr_id = params.get("bo_table", ""), params.get("wr_id", "")
        if BOARD_NAME.fullmatch(board) and is_id(wr_id):
            return path, f"bo_table={board}&wr_id={int(wr_id)}"
    elif path == DOWNLOAD_PATH:
        board, wr_id, number = params.get("bo_table", ""), params.get("wr_id", ""), params.get("no", "")
        if BOARD_NAME.fullmatch(board) and is_id(wr_id) and number.isascii() and number.isdigit() and len(number) < 4:
            return path, f"bo_table={board}&wr_id={int(wr_id)}&no={int(number)}"
    elif path == BUILDER_PATH:
        idx = params.get("idx", "")
        if params.get("bmode") == "view" and is_id(idx):
            return path, f"idx={int(idx)}"
    elif ENGLISH_PAGE.fullmatch(path) or PAST_FORUM_PAGE.fullmatch(path):
        return path, ""
    return None


def could_be_old_page(path, params):
    """Whether `path` and `params`, which name an old address (`old_address`), could be a
    page the old site really had: what the report of missing addresses may record, so that
    made-up boards and years never fill it."""
    if path in (BOARD_PATH, DOWNLOAD_PATH):
        return params.get("bo_table") in OLD_SITE_BOARDS
    if past_forum := PAST_FORUM_PAGE.fullmatch(path):
        return FIRST_FORUM_YEAR <= int(past_forum["year"]) <= timezone.now().year
    return True


def download_address(board, wr_id, number):
    return old_address(DOWNLOAD_PATH, {"bo_table": board, "wr_id": str(wr_id), "no": str(number)})


def address_url(path, query):
    """The old address of a key: "/bbs/board.php?bo_table=news&wr_id=63"."""
    return f"{path}?{query}" if query else path


def board_address(board, wr_id):
    return old_address(BOARD_PATH, {"bo_table": board, "wr_id": str(wr_id)})


def address_of_url(url):
    """The key of the old site's page that `url` names on this site, or None: another
    site's address, or not one of the old site's pages."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if parts.netloc and not (host and validate_host(host, settings.ALLOWED_HOSTS)):
        return None
    return old_address(parts.path, QueryDict(parts.query))


def old_page_language(path, params):
    """The language of an old page when its address tells it (a board, an English page),
    else None: the builder's Korean and English sites shared their paths."""
    if path in {BOARD_PATH, DOWNLOAD_PATH}:
        return board_language(params.get("bo_table", ""))
    if ENGLISH_PAGE.fullmatch(path):
        return "en"
    return None


def is_id(value):
    return value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS

"""
Links into the old gnuboard5 site keep working: /bbs/board.php?bo_table=<board>&wr_id=<n>
redirects for good to the imported post, in the language of the old board.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import path, reverse
from django.utils import translation

from .gnuboard import board_language, board_posts

# The old site's boards: a link to one of their lists lands on the matching news list.
BOARD_LISTS = {"news": "", "news_eng": "", "notice": "notice", "notice_eng": "notice"}
# wr_id has at most 9 digits here, as the ids of our own URLs: longer ones overflow the database.
MAX_WR_ID_DIGITS = 9


def board_redirect(request):
    board = request.GET.get("bo_table", "")
    wr_id = request.GET.get("wr_id", "")
    if not wr_id:
        return board_list_redirect(board)
    if not (wr_id.isascii() and wr_id.isdigit() and len(wr_id) <= MAX_WR_ID_DIGITS):
        raise Http404("No such post on the old site.")
    post = board_posts(board, int(wr_id)).only("pk", "slug").first()
    if post is None:
        raise Http404("No such post on the old site.")
    with translation.override(board_language(board)):
        return HttpResponsePermanentRedirect(post.get_absolute_url())


def board_list_redirect(board):
    if board not in BOARD_LISTS:
        raise Http404("No such board on the old site.")
    with translation.override(board_language(board)):
        url = reverse("news:post_list")
    category = BOARD_LISTS[board]
    return HttpResponsePermanentRedirect(f"{url}?category={category}" if category else url)


urlpatterns = [
    path("", board_redirect, name="legacy_board"),
]

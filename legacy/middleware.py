"""
Old links never die: requests for the old site's pages (legacy/old_site.py names its address
forms) are answered here, by LegacyURLMiddleware, in this order:

1. an entry of the legacy URL table (LegacyURL, kept in the admin and filled by the
   gnuboard importer with each article, each comment (to its article) and each attachment's
   /bbs/download.php link): a 301 to its post or edition in the entry's language, or to its
   address; or a 410 page saying the page is gone. Each answer counts a hit.
2. what the old address names by itself: an imported board row (Post.legacy_board and
   legacy_id) in the board's language; the forum of the year of /PastForum/<year>.php, in
   the reader's language. A board without wr_id, or the site builder's list, lands on the
   news list.
3. a 404, and the address is recorded (MissingLegacyURL) for the admin's report of missing
   legacy URLs, where one click maps it: only an address the old site could have had (one
   of its boards, a forum year since the first), and at most MISSING_LEGACY_URLS_MAX of
   them, the least requested dropped first.

Why a middleware, listed before LocaleMiddleware, rather than URL patterns: the site
builder's articles (/news/?bmode=view&idx=12) share their path with our news list, and
LocaleMiddleware turns every 404 of a path without a language prefix into a redirect to
/ko/… when that path exists; an unknown idx would land on the news list instead of a 404.
Answered before LocaleMiddleware, every old form is handled in one place, each answer in the
language of the old page (our 404 and 410 pages included). Any other request goes on without
a query. The page cache wraps views, never these answers: every request counts its hit.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.defaults import page_not_found

from editions.models import Edition

from .gnuboard import board_posts
from .models import LegacyURL, MissingLegacyURL
from .old_site import (
    BOARD_PATH,
    PAST_FORUM_PAGE,
    board_language,
    could_be_old_page,
    is_builder_list,
    is_old_site_request,
    old_address,
    old_page_language,
)

# The old site's boards: a link to one of their lists lands on the matching news list.
BOARD_LISTS = {"news": "", "news_eng": "", "notice": "notice", "notice_eng": "notice"}


class LegacyURLMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not is_old_site_request(request.path_info, request.GET):
            return self.get_response(request)
        response = old_site_response(request)
        # Without a language in the old address, some answers follow the reader's language.
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


def old_site_response(request):
    path, params = request.path_info, request.GET
    if path == BOARD_PATH and not params.get("wr_id"):
        return board_list_redirect(request, params.get("bo_table", ""))
    language = old_page_language(path, params) or translation.get_language_from_request(request)
    if is_builder_list(path, params):
        with translation.override(language):
            return HttpResponsePermanentRedirect(reverse("news:post_list"))
    address = old_address(path, params)
    if address is None:
        return not_found(request, language)
    old_path, old_query = address
    legacy_url = (
        LegacyURL.objects.select_related("post", "edition").filter(old_path=old_path, old_query=old_query).first()
    )
    if legacy_url is not None:
        legacy_url.count_hit()
        return legacy_url_response(request, legacy_url)
    with translation.override(language):
        url = default_url(path, params)
    if url is not None:
        return HttpResponsePermanentRedirect(url)
    if could_be_old_page(path, params):
        MissingLegacyURL.objects.record(old_path, old_query)
    return not_found(request, language)


def legacy_url_response(request, legacy_url):
    with translation.override(legacy_url.language):
        if legacy_url.status == LegacyURL.Status.GONE:
            return render(request, "legacy/legacy_gone.html", {"legacy_url": legacy_url}, status=410)
        url = legacy_url.redirect_url()
    if url is None:
        return not_found(request, legacy_url.language)
    return HttpResponsePermanentRedirect(url)


def default_url(path, params):
    """The page an old address names by itself, with no entry in the table; None if none."""
    if path == BOARD_PATH:
        post = board_posts(params["bo_table"], int(params["wr_id"])).only("pk", "slug").first()
        return post.get_absolute_url() if post else None
    if past_forum := PAST_FORUM_PAGE.fullmatch(path):
        edition = Edition.objects.published().filter(year=int(past_forum["year"])).order_by("number").first()
        return edition.get_absolute_url() if edition else None
    return None


def board_list_redirect(request, board):
    language = board_language(board)
    if board not in BOARD_LISTS:
        return not_found(request, language)
    with translation.override(language):
        url = reverse("news:post_list")
    category = BOARD_LISTS[board]
    return HttpResponsePermanentRedirect(f"{url}?category={category}" if category else url)


def not_found(request, language):
    with translation.override(language):
        return page_not_found(request, Http404("No such page on the old site."))

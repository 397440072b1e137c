from functools import cached_property, wraps
from urllib.parse import urlencode

from django.contrib.humanize.templatetags.humanize import intcomma
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from common.downloads import send_file
from common.fragments import Fragments
from common.freshness import flag_stale_translations
from common.page_cache import (
    VIEW_COUNT_PLACEHOLDER,
    cached_or_rendered,
    depends_on,
    list_token,
    object_token,
    page_key,
    redirect_to_clean_query,
    renders_for_every_port,
    response_for,
)
from common.pagination import ArchivePaginator
from editions.models import Edition

from .attachments import content_type
from .counting import is_countable, register_view, show_count
from .models import FILTERED_LISTS, Attachment, Category, Post, filtered_list_token
from .permissions import can_preview
from .structured_data import news_article

POSTS_PER_PAGE = 20
# The article page notes when its translation of these fields may be out of date.
ARTICLE_TEXT = ("title", "summary", "body")
# The query parameters the list reads: any other is redirected away (common/page_cache.py).
POST_LIST_PARAMS = ("category", "edition", "page")


def post_list(request):
    posts = Post.objects.published().for_listing().pinned_first()
    category = edition = None
    if category_slug := request.GET.get("category"):
        category = get_object_or_404(Category, slug=category_slug)
        posts = posts.filter(category=category)
    if edition_number := request.GET.get("edition"):
        if not (edition_number.isascii() and edition_number.isdigit() and len(edition_number) <= 4):
            raise Http404
        edition = get_object_or_404(Edition.objects.published(), number=edition_number)
        posts = posts.filter(edition=edition)
    if category or edition:
        filters = [("category", category), ("edition", edition)]
        depends_on(FILTERED_LISTS, *(filtered_list_token(name, value.pk) for name, value in filters if value))
    else:
        depends_on(list_token(Post))
    filters = f"{category_slug}|{edition_number}"
    page = ArchivePaginator(posts, POSTS_PER_PAGE, count_key=f"news:{filters}").get_page(request.GET.get("page"))
    return render(
        request,
        "news/post_list.html",
        {
            "page_obj": page,
            "posts": page.object_list,
            "categories": Category.objects.all(),
            "editions": Edition.objects.published().only("number", "year").order_by("-number"),
            "category": category,
            "edition": edition,
        },
    )


def searches_go_to_site_search(view):
    """The news list's search moved to the site's search (search/views.py): old links
    and bookmarks of `?q=` lead there, to its news results, in one step (before the list
    would tidy the address)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.GET.get("q"):
            query = urlencode({"q": request.GET["q"], "kind": "news"})
            return HttpResponsePermanentRedirect(f"{reverse('search:search')}?{query}")
        return view(request, *args, **kwargs)

    return wrapper


def post_detail(request, pk, slug=None):
    """The article, counting the reader. For anonymous readers the page comes from the cache
    (rendered once per language while what it shows is unchanged) with the live count
    filled in (news/counting.py ArticleViews); a cached page means the post is public at
    this address, so a hit reads no database."""
    if to_clean_address := redirect_to_clean_query(request, params=()):
        return to_clean_address
    key = page_key(request)

    def render():
        posts = Post.objects.published()  # Due draft changes are published first.
        fragments = article_fragments(pk)
        if "article" in fragments.found:
            posts = posts.for_article_head()
        else:
            posts = flag_stale_translations(posts.for_article(), *ARTICLE_TEXT)
        post = get_object_or_404(posts, pk=pk)
        if (slug or "") != post.slug:
            return redirect(post, permanent=True), None
        depends_on(Post.links_token(post.pk))
        fragments.shows("article", object_token(Category, post.category_id))
        if post.edition_id:
            fragments.shows("article", object_token(Edition, post.edition_id))
        context = article_context(post, view_count=VIEW_COUNT_PLACEHOLDER) | {"fragments": fragments}
        context["structured_data"] = news_article(request, post)
        html = render_to_string("news/post_detail.html", context, request).encode()
        response = HttpResponse(html)
        # Every reader must reach the server to be counted: no shared cache may keep the page.
        patch_cache_control(response, private=True, no_cache=True)
        show_count(request, response, *register_view(request, pk, post.view_count))
        return response, (html, post.pk) if key and renders_for_every_port(request) else None

    if key is None:
        return render()[0]
    found, source = cached_or_rendered(request, key, render, lists=())
    if source != "miss":
        return response_for(request, found, source)
    if found.status_code == 200:
        found["X-Page-Cache"] = source
    return found


@never_cache
def post_preview(request, pk):
    """Any post, drafts and scheduled ones too, as readers will see it, and a live post
    with its draft changes as it will be once they are published: for staff only (a 404
    for everyone else), never counted as a view, never indexed."""
    if not can_preview(request.user):
        raise Http404
    post = get_object_or_404(flag_stale_translations(Post.objects.for_article(), *ARTICLE_TEXT), pk=pk).with_draft()
    context = article_context(post, view_count=intcomma(post.view_count)) | {"preview": True}
    response = render(request, "news/post_detail.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def article_fragments(pk):
    """The parts of the article page kept in the cache (common/fragments.py): the article
    itself, from its title to its related links, and its links to the previous and next
    posts. Beyond the objects they load as they render, the article shows the post (its
    attachments are parts of it), and only the sessions of published editions; the links
    show which posts are the post's neighbours."""
    tokens = {"article": [object_token(Post, pk), list_token(Edition)], "links": [Post.links_token(pk)]}
    return Fragments.read(("article", "links"), of=object_token(Post, pk), tokens=tokens)


def article_context(post, view_count):
    return {
        "post": post,
        "view_count": view_count,
        "page_languages": post.languages,
        "shown": ShownWithPost(post),
    }


class ShownWithPost:
    """What the article shows beside the post, each read when the page first shows it
    (not at all where the page has it from the cache): its attachments, the sessions it
    is about, and the public posts just before and after it."""

    def __init__(self, post):
        self.post = post

    @cached_property
    def attachments(self):
        return list(self.post.attachments.all())

    @cached_property
    def sessions(self):
        return list(self.post.sessions.published().select_related("edition").only("title", "edition__number"))

    @cached_property
    def previous(self):
        return Post.objects.published().for_links().before(self.post).first()

    @cached_property
    def next(self):
        return Post.objects.published().for_links().after(self.post).first()


@require_safe
@never_cache
def attachment_download(request, post_pk, pk):
    """Count a download, then send the file as a download (never shown as a page).
    Attachments of posts that are not public are for staff only, and not counted."""
    attachment = get_object_or_404(Attachment.objects.select_related("post"), pk=pk, post_id=post_pk)
    public = attachment.post.is_public
    if not (public or can_preview(request.user)):
        raise Http404
    response = send_file(attachment.file, content_type(attachment.file.name))
    if public and is_countable(request):
        Attachment.objects.filter(pk=attachment.pk).update(download_count=F("download_count") + 1)
    return response

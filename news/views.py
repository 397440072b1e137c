from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from editions.models import Edition

from .counting import register_view, remember_views
from .models import Category, Post

POSTS_PER_PAGE = 20
# Longer queries are cut: nobody types more, and every character costs a LIKE scan.
MAX_QUERY_LENGTH = 100


def post_list(request):
    posts = Post.objects.published().for_listing()
    category = edition = None
    if category_slug := request.GET.get("category"):
        category = get_object_or_404(Category, slug=category_slug[:50])
        posts = posts.filter(category=category)
    if edition_number := request.GET.get("edition"):
        if not (edition_number.isascii() and edition_number.isdigit() and len(edition_number) <= 4):
            raise Http404
        edition = get_object_or_404(Edition.objects.published(), number=edition_number)
        posts = posts.filter(edition=edition)
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    if query:
        posts = posts.search(query)
    page = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "news/post_list.html",
        {
            "page_obj": page,
            "posts": page.object_list,
            "categories": Category.objects.all(),
            "category": category,
            "edition": edition,
            "query": query,
        },
    )


def post_detail(request, pk, slug=None):
    post = get_object_or_404(Post.objects.published().select_related("category", "edition"), pk=pk)
    if slug != post.slug:
        return redirect(post, permanent=True)
    seen = register_view(request, post)
    response = render(
        request,
        "news/post_detail.html",
        {
            "post": post,
            "page_languages": post.languages,
            "attachments": post.attachments.all(),
            "sessions": post.sessions.select_related("edition"),
            "previous_post": Post.objects.published().for_listing().before(post).first(),
            "next_post": Post.objects.published().for_listing().after(post).first(),
        },
    )
    if seen is not None:
        remember_views(request, response, seen)
    return response

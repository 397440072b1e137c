from django.urls import path

from common.page_cache import cache_public_page

from . import views
from .feeds import LatestPostsAtomFeed, LatestPostsFeed

app_name = "news"

urlpatterns = [
    # The most requested address first: resolving tries the patterns in order, and no
    # other pattern here matches a number followed by one more segment.
    path("<id:pk>/<str:slug>/", views.post_detail, name="post_detail"),
    path(
        "",
        views.searches_go_to_site_search(cache_public_page(views.post_list, params=views.POST_LIST_PARAMS)),
        name="post_list",
    ),
    path("feed/", cache_public_page(LatestPostsFeed()), name="post_feed"),
    path("feed/atom/", cache_public_page(LatestPostsAtomFeed()), name="post_feed_atom"),
    path("feed/<slug:category_slug>/", cache_public_page(LatestPostsFeed()), name="category_feed"),
    path("feed/<slug:category_slug>/atom/", cache_public_page(LatestPostsAtomFeed()), name="category_feed_atom"),
    path("preview/<id:pk>/", views.post_preview, name="post_preview"),
    # The article caches its page itself, around the reader's view count (views.post_detail).
    path("<id:pk>/", views.post_detail, name="post_redirect"),
    path("<id:post_pk>/files/<id:pk>/", views.attachment_download, name="attachment_download"),
]

from django.urls import path

from common.page_cache import cache_public_page
from editions.models import Edition

from . import views
from .feeds import LatestPostsAtomFeed, LatestPostsFeed
from .models import Category, Post

# What the lists show beyond the posts they load (common/page_cache.py): the categories and
# editions of the filter; which list of posts (every post's, or a filtered one) the view says.
news_list = cache_public_page(views.post_list, params=views.POST_LIST_PARAMS, lists=(Category, Edition))
feed = cache_public_page(lists=(Post,))

app_name = "news"

urlpatterns = [
    # The most requested address first: resolving tries the patterns in order, and no
    # other pattern here matches a number followed by one more segment.
    path("<id:pk>/<str:slug>/", views.post_detail, name="post_detail"),
    path(
        "",
        views.searches_go_to_site_search(news_list),
        name="post_list",
    ),
    path("feed/", feed(LatestPostsFeed()), name="post_feed"),
    path("feed/atom/", feed(LatestPostsAtomFeed()), name="post_feed_atom"),
    path("feed/<slug:category_slug>/", feed(LatestPostsFeed()), name="category_feed"),
    path("feed/<slug:category_slug>/atom/", feed(LatestPostsAtomFeed()), name="category_feed_atom"),
    path("preview/<id:pk>/", views.post_preview, name="post_preview"),
    # The article caches its page itself, around the reader's view count (views.post_detail).
    # A post with no Latin slug is at its number alone; any other post's number leads to it.
    path("<id:pk>/", views.post_detail, name="post_detail"),
    path("<id:post_pk>/files/<id:pk>/", views.attachment_download, name="attachment_download"),
]

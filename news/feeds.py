"""RSS 2.0 and Atom feeds of published news, per language and per category."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Category, Post

FEED_LENGTH = 30


class LatestPostsFeed(Feed):
    def get_object(self, request, category_slug=None):
        return get_object_or_404(Category, slug=category_slug) if category_slug else None

    def title(self, category):
        if category:
            return _("%(category)s · WHRCF News") % {"category": category.name}
        return _("WHRCF News")

    def link(self, category):
        url = reverse("news:post_list")
        return f"{url}?category={category.slug}" if category else url

    def description(self, category):
        return _("News of the World Human Rights Cities Forum, held every year in Gwangju.")

    def items(self, category):
        # A feed lists only what it can show in its language.
        posts = Post.objects.published().written_in(get_language()).for_listing()
        if category:
            posts = posts.filter(category=category)
        return posts[:FEED_LENGTH]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.summary

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.updated_at

    def item_categories(self, post):
        return [post.category.name]


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description

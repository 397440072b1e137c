from common.sitemaps import BilingualSitemap

from .models import Post


class PostSitemap(BilingualSitemap):
    def items(self):
        return Post.objects.published().for_listing().order_by("-published_at", "-pk")

    def lastmod(self, post):
        return post.updated_at

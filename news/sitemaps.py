from django.db.models import Max

from common.sitemaps import BilingualSitemap

from .models import Post


class PostSitemap(BilingualSitemap):
    def items(self):
        return Post.objects.published().for_sitemap().order_by("-published_at", "-pk")

    def lastmod(self, post):
        return post.updated_at

    def get_latest_lastmod(self):
        """For the sitemap index, from the database rather than by reading every post."""
        return Post.objects.published().aggregate(latest=Max("updated_at"))["latest"]

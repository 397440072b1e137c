"""/sitemap.xml: every public page in each language it really has, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from editions.models import Declaration, Edition, Organization, Session
from news.models import Post


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        return getattr(item, "languages", None) or super().get_languages_for_item(item)


class PageSitemap(BilingualSitemap):
    changefreq = "daily"

    def items(self):
        return [
            "home",
            "news:post_list",
            "editions:edition_list",
            "editions:declaration_list",
            "editions:organization_list",
        ]

    def location(self, item):
        return reverse(item)


class PostSitemap(BilingualSitemap):
    def items(self):
        return Post.objects.published().for_listing().order_by("-published_at", "-pk")

    def lastmod(self, post):
        return post.updated_at


class EditionSitemap(BilingualSitemap):
    def items(self):
        return Edition.objects.published()


class SessionSitemap(BilingualSitemap):
    def items(self):
        return Session.objects.published().select_related("edition").order_by("pk")


class DeclarationSitemap(BilingualSitemap):
    def items(self):
        return Declaration.objects.published().select_related("edition")

    def lastmod(self, declaration):
        return declaration.updated_at


class OrganizationSitemap(BilingualSitemap):
    def items(self):
        return Organization.objects.public()


sitemaps = {
    "pages": PageSitemap,
    "news": PostSitemap,
    "forums": EditionSitemap,
    "sessions": SessionSitemap,
    "declarations": DeclarationSitemap,
    "organizations": OrganizationSitemap,
}

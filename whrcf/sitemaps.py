"""/sitemap.xml: every public page in each language it really has, with hreflang alternates.
Each app keeps the sitemaps of its own pages; the site's own pages are here."""

from django.urls import reverse

from common.sitemaps import BilingualSitemap
from editions.sitemaps import DeclarationSitemap, EditionSitemap, OrganizationSitemap, PersonSitemap, SessionSitemap
from news.sitemaps import PostSitemap


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


sitemaps = {
    "pages": PageSitemap,
    "news": PostSitemap,
    "forums": EditionSitemap,
    "sessions": SessionSitemap,
    "declarations": DeclarationSitemap,
    "organizations": OrganizationSitemap,
    "people": PersonSitemap,
}

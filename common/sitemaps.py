from django.contrib.sitemaps import Sitemap


class BilingualSitemap(Sitemap):
    """Every page in each language its object really has (its `languages`), with hreflang
    alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        return getattr(item, "languages", None) or super().get_languages_for_item(item)

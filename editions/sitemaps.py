from common.sitemaps import BilingualSitemap

from .models import Declaration, Edition, Organization, Person, Session


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


class PersonSitemap(BilingualSitemap):
    def items(self):
        return Person.objects.public().order_by("pk")

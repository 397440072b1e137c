"""Sitemaps of bilingual pages, in pages of a bounded size however large the archive.

Django's i18n sitemaps pair every object with each of its languages before paginating, in
memory: at 100,000 posts that is every post loaded for each page, and a page of 50,000
URLs holds only 25,000 posts. Here a page is a slice of the objects, taken in the
database, and lists each of them in every language it has: `URLS_PER_PAGE` URLs at most.
Each object's address is made once per language, and shared by its entries' alternates.
The XML is written here rather than by Django's template, which takes seconds for 10,000
URLs with their alternates."""

import datetime
from xml.sax.saxutils import escape

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse
from django.utils import timezone, translation

# URLs (<url> entries) per page of a section. The protocol allows 50,000; a page of 10,000
# is a few MB with its hreflang alternates, made in well under a second.
URLS_PER_PAGE = 10_000


class BilingualSitemap(Sitemap):
    """Every page in each language its object really has (its `languages`), with hreflang
    alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True
    objects_per_page = URLS_PER_PAGE // len(settings.LANGUAGES)

    @property
    def paginator(self):
        return Paginator(self.items(), self.objects_per_page)

    def get_languages_for_item(self, item):
        return getattr(item, "languages", None) or super().get_languages_for_item(item)

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            locations = {code: f"{protocol}://{domain}{path}" for code, path in self.paths(item).items()}
            alternates = [{"location": location, "lang_code": code} for code, location in locations.items()]
            if self.x_default and settings.LANGUAGE_CODE in locations:
                x_default = locations[settings.LANGUAGE_CODE].replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)
                alternates.append({"location": x_default, "lang_code": "x-default"})
            lastmod = self._get("lastmod", (item, None))
            url = {"lastmod": lastmod and w3c_date(lastmod), "changefreq": self._get("changefreq", (item, None))}
            urls += [url | {"location": location, "alternates": alternates} for location in locations.values()]
        return urls

    def paths(self, item):
        """{language: path} of `item` in each of its languages. The paths of one page differ
        only by their language prefix (i18n_patterns, no translated patterns): the path is
        made once, the slowest part of a sitemap of 10,000 URLs."""
        first, *others = self.get_languages_for_item(item)
        with translation.override(first):
            path = self.location(item)
        return {first: path} | {code: path.replace(f"/{first}/", f"/{code}/", 1) for code in others}


def w3c_date(value):
    """The day of a date or time, in the site's time zone: 2026-11-24."""
    return (timezone.localdate(value) if isinstance(value, datetime.datetime) else value).isoformat()


def sitemap_section(request, sitemaps, section):
    """One page (`?p=`) of one section of the sitemap index, as Django's sitemap view gives it."""
    if section not in sitemaps:
        raise Http404(f"No sitemap section {section!r}.")
    try:
        sitemap = sitemaps[section]()
        urls = sitemap.get_urls(page=request.GET.get("p", 1), site=get_current_site(request), protocol=request.scheme)
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page of the sitemap.") from None
    return HttpResponse("".join(urlset_xml(urls)), content_type="application/xml")


def urlset_xml(urls):
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    for url in urls:
        yield f"<url><loc>{escape(url['location'])}</loc>"
        if url["lastmod"]:
            yield f"<lastmod>{url['lastmod']}</lastmod>"
        if url["changefreq"]:
            yield f"<changefreq>{url['changefreq']}</changefreq>"
        for alternate in url["alternates"]:
            code, location = alternate["lang_code"], escape(alternate["location"])
            yield f'<xhtml:link rel="alternate" hreflang="{code}" href="{location}"/>'
        yield "</url>\n"
    yield "</urlset>\n"

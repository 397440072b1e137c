import json
import re

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse, translate_url
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language, override

from common.images import fitted
from common.languages import language_codes

register = template.Library()

OG_LOCALES = {"ko": "ko_KR", "en": "en_US"}


@register.simple_tag(takes_context=True)
def page_alternates(context):
    """This page in every language, for hreflang links, the canonical URL and the switch.

    Each language's `url` is absolute and lands on the same object. A language the
    page's object has no text in (the view sets `page_languages`) is not `available`:
    its page still works, with the fallback text, but is `noindex` and canonicalised to
    a language the object really has.
    """
    request = context["request"]
    current = get_language()
    available = context.get("page_languages") or language_codes()
    path = request.get_full_path()
    languages = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if code != current and url == path:
            # Not a page of ours (a 404): the other language's home is the nearest place.
            with override(code):
                url = reverse("home")
        languages.append(
            {
                "code": code,
                "name": name,
                "url": request.build_absolute_uri(url),
                "available": code in available,
                "current": code == current,
                "og_locale": OG_LOCALES[code],
            }
        )
    offered = [language for language in languages if language["available"]]
    this = next(language for language in languages if language["current"])
    return {
        "languages": languages,
        "offered": offered,
        "current": this,
        "canonical_url": this["url"] if this["available"] else offered[0]["url"],
        "x_default_url": x_default_url(offered),
        "noindex": not this["available"],
    }


def x_default_url(offered):
    """The address without a language prefix, which redirects by Accept-Language (as the
    sitemap's x-default does); or, for an object without Korean text, its first language."""
    default = next((language for language in offered if language["code"] == settings.LANGUAGE_CODE), None)
    if default is None:
        return offered[0]["url"]
    return default["url"].replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)


@register.simple_tag
def shown_language(obj, field):
    """The language whose text `obj.<field>` shows now: the current one, or its fallback."""
    current = get_language()
    if getattr(obj, f"{field}_{current}", None):
        return current
    for code in language_codes():
        if getattr(obj, f"{field}_{code}", None):
            return code
    return current


@register.simple_tag
def json_ld(data):
    """<script type="application/ld+json"> with schema.org `data`, escaped so that it cannot
    close the script element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))


@register.filter
def machine_datetime(value):
    """A `<time datetime>` value: local time to the second (HTML allows no microseconds)."""
    return localtime(value).replace(microsecond=0).isoformat()


@register.filter
def highlight(text, query):
    """`text`, escaped, with each occurrence of the search `query` in <mark>."""
    if not query:
        return text
    parts = re.split(f"({re.escape(query)})", str(text), flags=re.IGNORECASE)
    return mark_safe(
        "".join(
            format_html("<mark>{}</mark>", part) if index % 2 else escape(part) for index, part in enumerate(parts)
        )
    )


@register.simple_tag
def page_numbers(page):
    """The page numbers to link to around `page`: the first and last, two on each side of
    it, and `None` for each gap between them."""
    ellipsis = page.paginator.ELLIPSIS
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return [None if number == ellipsis else number for number in numbers]


@register.simple_tag(takes_context=True)
def menu_section(context):
    """The item of the main menu the page belongs to: its app, with the editions app's
    declarations and organizations as items of their own."""
    match = context["request"].resolver_match
    if match is None:
        return ""
    if match.app_name == "editions":
        for section in ("declaration", "organization"):
            if match.url_name.startswith(section):
                return f"{section}s"
        return "forums"
    return match.app_name


@register.inclusion_tag("includes/fitted_image.html")
def fitted_image(image_file, box, alt, lazy=True, css_class=""):
    """An <img> of `image_file` that fits `box` ("240x120") with its aspect kept, sharp at 2x."""
    src, src_2x, width, height = fitted(image_file.name, box)
    return {
        "src": src,
        "src_2x": src_2x,
        "width": width,
        "height": height,
        "alt": alt,
        "lazy": lazy,
        "class": css_class,
    }

"""Responsive images: covers and body images as <picture>s with WebP renditions."""

import html
import re
from urllib.parse import unquote

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from common.images import srcset
from news.models import PostImage

register = template.Library()

# The article column is at most 46rem wide (static/css/site.css, .article).
ARTICLE_SIZES = "(min-width: 48rem) 46rem, 100vw"
# Cards fill a grid of columns at least 18rem wide in a page at most 68rem wide: three
# columns of about 21rem on a desktop, two on a tablet, one on a phone (.cards).
CARD_SIZES = "(min-width: 60rem) 22rem, (min-width: 38rem) 50vw, 100vw"
# Bodies are sanitized by nh3, whose output quotes every attribute value with " and
# escapes ">" inside values, so these expressions cannot be fooled by an attribute.
IMG_TAG = re.compile(r"<img\b[^>]*>")
ATTRIBUTE = r'\s{}="([^"]*)"'


@register.inclusion_tag("news/includes/picture.html")
def picture(image_file, alt, width, height, lazy=True, sizes=ARTICLE_SIZES):
    """An uploaded image with WebP renditions of its width and the smaller standard ones."""
    return {
        "src": image_file.url,
        "alt": alt,
        "width": width,
        "height": height,
        "srcset": srcset(image_file, width) if width else "",
        "sizes": sizes,
        "lazy": lazy,
    }


@register.inclusion_tag("news/includes/card_picture.html")
def card_picture(post):
    """A card's cover, or for a post without one a plain panel of the same shape, so that
    every card of a grid lines up. The cover is decorative here (alt=""): the card's title,
    right below it, says what the post is."""
    if not post.cover:
        return {"post": post}
    return {"post": post, "picture": picture(post.cover, "", post.cover_width, post.cover_height, sizes=CARD_SIZES)}


@register.filter
def responsive_images(body):
    """The (sanitized) body with its uploaded images turned into <picture>s; every image
    of the body loads lazily."""
    tags = IMG_TAG.findall(body)
    if not tags:
        return mark_safe(body)
    uploaded = uploaded_images({attribute(tag, "src") for tag in tags})

    def replace(match):
        tag = match.group(0)
        image = uploaded.get(attribute(tag, "src"))
        if image is None:
            return tag if " loading=" in tag else tag.replace("<img", '<img loading="lazy"', 1)
        context = picture(image.image, attribute(tag, "alt"), image.width, image.height)
        return render_to_string("news/includes/picture.html", context)

    return mark_safe(IMG_TAG.sub(replace, body))


def attribute(tag, name):
    found = re.search(ATTRIBUTE.format(name), tag)
    return html.unescape(found.group(1)) if found else ""


def uploaded_images(urls):
    """{URL: PostImage} for the URLs that are post images' files, in one query."""
    storage = PostImage._meta.get_field("image").storage
    prefix = storage.url("")
    names = {unquote(url.removeprefix(prefix)) for url in urls if url.startswith(prefix)}
    if not names:
        return {}
    return {image.image.url: image for image in PostImage.objects.filter(image__in=names)}

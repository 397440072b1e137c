"""Responsive images: covers and body images as <picture>s with WebP renditions."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from common.images import crop_renditions, cropped, srcset
from news.models import PostImage
from news.sanitize import IMG_TAG, attribute

register = template.Library()

# The article column is at most 46rem wide (static/css/site.css, .article).
ARTICLE_SIZES = "(min-width: 48rem) 46rem, 100vw"
# Cards fill a grid of columns at least 18rem wide in a page at most 68rem wide: three
# columns of about 21rem on a desktop, two on a tablet, one on a phone (.cards).
CARD_SIZES = "(min-width: 60rem) 22rem, (min-width: 38rem) 50vw, 100vw"
# The shape of a card's picture (.card__picture's aspect-ratio).
CARD_SHAPE = (16, 9)
# The image social networks show for a shared link: 1.91:1, 1200 pixels wide at most.
SOCIAL_BOX = (1200, 630)


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
    """A card's cover cropped to the card's shape around its focal point, or for a post
    without one a plain panel of the same shape, so that every card of a grid lines up.
    The cover is decorative here (alt=""): the card's title, right below it, says what the
    post is. A cover whose crops cannot be made this time gets the panel too."""
    crops = post.cover and crop_renditions(post.cover.name, post.cover_width, CARD_SHAPE, post.cover_crop(*CARD_SHAPE))
    if not crops:
        return {"post": post}
    src, width, height = crops[0]
    picture = {
        "src": src,
        "alt": "",
        "width": width,
        "height": height,
        "srcset": ", ".join(f"{url} {crop_width}w" for url, crop_width, _height in crops),
        "sizes": CARD_SIZES,
        "lazy": True,
    }
    return {"post": post, "picture": picture}


@register.simple_tag
def social_image(post):
    """The image social networks show for the post: its cover cropped to their shape around
    its focal point, as {"url", "width", "height"}; None without a cover that can be read."""
    if not post.cover:
        return None
    crop = cropped(post.cover.name, "{}x{}".format(*SOCIAL_BOX), post.cover_crop(*SOCIAL_BOX))
    if crop is None:
        return None
    url, width, height = crop
    return {"url": url, "width": width, "height": height}


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


def uploaded_images(urls):
    """{URL: PostImage} for the URLs that are post images' files, in one query."""
    return {image.image.url: image for image in PostImage.objects.at_urls(urls)}

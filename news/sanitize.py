"""Post bodies are HTML written by staff (or imported from the old board): they are cleaned
with nh3's allow-list before they are stored, so templates may output them as they are."""

import html
import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup", "blockquote",
    "ul", "ol", "li", "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td",
    "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "*": {"lang"},
}

# The toolbar of the body editor (django-prose-editor): only what the allow-list above
# keeps, so that what staff see in the editor is what is stored.
BODY_EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Figure": True,
    "Caption": True,
    "Image": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "HTML": True,
}

# What the editor submits when it is left empty.
EMPTY_EDITOR = "<p></p>"


def clean_html(html):
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return "" if cleaned == EMPTY_EDITOR else cleaned


# Cleaned bodies: nh3's output quotes every attribute value with " and escapes ">" inside
# values, so these expressions cannot be fooled by an attribute.
IMG_TAG = re.compile(r"<img\b[^>]*>")
ATTRIBUTE = r'\s{}="([^"]*)"'


def attribute(tag, name):
    """The value of the attribute `name` of a cleaned tag, or ""."""
    found = re.search(ATTRIBUTE.format(name), tag)
    return html.unescape(found.group(1)) if found else ""


def image_sources(cleaned_html):
    """The `src` of each image of a cleaned body."""
    return [attribute(tag, "src") for tag in IMG_TAG.findall(cleaned_html)]

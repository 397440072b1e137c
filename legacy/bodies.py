"""
The old site's post bodies, made fit for this site before they are sanitized
(news/sanitize.py), so that nothing a reader saw on the old site vanishes without a trace:

- a video (an <iframe>, mostly YouTube's player) becomes a link to the video: this site's
  Content-Security-Policy loads no frames from other sites, and a link sends nothing to
  YouTube until the reader asks;
- an image from another site becomes a link to it: the policy blocks it as an image;
- SmartEditor2 wrote a photo's name in `title` and no `alt`: the name becomes the alt
  text, unless it is the name gnuboard made up for the file ("3f2a…_1635728102_3317.jpg"),
  which describes nothing;
- the addresses and e-mail addresses of a plain-text post become links, as gnuboard showed
  them (found by linkify-it-py).

Each change is written in the language of the post's board.
"""

import html
import re
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from linkify_it import LinkifyIt

YOUTUBE_PLAYER = re.compile(
    r"(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/(?P<video>[\w-]{6,20})", re.IGNORECASE
)
# The file names gnuboard gives uploads: md5 of the board, the time, a number.
GENERATED_FILE_NAME = re.compile(r"[0-9a-f]{32}_\d+_\d+\.\w+", re.IGNORECASE)
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"}
LINKS = LinkifyIt()


class OldBody(HTMLParser):
    """Copies HTML as it is, but for the <iframe> and <img> elements this site cannot show."""

    def __init__(self, is_own_image):
        super().__init__(convert_charrefs=False)
        self.is_own_image = is_own_image
        self.parts = []
        self.in_frame = False
        self.images_without_alt = 0

    def handle_starttag(self, tag, attributes):
        if tag == "iframe":
            self.parts.append(frame_link(dict(attributes)))
            self.in_frame = True
        elif tag == "img":
            self.parts.append(self.image(dict(attributes)))
        elif not self.in_frame:
            self.parts.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attributes):
        self.handle_starttag(tag, attributes)
        if tag == "iframe":
            self.in_frame = False

    def handle_endtag(self, tag):
        if tag == "iframe":
            self.in_frame = False
        elif not self.in_frame:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.in_frame:
            self.parts.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")

    def image(self, attributes):
        source = (attributes.get("src") or "").strip()
        other_site = urlsplit(source).scheme in {"http", "https"} or source.startswith("//")
        if other_site and not self.is_own_image(source):
            return external_image_link(source, attributes.get("alt") or "")
        alt = attributes.get("alt")
        if alt is None:
            alt = description_of(attributes.get("title") or "", source)
        if not alt:
            self.images_without_alt += 1
        sizes = "".join(
            f' {name}="{html.escape(attributes[name])}"' for name in ("width", "height") if attributes.get(name)
        )
        return f'<img src="{html.escape(source)}" alt="{html.escape(alt)}"{sizes}>'


def rewrite_body(body, is_own_image):
    """The body with frames and other sites' images as links and alt texts from titles; and how
    many of its images still have no alt text. `is_own_image(url)` tells the old site's own
    images, kept as images."""
    parser = OldBody(is_own_image)
    parser.feed(body)
    parser.close()
    return "".join(parser.parts), parser.images_without_alt


def frame_link(attributes):
    source = (attributes.get("src") or "").strip()
    if youtube := YOUTUBE_PLAYER.match(source):
        url = f"https://www.youtube.com/watch?v={youtube['video']}"
        text = _("Watch the video on YouTube")
        return f'<a href="{url}">{html.escape(text)}</a>'
    if source.startswith("//"):
        source = f"https:{source}"
    if urlsplit(source).scheme not in {"http", "https"}:
        return ""
    text = _("Open the embedded page on %(site)s") % {"site": urlsplit(source).hostname}
    return f'<a href="{html.escape(source)}">{html.escape(text)}</a>'


def external_image_link(source, alt):
    if source.startswith("//"):
        source = f"https:{source}"
    if alt:
        text = _("Image: %(description)s") % {"description": alt}
    else:
        text = _("Image on %(site)s") % {"site": urlsplit(source).hostname}
    return f'<a href="{html.escape(source)}">{html.escape(text)}</a>'


def description_of(title, source):
    """The alt text a photo's title gives: its name without the extension; nothing when it
    is the name gnuboard made up for the file."""
    title = " ".join(title.split())
    if not title or GENERATED_FILE_NAME.fullmatch(title) or title == PurePosixPath(urlsplit(source).path).name:
        return ""
    name = PurePosixPath(title)
    return name.stem if name.suffix.lower() in IMAGE_EXTENSIONS else title


def linked_text(line):
    """A line of plain text as HTML, its addresses and e-mail addresses as links."""
    parts, start = [], 0
    for link in LINKS.match(line) or []:
        parts.append(html.escape(line[start : link.index], quote=False))
        parts.append(f'<a href="{html.escape(link.url)}">{html.escape(link.text, quote=False)}</a>')
        start = link.last_index
    parts.append(html.escape(line[start:], quote=False))
    return "".join(parts)

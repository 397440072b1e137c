"""
Newsletter issues: published posts chosen in the admin, as an e-mail-safe HTML document
and as plain text, in one language, for staff to paste into an external mailer.

E-mail programs drop <style> blocks, scripts and relative links, and lay out tables more
reliably than anything else: the HTML part is a table layout with inline styles only,
absolute URLs only and sized JPEG covers (many mail programs show no WebP). It carries
summaries, never bodies, whose markup is made for the site.
"""

import dataclasses
import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from sorl.thumbnail import get_thumbnail

from common.languages import language_codes

from .models import Post

# Enough for any issue; more ids would only make a long query (and SQLite has a limit).
MAX_POSTS = 100
# The issue's 600 px column less its padding: covers are shown this wide at most.
COVER_WIDTH = 552


class InvalidSelection(Exception):
    """A request for an issue without a valid language or any published post; the
    message says why, for staff."""


@dataclasses.dataclass
class Selection:
    language: str
    posts: list  # Published, newest first.
    not_published: list
    missing_ids: list

    @classmethod
    def from_query(cls, query):
        """The issue that `?ids=3,5,9&lang=ko` asks for: the published posts among those
        ids, newest first, and what was left out."""
        language = query.get("lang", settings.LANGUAGE_CODE)
        if language not in language_codes():
            names = ", ".join(str(name) for _code, name in settings.LANGUAGES)
            raise InvalidSelection(_("Choose the language of the issue: %(languages)s.") % {"languages": names})
        ids = post_ids(query.get("ids", ""))
        found = list(Post.objects.for_listing().filter(pk__in=ids))
        posts = [post for post in found if post.is_public]
        if not posts:
            raise InvalidSelection(
                _("None of the selected posts is published: a newsletter issue has published posts only.")
            )
        found_ids = {post.pk for post in found}
        return cls(
            language=language,
            posts=posts,
            not_published=[post for post in found if not post.is_public],
            missing_ids=[pk for pk in ids if pk not in found_ids],
        )


def post_ids(value):
    """The ids of "3,5,9", in order and without repeats."""
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not parts:
        raise InvalidSelection(_("Select the posts for the newsletter issue."))
    if not all(part.isascii() and part.isdigit() and len(part) <= 9 for part in parts):
        raise InvalidSelection(_("The selection of posts is not valid: choose the posts again."))
    ids = list(dict.fromkeys(int(part) for part in parts))
    if len(ids) > MAX_POSTS:
        raise InvalidSelection(
            ngettext(
                "A newsletter issue has at most %(count)d post: choose fewer posts.",
                "A newsletter issue has at most %(count)d posts: choose fewer posts.",
                MAX_POSTS,
            )
            % {"count": MAX_POSTS}
        )
    return ids


@dataclasses.dataclass(frozen=True)
class Issue:
    language: str
    date: datetime.date
    html: str
    text: str

    def filename(self, extension):
        return f"whrcf-newsletter-{self.date.isoformat()}-{self.language}.{extension}"


def render_issue(request, posts, language):
    """Today's issue of `posts` in `language`: both parts, every address absolute."""
    with translation.override(language):
        context = {
            "language_code": language,
            "issue_date": timezone.localdate(),
            "items": [
                {
                    "post": post,
                    "url": request.build_absolute_uri(post.get_absolute_url()),
                    "cover": cover(request, post),
                }
                for post in posts
            ],
            "home_url": request.build_absolute_uri(reverse("home")),
            "news_url": request.build_absolute_uri(reverse("news:post_list")),
        }
        return Issue(
            language=language,
            date=context["issue_date"],
            html=render_to_string("news/newsletter/issue.html", context),
            text=render_to_string("news/newsletter/issue.txt", context),
        )


def cover(request, post):
    """The post's cover as a JPEG rendition twice as wide as it is shown (sharp on
    high-density screens), with the size to show it at."""
    if not (post.cover and post.cover_width and post.cover_height):
        return None
    rendition = get_thumbnail(post.cover, str(2 * COVER_WIDTH), format="JPEG", quality=80, upscale=False)
    width = min(COVER_WIDTH, post.cover_width)
    return {
        "src": request.build_absolute_uri(rendition.url),
        "width": width,
        "height": round(post.cover_height * width / post.cover_width),
        "alt": post.cover_alt,
    }

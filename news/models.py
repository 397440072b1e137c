import json
import time
from urllib.parse import unquote

import reversion
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models import Case, F, Min, Q, When
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django_prose_editor.fields import ProseEditorField

from common.images import UploadedImageField, focal_crop
from common.languages import empty, filled_languages, language_codes
from common.page_cache import bump, bump_content_version, list_token, object_token
from common.text import html_to_text
from editions.models import Edition, Organization, Session

from .attachments import AttachmentFileField
from .sanitize import BODY_EDITOR_EXTENSIONS, clean_html, image_sources


class Category(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


# Sent after a bulk UPDATE of posts (which sends no save signal) with the ids of the posts
# it changed: the search index follows (search/apps.py).
posts_changed_in_bulk = Signal()


# Past this many posts changed at once, every cached page is made stale rather than the
# pages of each post and its neighbours.
BULK_CHANGES_PER_POST = 50


# A list of posts filtered by a category or an edition (the news list's filters) depends on
# its own token and on FILTERED_LISTS, not on the list of every post: a post published in
# one category or edition leaves the lists of the others cached.
FILTERED_LISTS = "news.post:list:filtered"


def filtered_list_token(field, pk):
    return f"{FILTERED_LISTS}:{field}:{pk}"


def update_in_bulk(posts, **changes):
    """UPDATE `posts` (their publication); the cached pages that show them, the lists and
    the posts' new neighbours are stale, and listeners told, if rows changed."""
    pks = list(posts.values_list("pk", flat=True))
    count = Post.objects.filter(pk__in=pks).update(**changes)
    if count > BULK_CHANGES_PER_POST:
        bump_content_version()
    elif count:
        changed = Post.objects.filter(pk__in=pks).only(*Post.LISTING_FIELDS)
        bump(*{token for post in changed for token in [post.token(), *post.list_tokens(), *post.neighbours()]})
    if count:
        posts_changed_in_bulk.send(sender=Post, pks=pks)
    return count


class PostQuerySet(models.QuerySet):
    def published(self):
        """Published posts whose time has come and not gone: a future published_at is a
        scheduled post, a past unpublish_at an expired one. Draft changes whose time has
        come are published first (publish_due_draft_changes), so every public page shows them."""
        publish_due_draft_changes()
        now = timezone.now()
        return self.filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now), status=Post.Status.PUBLISHED, published_at__lte=now
        )

    def scheduled(self):
        """Published posts whose time has not come yet."""
        return self.filter(status=Post.Status.PUBLISHED, published_at__gt=timezone.now())

    def written_in(self, language):
        """Posts with a title of their own in `language` (no fallback)."""
        return self.exclude(empty(f"title_{language}"))

    def pinned_first(self):
        return self.order_by("-pinned", "-published_at", "-pk")

    def not_public(self):
        """Drafts and scheduled posts."""
        return self.filter(Q(status=Post.Status.DRAFT) | Q(published_at__gt=timezone.now()))

    def publish_now(self):
        """Publish the posts that are not public yet as of now; posts already public keep
        their date. Returns how many were published."""
        now = timezone.now()
        # An unpublish time already past would take the post off again at once (and come
        # before its publication, which the database refuses): it is dropped.
        unpublish_at = Case(When(unpublish_at__lte=now, then=None), default=F("unpublish_at"))
        return update_in_bulk(
            self.not_public(),
            status=Post.Status.PUBLISHED,
            published_at=now,
            updated_at=now,
            unpublish_at=unpublish_at,
        )

    def unpublish(self):
        """Turn published and scheduled posts back into drafts. Returns how many changed."""
        return update_in_bulk(
            self.filter(status=Post.Status.PUBLISHED), status=Post.Status.DRAFT, updated_at=timezone.now()
        )

    def for_listing(self):
        """What lists and cards show: never the bodies, which are most of a post's bytes."""
        return self.select_related("category").defer(*Post.body_columns(), "draft")

    def for_article(self):
        """What the article page shows: all but the search text."""
        return self.select_related("category", "edition").defer(*Post.search_columns())

    def for_article_head(self):
        """What the article page shows around the article when the article itself comes
        from the cache (news/views.py): its title, summary and cover, not its body, its
        edition or its draft changes."""
        return self.select_related("category").defer(*Post.body_columns(), "draft")

    def for_links(self):
        """What a link to a post shows: its title, at its address."""
        return self.only("slug", "title")

    def for_sitemap(self):
        """What the sitemap lists: each post's address, the languages its title has, and
        when it last changed."""
        return self.only("slug", "title", "updated_at")

    def before(self, post):
        """Posts published before `post`, newest first (ties broken by id). The bound on
        the date alone is what an index seeks to: with only the OR of "earlier, or as early
        with a lower id", PostgreSQL reads the whole archive when no post is earlier."""
        earlier = Q(published_at__lt=post.published_at) | Q(pk__lt=post.pk)
        return self.filter(earlier, published_at__lte=post.published_at).order_by("-published_at", "-pk")

    def after(self, post):
        later = Q(published_at__gt=post.published_at) | Q(pk__gt=post.pk)
        return self.filter(later, published_at__gte=post.published_at).order_by("published_at", "pk")


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        help_text=_(
            "Latin letters, digits and hyphens; made from the English title when left empty. A post with no "
            "English title has an address of its number alone."
        ),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = ProseEditorField(
        _("body"),
        blank=True,
        extensions=BODY_EDITOR_EXTENSIONS,
        sanitize=clean_html,
        help_text=_(
            "To place an image: press the image button of the toolbar, then “Browse…” to upload an image or "
            "choose one uploaded before."
        ),
    )
    # The body as plain text, kept by save(): search must match what readers read, not
    # the markup ("strong" must not find every bold word; "R&D" must find "R&amp;D").
    body_text = models.TextField(_("body text"), blank=True, editable=False)
    cover = UploadedImageField(
        _("cover image"),
        upload_to="covers/%Y/",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
        help_text=_("A JPEG, PNG, WebP or GIF image of at most 10 MB and 40 megapixels."),
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_alt = models.CharField(_("cover alt text"), max_length=300, blank=True)
    # The point of the cover that every crop of it keeps (cards, the social-network
    # image), in percent of its width and height from the top left corner.
    cover_focus_x = models.PositiveSmallIntegerField(
        _("focal point across (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("From 0 (left edge) to 100 (right edge)."),
    )
    cover_focus_y = models.PositiveSmallIntegerField(
        _("focal point down (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("From 0 (top edge) to 100 (bottom edge)."),
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="posts", verbose_name=_("category"))
    edition = models.ForeignKey(
        Edition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("edition"),
    )
    sessions = models.ManyToManyField(Session, blank=True, related_name="posts", verbose_name=_("sessions"))
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="posts", verbose_name=_("organizations")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("A published post with a date in the future appears by itself at that time."),
    )
    pinned = models.BooleanField(_("pinned"), default=False, help_text=_("Pinned posts are listed first."))
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to keep the post online. At this time the post leaves the site by itself: lists, feeds, "
            "search and its address."
        ),
    )
    # Changes to a live post that are not live yet (Wagtail's draft of a live page): the
    # new value of each text column (DRAFT_FIELDS in each language), or None.
    draft = models.JSONField(_("draft changes"), null=True, blank=True, editable=False)
    # When the draft changes go live by themselves; None: when an editor publishes them.
    draft_publish_at = models.DateTimeField(_("draft changes go live at"), null=True, blank=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("author"),
    )
    view_count = models.PositiveIntegerField(_("views"), default=0)
    legacy_board = models.CharField(_("old board"), max_length=40, blank=True)
    legacy_id = models.PositiveIntegerField(_("old post number"), null=True, blank=True)
    # The old site kept each language on its own board ("news" and "news_eng"); a post
    # joined from a Korean row and its English twin keeps the twin's wr_id here.
    legacy_twin_id = models.PositiveIntegerField(_("old English post number"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        permissions = [("publish_post", _("Can publish posts"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cover_focus_x__lte=100, cover_focus_y__lte=100),
                name="post_cover_focus_within_cover",
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=~models.Q(slug=""),
                name="post_slug_unique",
                violation_error_message=_("A post with this slug already exists."),
            ),
            models.UniqueConstraint(
                fields=["legacy_board", "legacy_id"],
                condition=models.Q(legacy_id__isnull=False),
                name="post_legacy_id_unique",
            ),
            models.UniqueConstraint(
                fields=["legacy_board", "legacy_twin_id"],
                condition=models.Q(legacy_twin_id__isnull=False),
                name="post_legacy_twin_id_unique",
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=F("published_at")),
                name="post_unpublished_after_published",
                violation_error_message=_("The unpublish time must come after the publication date."),
            ),
        ]
        indexes = [
            # The order of posts everywhere else (the admin's list of every post): its pages
            # read their entries of this index instead of sorting all posts.
            models.Index(fields=["-published_at", "-id"], name="post_newest_first_idx"),
            models.Index(fields=["status", "-published_at"], name="post_status_published_idx"),
            # The news list's order (pinned first): its first and last pages read 20 entries
            # of this index, however many posts there are, and a page in the middle skips
            # entries of the index alone (common/pagination.py), which holds every column the
            # list filters on. So do the lists of a category and of a forum edition.
            models.Index(
                fields=["status", "-pinned", "-published_at", "-id"],
                include=["unpublish_at"],
                name="post_status_listing_idx",
            ),
            models.Index(
                fields=["category", "status", "-pinned", "-published_at", "-id"],
                include=["unpublish_at"],
                name="post_category_listing_idx",
            ),
            models.Index(
                fields=["edition", "status", "-pinned", "-published_at", "-id"],
                include=["unpublish_at"],
                name="post_edition_listing_idx",
            ),
            models.Index(fields=["edition", "status", "-published_at"], name="post_edition_published_idx"),
            models.Index(fields=["category", "status", "-published_at"], name="post_category_published_idx"),
            # For next_scheduled_publication(): the few posts with an unpublish time or
            # scheduled draft changes.
            models.Index(
                fields=["unpublish_at"], condition=Q(unpublish_at__isnull=False), name="post_unpublish_at_idx"
            ),
            models.Index(
                fields=["draft_publish_at"],
                condition=Q(draft_publish_at__isnull=False),
                name="post_draft_publish_at_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        for code in language_codes():
            body = clean_html(getattr(self, f"body_{code}"))
            setattr(self, f"body_{code}", body)
            setattr(self, f"body_text_{code}", html_to_text(body))
        if update_fields := kwargs.get("update_fields"):
            kwargs["update_fields"] = {*update_fields, *(f"body_text_{code}" for code in language_codes())}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """/news/38/the-11th-forum-closes/, or /news/38/ for a post with no Latin slug."""
        if self.slug:
            return reverse("news:post_detail", kwargs={"pk": self.pk, "slug": self.slug})
        return reverse("news:post_detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.unpublish_at and self.published_at and self.unpublish_at <= self.published_at:
            raise ValidationError(
                {"unpublish_at": _("The unpublish time must come after the publication date.")}, code="invalid"
            )

    def get_preview_url(self):
        return reverse("news:post_preview", kwargs={"pk": self.pk})

    # Where a post is listed, and in what order: a change of these changes lists.
    LISTING_FIELDS = ("status", "published_at", "unpublish_at", "category_id", "edition_id", "pinned")

    @classmethod
    def from_db(cls, db, field_names, values):
        post = super().from_db(db, field_names, values)
        post._listed_as = post.listing()
        return post

    def listing(self):
        """The values of LISTING_FIELDS, or None when one was not loaded."""
        values = tuple(self.__dict__.get(name, models.DEFERRED) for name in self.LISTING_FIELDS)
        return None if models.DEFERRED in values else values

    def changed_pages(self, created=False, deleted=False):
        """The page-cache tokens (common/page_cache.py) a save or delete of this post
        changes beyond its own: the lists of posts, when where it is listed may have
        changed, and the links of its new neighbours, which now lead to it (the pages
        of its old ones showed the post, and depend on it already)."""
        listed_as, self._listed_as = getattr(self, "_listed_as", None), self.listing()
        if not (created or deleted) and listed_as is not None and listed_as == self._listed_as:
            return []
        lists = set(self.list_tokens())
        if listed_as is not None:
            was = dict(zip(self.LISTING_FIELDS, listed_as, strict=True))
            lists.update(filtered_list_token(field, was[f"{field}_id"]) for field in ("category", "edition"))
        elif not created:
            lists.add(FILTERED_LISTS)  # Where it was listed is not known: every filtered list.
        return [*lists, *([] if deleted else self.neighbours())]

    def list_tokens(self):
        """The page-cache tokens of the lists this post is on: every post's, and those
        filtered by its category and by its edition."""
        return [
            list_token(Post),
            filtered_list_token("category", self.category_id),
            filtered_list_token("edition", self.edition_id),
        ]

    def token(self):
        return object_token(Post, self.pk)

    def neighbours(self):
        """The tokens of the links to their neighbours of the posts before and after this
        one, if it is public."""
        if not self.is_public:
            return []
        public = Post.objects.published().values_list("pk", flat=True)
        pks = [public.before(self).first(), public.after(self).first()]
        return [Post.links_token(pk) for pk in pks if pk is not None]

    @staticmethod
    def links_token(pk):
        """What the article's previous and next links depend on, beyond the two posts
        they show: which posts they are."""
        return f"{object_token(Post, pk)}:links"

    @classmethod
    def body_columns(cls):
        return ["body", *(f"body_{code}" for code in language_codes()), *cls.search_columns()]

    @classmethod
    def search_columns(cls):
        return ["body_text", *(f"body_text_{code}" for code in language_codes())]

    @property
    def languages(self):
        return filled_languages(self, "title")

    def cover_crop(self, width, height):
        """sorl-thumbnail's `crop` option for a crop of the cover to the shape of
        `width`×`height` that keeps its focal point, as near the middle as the cover allows."""
        return focal_crop(
            (self.cover_width, self.cover_height), (width, height), (self.cover_focus_x, self.cover_focus_y)
        )

    def body_image_urls(self):
        """The addresses of the images of the body, in every language."""
        return {url for code in language_codes() for url in image_sources(getattr(self, f"body_{code}") or "")}

    def attach_uploaded_images(self, user):
        """Link to this post the body images that `user` uploaded for no post yet (from the
        body editor of a post not saved yet) and that its body shows. Returns how many."""
        if user is None or not user.pk:
            return 0
        images = PostImage.objects.at_urls(self.body_image_urls())
        return images.filter(post=None, uploaded_by=user).update(post=self)

    @classmethod
    def draft_columns(cls):
        """The columns draft changes hold: the texts of DRAFT_FIELDS in every language."""
        return [f"{name}_{code}" for name in DRAFT_FIELDS for code in language_codes()]

    @property
    def is_public(self):
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at <= now
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    @property
    def is_expired(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.unpublish_at is not None
            and self.unpublish_at <= timezone.now()
        )

    def with_draft(self):
        """This post with its draft changes in place of its live texts, in memory: how
        the preview and the change form show it. Returns the post."""
        for column in self.draft_columns():
            if column in (self.draft or {}):
                setattr(self, column, self.draft[column])
        return self

    def save_draft(self, texts, publish_at=None):
        """Keep `texts` (column: new value) as this post's draft changes, to go live at
        `publish_at` (None: when an editor publishes them); no texts, no draft. The live
        post, its history and its update time stay as they are; cached pages are made
        again, as they may now have to expire when the changes are due."""
        texts = {column: texts[column] for column in self.draft_columns() if column in texts} or None
        for code in language_codes():
            if texts and texts.get(f"body_{code}"):
                texts[f"body_{code}"] = clean_html(texts[f"body_{code}"])
        publish_at = publish_at if texts else None
        Post.objects.filter(pk=self.pk).update(draft=texts, draft_publish_at=publish_at)
        self.draft, self.draft_publish_at = texts, publish_at
        bump_content_version()
        if publish_at is not None:
            transaction.on_commit(lambda: expect_draft_changes(publish_at))

    def publish_draft(self):
        """Make the draft changes live: one save of the texts (a revision when called
        in a django-reversion block), the draft emptied. Returns the changed fields' names."""
        changed = [
            column
            for column in self.draft_columns()
            if column in (self.draft or {}) and self.draft[column] != getattr(self, column)
        ]
        self.with_draft()
        self.draft = self.draft_publish_at = None
        self.save(update_fields=[*self.draft_columns(), "draft", "draft_publish_at", "updated_at"])
        return changed

    def unique_slug(self):
        """From the English title; none ("") without one: the post is at its number alone,
        as a Korean title in an address would travel as %EC%9D%B8%EA%B6%8C… (README, "Addresses")."""
        base = slugify(self.title_en or "")[:100].strip("-")
        if not base:
            return ""
        slug, suffix = base, 2
        while Post.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug

    @transaction.atomic
    def duplicate(self, author):
        """A draft copy of this post in every language, with its links and attachments,
        under a new slug; its counts start at zero. Its body shows the same images."""
        copy = Post.objects.get(pk=self.pk)
        copy.pk = None
        copy.slug = ""
        copy.status = Post.Status.DRAFT
        copy.author = author
        copy.view_count = 0
        copy.draft = copy.draft_publish_at = None
        copy.legacy_board, copy.legacy_id, copy.legacy_twin_id = "", None, None
        copy.save()
        copy.sessions.set(self.sessions.all())
        copy.organizations.set(self.organizations.all())
        for attachment in self.attachments.all():
            attachment.pk = None
            attachment.post = copy
            attachment.download_count = 0
            attachment.save()
        return copy


# The fields a draft of a live post changes: its texts. Links, category, cover image and
# publishing fields are changed on the live post directly (news/admin.py says so).
DRAFT_FIELDS = ("title", "summary", "body", "cover_alt")


def next_scheduled_publication():
    """When public pages next change by themselves, or None (common/page_cache.py): a
    scheduled post comes out, a post's unpublish time comes, or scheduled draft changes go
    live. One query; the time of the draft changes is also kept for publish_due_draft_changes()."""
    now = timezone.now()
    due = (
        Post.objects.filter(status=Post.Status.PUBLISHED)
        .filter(Q(published_at__gt=now) | Q(unpublish_at__gt=now) | Q(draft_publish_at__isnull=False))
        .aggregate(
            post=Min("published_at", filter=Q(published_at__gt=now)),
            expiry=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
            changes=Min("draft_publish_at"),
        )
    )
    remember_draft_changes_due(due["changes"])
    return min(filter(None, due.values()), default=None)


# When the first scheduled draft changes are due, as a timestamp (0: none are): read from
# the cache by every rendering of a public page (PostQuerySet.published), so that checking
# costs no query. Kept by next_scheduled_publication(), which any page stored in the cache
# runs once per content version, and by Post.save_draft(); while it is missing (an emptied
# cache) the next page stored sets it, and the cache keeps that page one second if changes
# are overdue.
DRAFT_CHANGES_DUE_KEY = "news:draft-changes-due"


def remember_draft_changes_due(due_at):
    cache.set(DRAFT_CHANGES_DUE_KEY, due_at.timestamp() if due_at else 0, timeout=None)


def expect_draft_changes(due_at):
    known = cache.get(DRAFT_CHANGES_DUE_KEY)
    if not known or due_at.timestamp() < known:
        cache.set(DRAFT_CHANGES_DUE_KEY, due_at.timestamp(), timeout=None)


def publish_due_draft_changes():
    """Publish the draft changes whose time has come, each as a revision (without cron:
    the first page rendered after their time does it). Without any due, one cache read."""
    due = cache.get(DRAFT_CHANGES_DUE_KEY)
    if not due or due > time.time():
        return
    for post in Post.objects.filter(draft_publish_at__lte=timezone.now()):
        with transaction.atomic():
            # Of two processes at the same time, the one that takes the time publishes.
            taken = Post.objects.filter(pk=post.pk, draft_publish_at=post.draft_publish_at).update(
                draft_publish_at=None
            )
            if taken:
                with reversion.create_revision():
                    changed = post.publish_draft()
                    reversion.set_comment(scheduled_changes_comment(changed))
    remember_draft_changes_due(Post.objects.aggregate(due=Min("draft_publish_at"))["due"])


def scheduled_changes_comment(columns):
    """A revision's comment as the admin stores a change message: the changed fields'
    untranslated names, translated when the history is read."""
    names = dict.fromkeys(column.rpartition("_")[0] for column in columns)
    with override(None):
        labels = [str(Post._meta.get_field(name).verbose_name) for name in names]
    return json.dumps([{"changed": {"fields": labels}}])


class PostImageQuerySet(models.QuerySet):
    def at_urls(self, urls):
        """The images whose files are at these addresses (as a body's <img src> gives them)."""
        storage = PostImage._meta.get_field("image").storage
        prefix = storage.url("")
        names = {unquote(url.removeprefix(prefix)) for url in urls if url.startswith(prefix)}
        return self.filter(image__in=names) if names else self.none()


class PostImage(models.Model):
    """An image for post bodies: uploaded from the body editor's image button ("Browse…"),
    then placed in the text, where it is shown with responsive renditions."""

    image = UploadedImageField(
        _("image"),
        upload_to="news/images/%Y/",
        width_field="width",
        height_field="height",
        help_text=_("A JPEG, PNG, WebP or GIF image of at most 10 MB and 40 megapixels."),
    )
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    alt = models.CharField(
        _("alt text"), max_length=300, blank=True, help_text=_("What the image shows, for readers who cannot see it.")
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    post = models.ForeignKey(
        Post,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="images",
        verbose_name=_("uploaded for"),
        help_text=_("The post it was uploaded for; any post may show it."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = PostImageQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("body image")
        verbose_name_plural = _("body images")

    def __str__(self):
        return self.alt or self.image.name


class Attachment(models.Model):
    # Shown on its post's page: a change of an attachment is a change of the post.
    page_cache_part_of = ("post",)

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("post"))
    file = AttachmentFileField(
        _("file"),
        upload_to="attachments/%Y/%m/",
        help_text=_(
            "PDF, HWP, HWPX, Word, Excel, PowerPoint, OpenDocument, ZIP, text, CSV, JPEG or PNG; at most 30 MB."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["post", "order", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:attachment_download", kwargs={"post_pk": self.post_id, "pk": self.pk})

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""

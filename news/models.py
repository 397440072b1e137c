from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from editions.models import Edition, Organization, Session
from whrcf.languages import filled_languages, language_codes

from .sanitize import clean_html


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


class PostQuerySet(models.QuerySet):
    def published(self):
        """Published posts whose time has come: a future published_at is a scheduled post."""
        return self.filter(status=Post.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        """What lists and cards show: never the bodies, which are most of a post's bytes."""
        return self.select_related("category").defer(*Post.body_columns())

    def search(self, query):
        """Posts whose title, summary or body contains `query`, in either language."""
        columns = [f"{field}_{code}" for field in ("title", "summary", "body") for code in language_codes()]
        matches = Q()
        for column in columns:
            matches |= Q(**{f"{column}__icontains": query})
        return self.filter(matches)

    def before(self, post):
        """Posts published before `post`, newest first (ties broken by id)."""
        earlier = Q(published_at__lt=post.published_at) | Q(published_at=post.published_at, pk__lt=post.pk)
        return self.filter(earlier).order_by("-published_at", "-pk")

    def after(self, post):
        later = Q(published_at__gt=post.published_at) | Q(published_at=post.published_at, pk__gt=post.pk)
        return self.filter(later).order_by("published_at", "pk")


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        help_text=_("Latin letters, digits and hyphens; made from the English title when left empty."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    cover = models.ImageField(
        _("cover image"), upload_to="covers/%Y/", blank=True, width_field="cover_width", height_field="cover_height"
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_alt = models.CharField(_("cover alt text"), max_length=300, blank=True)
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
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
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
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="post_status_published_idx"),
            models.Index(fields=["edition", "status", "-published_at"], name="post_edition_published_idx"),
            models.Index(fields=["category", "status", "-published_at"], name="post_category_published_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        for code in language_codes():
            setattr(self, f"body_{code}", clean_html(getattr(self, f"body_{code}")))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:post_detail", kwargs={"pk": self.pk, "slug": self.slug})

    @classmethod
    def body_columns(cls):
        return ["body", *(f"body_{code}" for code in language_codes())]

    @property
    def languages(self):
        return filled_languages(self, "title")

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    def unique_slug(self):
        base = slugify(self.title_en or "")[:100].strip("-") or "post"
        slug, suffix = base, 2
        while Post.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug


class Attachment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("post"))
    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/")
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

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""

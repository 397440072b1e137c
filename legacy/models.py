"""The old site's addresses: where each leads now (LegacyURL, answered by
legacy/middleware.py), and those asked for that lead nowhere yet (MissingLegacyURL)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from news.models import Post

from .old_site import address_of_url, address_url, old_address


def validate_redirect_target(value):
    """A path of this site ("/en/forums/11/") or an http(s) address."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(
        schemes=["http", "https"],
        message=_("Enter a path starting with / or an address starting with http:// or https://."),
    )(value)


class OldSiteAddress(models.Model):
    """An address of the old site, stored as its key (legacy/old_site.py): the path and the
    significant part of the query."""

    old_path = models.CharField(
        _("old path"),
        max_length=500,
        help_text=_(
            "/bbs/board.php, /E_p2100.php, /PastForum/2018.php or /news/; a whole old link pasted here is "
            "split into path and query."
        ),
    )
    old_query = models.CharField(
        _("old query"),
        max_length=500,
        blank=True,
        help_text=_(
            "What names the page: bo_table=news_eng&wr_id=33 on a board, idx=12 on the site builder's "
            "/news/; nothing for the other pages. Other parameters are left out."
        ),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.old_url

    @property
    def old_url(self):
        return address_url(self.old_path, self.old_query)


class LegacyURL(OldSiteAddress):
    """An address of the old site and where it leads now (legacy/middleware.py answers it)."""

    class Status(models.IntegerChoices):
        MOVED = 301, _("Redirect (301)")
        GONE = 410, _("Gone (410)")

    language = models.CharField(
        _("language"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the old page: the post or edition opens in it."),
    )
    status = models.PositiveSmallIntegerField(
        _("status"),
        choices=Status.choices,
        default=Status.MOVED,
        help_text=_("Gone: the page was removed for good; readers are told so, and there is no target."),
    )
    post = models.ForeignKey(
        Post,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="legacy_urls",
        verbose_name=_("post"),
    )
    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="legacy_urls",
        verbose_name=_("edition"),
    )
    target_url = models.CharField(
        _("target address"),
        max_length=500,
        blank=True,
        validators=[validate_redirect_target],
        help_text=_("Instead of a post or an edition: a path of this site, such as /en/forums/, or a full address."),
    )
    hit_count = models.PositiveIntegerField(_("hits"), default=0, editable=False)
    last_hit_at = models.DateTimeField(_("last hit"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        # The table of the news app, where the model lived first.
        db_table = "news_legacyurl"
        ordering = ["old_path", "old_query"]
        verbose_name = _("legacy URL")
        verbose_name_plural = _("legacy URLs")
        constraints = [
            models.UniqueConstraint(
                fields=["old_path", "old_query"],
                name="legacyurl_old_address_unique",
                violation_error_message=_("This old address already leads somewhere."),
            ),
            # A redirect has exactly one target: a post, an edition or an address; a gone page none.
            models.CheckConstraint(
                condition=Q(status=301, post__isnull=False, edition__isnull=True, target_url="")
                | Q(status=301, post__isnull=True, edition__isnull=False, target_url="")
                | (Q(status=301, post__isnull=True, edition__isnull=True) & ~Q(target_url=""))
                | Q(status=410, post__isnull=True, edition__isnull=True, target_url=""),
                name="legacyurl_one_target_unless_gone",
            ),
        ]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Mapped now, the address is no longer missing.
        MissingLegacyURL.objects.filter(old_path=self.old_path, old_query=self.old_query).delete()

    def clean(self):
        errors = {}
        address = self.typed_old_address()
        if address is None:
            errors["old_path"] = _(
                "This site answers these old addresses only: /bbs/board.php?bo_table=…&wr_id=…, "
                "/bbs/download.php?bo_table=…&wr_id=…&no=…, /E_pNNNN.php, /E_pNNNN_YYYY.php, /PastForum/YYYY.php "
                "and /news/?bmode=view&idx=…."
            )
        else:
            self.old_path, self.old_query = address
        targets = [target for target in (self.post_id, self.edition_id, self.target_url) if target]
        if self.status == self.Status.GONE and targets:
            errors["status"] = _("A gone page has no target: clear the post, edition and target address.")
        elif self.status == self.Status.MOVED and len(targets) != 1:
            errors["post"] = _("Choose one target: a post, an edition or a target address.")
        elif address is not None and (loop := self.redirect_loop()):
            if len(loop) == 2:
                errors["target_url"] = _("This target is the old address itself: it would redirect to itself.")
            else:
                errors["target_url"] = _("This target leads back in a loop: %(addresses)s.") % {
                    "addresses": " → ".join(address_url(*step) for step in loop)
                }
        if errors:
            raise ValidationError(errors)

    @property
    def target(self):
        return self.post or self.edition or self.target_url or None

    def typed_old_address(self):
        """The key of the address as typed: a path and a query, or a whole old link as the path."""
        try:
            parts = urlsplit(self.old_path.strip())
        except ValueError:
            return None
        return old_address(parts.path, QueryDict(self.old_query.strip().removeprefix("?") or parts.query))

    def redirect_loop(self):
        """The old addresses through which the target address leads back to one passed
        before, following the table's redirects; None when it leads out of the table."""
        passed = [(self.old_path, self.old_query)]
        url = self.target_url
        while url and (address := address_of_url(url)) is not None:
            if address in passed:
                return [*passed, address]
            passed.append(address)
            next_hop = (
                LegacyURL.objects.exclude(pk=self.pk)
                .filter(old_path=address[0], old_query=address[1], status=self.Status.MOVED)
                .first()
            )
            url = next_hop.target_url if next_hop else ""
        return None

    def redirect_url(self):
        """Where the old address leads, in the active language; None while its post or
        edition is not public."""
        if self.target_url:
            return self.target_url
        if self.post is not None:
            return self.post.get_absolute_url() if self.post.is_public else None
        if self.edition is not None and self.edition.is_published:
            return self.edition.get_absolute_url()
        return None

    def count_hit(self):
        LegacyURL.objects.filter(pk=self.pk).update(hit_count=F("hit_count") + 1, last_hit_at=timezone.now())


class MissingLegacyURLQuerySet(models.QuerySet):
    def record(self, old_path, old_query):
        """Count a request for an old address that leads nowhere: one row per address, its
        count raised in the database, so that concurrent requests lose none. A new address
        makes room for itself when the report is full (`drop_beyond_the_cap`)."""
        now = timezone.now()
        address = self.filter(old_path=old_path, old_query=old_query)
        if address.update(hit_count=F("hit_count") + 1, last_seen_at=now):
            return
        try:
            with transaction.atomic():
                # bulk_create sends no post_save: a miss must not make every cached page stale.
                self.bulk_create(
                    [self.model(old_path=old_path, old_query=old_query, first_seen_at=now, last_seen_at=now)]
                )
        except IntegrityError:
            # Another request recorded the address between the update and the insert.
            address.update(hit_count=F("hit_count") + 1, last_seen_at=now)
        else:
            self.drop_beyond_the_cap()

    def drop_beyond_the_cap(self):
        """Keep the MISSING_LEGACY_URLS_MAX most requested addresses, the most recently
        requested first among equals: addresses made up by a crawler or an attacker are
        asked for once, and make room for each other, never for a real missing page."""
        beyond = self.order_by("-hit_count", "-last_seen_at", "-pk")[settings.MISSING_LEGACY_URLS_MAX :]
        self.filter(pk__in=list(beyond.values_list("pk", flat=True))).delete()


class MissingLegacyURL(OldSiteAddress):
    """An address of the old site that was asked for and leads nowhere yet: the admin's
    report of what to map next, most requested first."""

    hit_count = models.PositiveIntegerField(_("requests"), default=1)
    first_seen_at = models.DateTimeField(_("first requested"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last requested"), default=timezone.now)

    objects = MissingLegacyURLQuerySet.as_manager()

    class Meta:
        db_table = "news_missinglegacyurl"
        ordering = ["-hit_count", "-last_seen_at", "pk"]
        verbose_name = _("missing legacy URL")
        verbose_name_plural = _("missing legacy URLs")
        constraints = [
            models.UniqueConstraint(fields=["old_path", "old_query"], name="missinglegacyurl_old_address_unique"),
        ]

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, F, Max, OuterRef, Value
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Coalesce, Greatest, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.images import validate_image
from common.languages import empty, filled_languages, language_codes
from common.uploads import is_new_upload, validate_upload_size


class OrganizationQuerySet(models.QuerySet):
    def public(self):
        """Organizations a reader meets on the site: partners of a published edition and
        organizers of its sessions."""
        partners = EditionPartner.objects.filter(organization=OuterRef("pk"), edition__in=Edition.objects.published())
        organizers = Session.objects.published().filter(organizers=OuterRef("pk"))
        return self.filter(Exists(partners) | Exists(organizers))

    def by_name(self):
        """In the order of the names readers see: in the current language, else in another."""
        current = get_language()
        codes = [current, *(code for code in language_codes() if code != current)]
        return self.order_by(Coalesce(*(NullIf(f"name_{code}", Value("")) for code in codes)), "pk")


class Organization(models.Model):
    class Kind(models.TextChoices):
        UN_BODY = "un_body", _("UN body")
        CITY = "city", _("City")
        CITY_NETWORK = "city_network", _("City network")
        NGO = "ngo", _("NGO")
        ACADEMIC = "academic", _("Academic institution")
        GOVERNMENT = "government", _("Government body")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="organizations/", blank=True, validators=[validate_image])
    logo_alt = models.CharField(_("logo alt text"), max_length=200, blank=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("editions:organization_detail", kwargs={"slug": self.slug})

    @property
    def languages(self):
        return filled_languages(self, "name")


class EditionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def current(self, today=None):
        """The edition under way today, else the next one, else the most recent; or None."""
        today = today or timezone.localdate()
        editions = self.published()
        return (
            editions.filter(starts_on__lte=today, ends_on__gte=today).first()
            or editions.filter(starts_on__gt=today).order_by("starts_on").first()
            or editions.order_by("-starts_on").first()
        )

    def with_declaration(self):
        """Editions with `has_declaration`: whether their declaration is published."""
        return self.annotate(has_declaration=Exists(Declaration.objects.published().filter(edition=OuterRef("pk"))))


class Edition(models.Model):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    number = models.PositiveSmallIntegerField(_("number"), help_text=_("11 for the 11th forum."))
    year = models.PositiveSmallIntegerField(_("year"))
    theme = models.CharField(_("theme"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    poster = models.ImageField(_("poster"), upload_to="editions/", blank=True, validators=[validate_image])
    poster_alt = models.CharField(_("poster alt text"), max_length=200, blank=True)
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    cities = models.PositiveIntegerField(_("cities"), null=True, blank=True)
    countries = models.PositiveIntegerField(_("countries"), null=True, blank=True)
    program_count = models.PositiveIntegerField(_("programs"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    partners = models.ManyToManyField(
        Organization, through="EditionPartner", related_name="editions", verbose_name=_("partners")
    )

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.UniqueConstraint(
                fields=["number"],
                name="edition_number_unique",
                violation_error_message=_("An edition with this number already exists."),
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="edition_ends_after_start",
                violation_error_message=_("An edition cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("editions:edition_detail", kwargs={"number": self.number})

    @property
    def name(self):
        """ "11th World Human Rights Cities Forum" / "제11회 세계인권도시포럼"."""
        if self.number % 100 in (11, 12, 13) or self.number % 10 not in (1, 2, 3):
            name = _("%(number)sth World Human Rights Cities Forum")
        elif self.number % 10 == 1:
            name = _("%(number)sst World Human Rights Cities Forum")
        elif self.number % 10 == 2:
            name = _("%(number)snd World Human Rights Cities Forum")
        else:
            name = _("%(number)srd World Human Rights Cities Forum")
        return name % {"number": self.number}

    @property
    def languages(self):
        return filled_languages(self, "theme")


class EditionPartner(models.Model):
    # Shown on its edition's and its organization's pages (common/page_cache.py).
    page_cache_part_of = ("edition", "organization")

    class Role(models.TextChoices):
        HOST = "host", _("Host")
        CO_HOST = "co_host", _("Co-host")
        CO_ORGANIZER = "co_organizer", _("Co-organizer")
        PARTNER = "partner", _("Partner")
        SPONSOR = "sponsor", _("Sponsor")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="partnerships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="partnerships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "pk"]
        verbose_name = _("edition partner")
        verbose_name_plural = _("edition partners")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "organization", "role"],
                name="editionpartner_role_unique",
                violation_error_message=_("This organization already has this role in this edition."),
            ),
        ]

    def __str__(self):
        return f"{self.organization} · {self.get_role_display()} · {self.edition}"


class SessionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(edition__is_published=True)


class Session(models.Model):
    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening ceremony")
        PLENARY = "plenary", _("Plenary session")
        SPECIAL = "special", _("Special session")
        THEMATIC = "thematic", _("Thematic session")
        PRE_FORUM = "pre_forum", _("Pre-forum session")
        YOUTH = "youth", _("Youth program")
        SIDE_EVENT = "side_event", _("Side event")
        CLOSING = "closing", _("Closing ceremony")
        CULTURAL = "cultural", _("Cultural event")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("edition"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    field = models.CharField(_("field"), max_length=200, blank=True, help_text=_("The track or field of the program."))
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    room = models.CharField(_("room"), max_length=200, blank=True)
    organizers = models.ManyToManyField(
        Organization, related_name="organized_sessions", blank=True, verbose_name=_("organizers")
    )
    video_url = models.URLField(_("video link"), blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gte=models.F("starts_at")),
                name="session_ends_after_start",
                violation_error_message=_("A session cannot end before it starts."),
            ),
        ]
        indexes = [models.Index(fields=["edition", "starts_at"], name="session_edition_start_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("editions:session_detail", kwargs={"number": self.edition.number, "pk": self.pk})

    @property
    def languages(self):
        return filled_languages(self, "title")

    @property
    def location(self):
        """ "Room A, Kim Dae-jung Convention Center": the room and the forum's venue, as known."""
        return ", ".join(place for place in (self.room, self.edition.venue) if place)


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People a reader meets on the site: with a role in a session of a published edition."""
        return self.filter(
            Exists(Speaker.objects.filter(person=OuterRef("pk"), session__in=Session.objects.published()))
        )


class Person(models.Model):
    """Someone who speaks, moderates or debates at the forum: one row, however many sessions."""

    name = models.CharField(_("name"), max_length=200)
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True, validators=[validate_image])
    photo_alt = models.CharField(
        _("photo alt text"),
        max_length=200,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it; the name stands in when left empty."),
    )
    bio = models.TextField(_("biography"), blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        if self.slug:
            return reverse("editions:person_detail", kwargs={"pk": self.pk, "slug": self.slug})
        return reverse("editions:person_detail", kwargs={"pk": self.pk})

    @property
    def slug(self):
        """From the English name, as news addresses are, or none: someone with no English name
        is at their number alone. The address works with any slug."""
        return slugify(self.name_en or "")

    @property
    def languages(self):
        return filled_languages(self, "name")

    @transaction.atomic
    def merge(self, duplicate):
        """Take over the sessions of `duplicate`, another row for the same person, and delete
        it. Fields this person leaves empty are filled from the duplicate."""
        for field in self._meta.concrete_fields:
            if not field.primary_key and not getattr(self, field.attname) and getattr(duplicate, field.attname):
                setattr(self, field.attname, getattr(duplicate, field.attname))
        self.save()
        roles = duplicate.roles.all()
        # A role this person already has in a session is not taken twice.
        held = Speaker.objects.filter(person=self, session=OuterRef("session"), role=OuterRef("role"))
        roles.filter(Exists(held)).delete()
        roles.update(person=self)
        duplicate.delete()


class Speaker(models.Model):
    """A person's role in a session."""

    # Shown on its session's and its person's pages (common/page_cache.py).
    page_cache_part_of = ("session", "person")

    class Role(models.TextChoices):
        MODERATOR = "moderator", _("Moderator")
        SPEAKER = "speaker", _("Speaker")
        PANELIST = "panelist", _("Panelist")
        DISCUSSANT = "discussant", _("Discussant")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("session"))
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles", verbose_name=_("person"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPEAKER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["session", "order", "pk"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person", "role"],
                name="speaker_person_role_unique",
                violation_error_message=_("This person already has this role in this session."),
            ),
        ]

    def __str__(self):
        return f"{self.person} · {self.get_role_display()}"


def validate_pdf(file):
    """A PDF document, by its name and by its first bytes, within the attachment size limit."""
    if not is_new_upload(file):
        return
    if not file.name.lower().endswith(".pdf"):
        raise ValidationError(_("Upload a PDF file: its name must end in .pdf."), code="pdf_extension")
    validate_upload_size(
        file,
        settings.ATTACHMENT_UPLOAD_MAX_BYTES,
        _("This file is %(size)s; a PDF may be at most %(limit)s."),
        code="pdf_too_large",
    )
    file.seek(0)
    signature = file.read(5)
    file.seek(0)
    if signature != b"%PDF-":
        raise ValidationError(
            _("This file is not a PDF document, whatever its name says: it is damaged or of another kind."),
            code="not_pdf",
        )


class DeclarationPdfFile(FieldFile):
    @property
    def url(self):
        """The access-checked download (editions.views.declaration_pdf): a declaration
        not yet published keeps its PDF to staff."""
        self._require_file()
        return reverse("editions:declaration_pdf", kwargs={"number": self.instance.edition.number})


class DeclarationPdfField(models.FileField):
    attr_class = DeclarationPdfFile


class DeclarationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, edition__is_published=True)

    def written_in(self, language):
        """Declarations with a title of their own in `language` (no fallback)."""
        return self.exclude(empty(f"title_{language}"))


class Declaration(models.Model):
    """The declaration an edition adopts at its close."""

    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="declaration", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=300)
    adopted_on = models.DateField(_("adopted on"))
    pdf = DeclarationPdfField(
        _("PDF"),
        upload_to="declarations/",
        blank=True,
        validators=[validate_pdf],
        help_text=_("The declaration as a PDF file."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The highest paragraph number ever given out, deleted paragraphs included: a number,
    # and so a link to it (#p12), is never given to another paragraph.
    last_paragraph_number = models.PositiveIntegerField(_("last paragraph number"), default=0, editable=False)

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        ordering = ["-edition__number"]
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self._state.adding and kwargs.get("update_fields") is None:
            # Only DeclarationParagraph.save moves the counter, in SQL: a copy of this
            # declaration read before a paragraph was added must not write the old count back.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "last_paragraph_number"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("editions:declaration_detail", kwargs={"number": self.edition.number})

    @property
    def languages(self):
        return filled_languages(self, "title")


class DeclarationParagraph(models.Model):
    page_cache_part_of = ("declaration",)

    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="paragraphs", verbose_name=_("declaration")
    )
    # Links to a paragraph (#p12) must keep pointing at it: its number is given once, when
    # it is added, and never changes when other paragraphs are edited, moved or deleted.
    number = models.PositiveIntegerField(_("number"), editable=False)
    order = models.PositiveIntegerField(
        _("order"), blank=True, help_text=_("Paragraphs are shown in this order; left empty, a new one goes last.")
    )
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["declaration", "order", "number"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "number"],
                name="declarationparagraph_number_unique",
                violation_error_message=_("This declaration already has a paragraph with this number."),
            ),
        ]

    def __str__(self):
        return f"{self.declaration} ¶{self.number}"

    @transaction.atomic
    def save(self, *args, **kwargs):
        if self._state.adding:
            # Updating the declaration's counter locks its row until this transaction ends:
            # paragraphs added to one declaration at the same time take turns.
            declaration = Declaration.objects.filter(pk=self.declaration_id)
            if self.number is None:
                declaration.update(last_paragraph_number=F("last_paragraph_number") + 1)
                self.number = declaration.values_list("last_paragraph_number", flat=True).get()
            else:
                # A number given by hand (the demo data) is never given out again either.
                declaration.update(last_paragraph_number=Greatest("last_paragraph_number", Value(self.number)))
        if self.order is None:
            last_order = DeclarationParagraph.objects.filter(declaration=self.declaration_id).aggregate(Max("order"))
            self.order = (last_order["order__max"] or 0) + 1
        super().save(*args, **kwargs)

    @property
    def anchor(self):
        return f"p{self.number}"

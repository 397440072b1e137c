from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .permissions import TRANSLATORS


class TranslationSource(models.Model):
    """What one translation of one field of one object was made from: the other language's
    text at the time, and whether that text has changed since (common/freshness.py)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("content type"))
    object_id = models.PositiveBigIntegerField(_("object id"))
    field = models.CharField(_("field"), max_length=100)
    language = models.CharField(_("language of the translation"), max_length=10)
    source_hash = models.CharField(_("fingerprint of the source"), max_length=64)
    source_text = models.TextField(_("source text"))
    stale = models.BooleanField(_("out of date"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        # The table of the project package, where the model lived first.
        db_table = "whrcf_translationsource"
        ordering = ["content_type", "object_id", "field", "language"]
        verbose_name = _("translation source")
        verbose_name_plural = _("translation sources")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"], name="translation_source_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "language", "stale"], name="translation_source_stale_idx"),
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} {self.field}_{self.language}"


class TranslatorLanguage(models.Model):
    """A language a member of the Translators group translates into. They may write the
    columns of that language of every translated field; the others are shown to them,
    not editable (common.admin.TranslatedFieldsOnlyMixin). An editor sets them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="translator_languages",
        limit_choices_to={"groups__name": TRANSLATORS},
        verbose_name=_("translator"),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("The change form opens on the translator's first language.")
    )

    class Meta:
        ordering = ["user", "order", "pk"]
        verbose_name = _("translator's language")
        verbose_name_plural = _("translators' languages")
        constraints = [
            models.UniqueConstraint(fields=["user", "language"], name="translator_language_unique"),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_language_display()}"

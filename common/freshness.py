"""
Translations that know they are stale.

The site has two languages; either can be the source of the other (posts imported from the
old site's English board have English text that the Korean translates). For each
translated field F of an object and each language L, with O the other language, a
TranslationSource row keeps the sha256 fingerprint and the text of F_O as it was when F_L
last matched it. Both rows of a field are taken at the same moment, the field's last
point of agreement, so the row of one language also fingerprints the other: together
they tell which side changed since. On every save of a translated model of our apps
(post_save, connected by `track_translation_sources()` in each app's ready()):

1. F_L is empty: no row. The translation is missing, which is not stale.
2. F_O is empty: F_L is an original, not a translation: no row either.
3. Both have text and no row yet (a new object, text saved before this feature, or a
   language emptied and filled again): the rows are taken now, fresh.
4. Both changed since their rows were taken (both edited in one save, or the translator
   saved the stale translation): the rows are taken anew, fresh.
5. Otherwise F_L is stale exactly when F_O differs from the text its row keeps: changing
   the source back to what it was makes the translation fresh again.

A translator who reads the source's changes and finds the translation still right ticks
"Mark the English translation as up to date" under the field's notice in the change form
(TranslatedAdmin): on saving, its row takes the source as it is now.

Comparing with the rows rather than with the values before the save matters: when a
translator catches up with a changed source, the source must not then look stale against
the new translation. Fingerprints are of the stored value, so a markup-only change of a
rich-text body counts; the diff shown to translators compares the text readers read.
Bulk QuerySet.update()s send no signals, and in this code base they never change
translated text (publishing, unpublishing, counters); a later save catches up anyway.
"""

import difflib
import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from django_prose_editor.fields import ProseEditorField

from .languages import language_codes, translated_fields
from .models import TranslationSource
from .page_cache import bump_objects
from .text import html_to_text

# Unchanged words shown on each side of a change in a diff; longer stretches are cut.
DIFF_CONTEXT_WORDS = 8


def tracked_fields(model):
    """The translated fields people write (title, body), not derived ones (body_text)."""
    return [name for name in translated_fields(model) if model._meta.get_field(name).editable]


def source_language(code):
    """The language a translation into `code` is made from."""
    (other,) = (other for other in language_codes() if other != code)
    return other


def fingerprint(text):
    return hashlib.sha256(text.encode()).hexdigest()


def track_translation_sources(models):
    """Keep the TranslationSource rows of these models' objects as they are saved and deleted."""
    for model in models:
        if tracked_fields(model):
            label = model._meta.label
            post_save.connect(update_translation_sources, sender=model, dispatch_uid=f"sources-{label}-save")
            post_delete.connect(forget_translation_sources, sender=model, dispatch_uid=f"sources-{label}-del")


def update_translation_sources(sender, instance, created, raw, update_fields, **kwargs):
    """post_save: take, refresh or drop the TranslationSource rows of `instance`."""
    if raw:
        return
    fields = tracked_fields(sender)
    if update_fields is None:
        texts = {column: getattr(instance, column) for column in columns(fields)}
    else:
        # A save of some fields only (update_fields, or an object with deferred fields):
        # the others' columns in memory may not be what the database has.
        fields = [field for field in fields if field in update_fields or set(columns([field])) & update_fields]
        if not fields:
            return
        texts = sender._base_manager.filter(pk=instance.pk).values(*columns(fields)).get()
    content_type = ContentType.objects.get_for_model(sender)
    kept = {}
    if not created:
        existing = TranslationSource.objects.filter(content_type=content_type, object_id=instance.pk, field__in=fields)
        kept = {(row.field, row.language): row for row in existing}
    upserts, dropped = [], []
    for field in fields:
        rows = {code: kept.get((field, code)) for code in language_codes()}
        wanted = sources_of_field({code: texts[f"{field}_{code}"] or "" for code in language_codes()}, rows)
        for code, row in rows.items():
            if wanted[code] is None:
                if row is not None:
                    dropped.append(row.pk)
            elif row is None or wanted[code] != (row.source_hash, row.source_text, row.stale):
                upserts.append(source_row(content_type, instance.pk, field, code, *wanted[code]))
    save_rows(upserts)
    if dropped:
        TranslationSource.objects.filter(pk__in=dropped).delete()


def sources_of_field(texts, rows):
    """The rule of the module docstring for one field: from its text in each language and
    its rows so far, {language: (source_hash, source_text, stale), or None for no row}."""
    # A language changed since the rows were taken when it differs from what the other
    # language's row keeps as its source.
    changed = {
        code: rows[source_language(code)] is not None and fingerprint(text) != rows[source_language(code)].source_hash
        for code, text in texts.items()
    }
    wanted = {}
    for code, text in texts.items():
        source, row = texts[source_language(code)], rows[code]
        if not (text and source):
            wanted[code] = None
        elif row is None or all(changed.values()):
            wanted[code] = (fingerprint(source), source, False)
        else:
            wanted[code] = (row.source_hash, row.source_text, changed[source_language(code)])
    return wanted


def columns(fields):
    return [f"{field}_{code}" for field in fields for code in language_codes()]


def source_row(content_type, object_id, field, code, source_hash, source_text, stale=False):
    return TranslationSource(
        content_type=content_type,
        object_id=object_id,
        field=field,
        language=code,
        source_hash=source_hash,
        source_text=source_text,
        stale=stale,
    )


def save_rows(rows):
    if rows:
        TranslationSource.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["content_type", "object_id", "field", "language"],
            update_fields=["source_hash", "source_text", "stale", "updated_at"],
        )


def forget_translation_sources(sender, instance, **kwargs):
    """post_delete: the rows of a deleted object go with it."""
    content_type = ContentType.objects.get_for_model(sender)
    TranslationSource.objects.filter(content_type=content_type, object_id=instance.pk).delete()


def mark_up_to_date(obj, keys):
    """A translator checked these translations of `obj` ("title_en", …) against their
    source and found them right: each is fresh with the source as it is now. Returns how
    many were marked."""
    fields = tracked_fields(type(obj))
    content_type = ContentType.objects.get_for_model(obj)
    rows = []
    for key in set(keys):
        field, _separator, code = key.rpartition("_")
        if field not in fields or code not in language_codes():
            continue
        source = getattr(obj, f"{field}_{source_language(code)}") or ""
        if getattr(obj, key) and source:
            rows.append(source_row(content_type, obj.pk, field, code, fingerprint(source), source))
    save_rows(rows)
    if rows:
        # The public pages' notices change with no save of the object itself.
        bump_objects(obj)
    return len(rows)


def stale_translations(obj):
    """The stale translations of `obj`, in field order, each with the changes of its
    source since it was translated."""
    model = type(obj)
    fields = tracked_fields(model)
    names = dict(settings.LANGUAGES)
    rows = TranslationSource.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, stale=True, field__in=fields
    )
    stale = []
    for row in sorted(rows, key=lambda row: (fields.index(row.field), language_codes().index(row.language))):
        model_field = model._meta.get_field(row.field)
        source_code = source_language(row.language)
        current_source = getattr(obj, f"{row.field}_{source_code}") or ""
        if isinstance(model_field, ProseEditorField):
            before, after = html_to_text(row.source_text), html_to_text(current_source)
        else:
            before, after = row.source_text, current_source
        stale.append(
            {
                "key": f"{row.field}_{row.language}",
                "field": model_field.verbose_name,
                "language": names[row.language],
                "source_language": names[source_code],
                "changes": word_changes(before, after),
            }
        )
    return stale


def word_changes(before, after):
    """How `before` became `after`, word by word: [(kind, words), ...] where kind is "same",
    "deleted" or "inserted". Long unchanged stretches keep only the words next to a change;
    no change of the words at all (only of markup) gives []."""
    old, new = before.split(), after.split()
    changes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            changes.append(("same", shortened(old[i1:i2], at_start=i1 == 0, at_end=i2 == len(old))))
            continue
        if i1 < i2:
            changes.append(("deleted", " ".join(old[i1:i2])))
        if j1 < j2:
            changes.append(("inserted", " ".join(new[j1:j2])))
    return changes if any(kind != "same" for kind, _words in changes) else []


def shortened(words, at_start, at_end):
    context = DIFF_CONTEXT_WORDS
    if at_start and len(words) > context:
        words = ["…", *words[-context:]]
    elif at_end and len(words) > context:
        words = [*words[:context], "…"]
    elif len(words) > 2 * context:
        words = [*words[:context], "…", *words[-context:]]
    return " ".join(words)


def stale_object_ids(model, code, field=None):
    """The ids of `model`'s objects with a stale translation into `code` (of `field`, or of
    any field), as a subquery."""
    rows = TranslationSource.objects.filter(
        content_type=ContentType.objects.get_for_model(model), language=code, stale=True
    )
    if field is not None:
        rows = rows.filter(field=field)
    return rows.values("object_id")


def stale_counts(models):
    """{(model, field, code): how many translations into `code` of `field` are stale}, and
    under field None, how many objects have any stale translation into `code`."""
    content_types = ContentType.objects.get_for_models(*models)
    model_of = {content_type.pk: model for model, content_type in content_types.items()}
    rows = TranslationSource.objects.filter(stale=True, content_type__in=list(model_of))
    counts = {
        (model_of[content_type], field, code): count
        for content_type, field, code, count in rows.values_list("content_type", "field", "language").annotate(
            Count("pk")
        )
    }
    counts |= {
        (model_of[content_type], None, code): count
        for content_type, code, count in rows.values_list("content_type", "language").annotate(
            Count("object_id", distinct=True)
        )
    }
    return counts


def flag_stale_translations(queryset, *fields):
    """`queryset` with `translation_is_stale` on each object: whether its text in the active
    language of any of `fields` may be out of date. A subquery of the objects' own query:
    a page shows its notice without a query of its own."""
    stale = TranslationSource.objects.filter(
        # The id from ContentType's own cache: no join to compile and run on every page.
        content_type=ContentType.objects.get_for_model(queryset.model),
        object_id=OuterRef("pk"),
        field__in=fields,
        language=get_language(),
        stale=True,
    )
    return queryset.annotate(translation_is_stale=Exists(stale))

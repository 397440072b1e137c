"""The search index kept current: each searchable object as one SearchEntry of analysed
terms, written on every save and delete (and bulk change of posts), rebuilt in bulk by
`rebuild_search_index`, `load_demo` and `enlarge_demo`."""

import datetime
import itertools
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from common.analysis import bulk_index_terms
from common.languages import language_codes
from editions.models import (
    Declaration,
    DeclarationParagraph,
    Edition,
    EditionPartner,
    Organization,
    Person,
    Session,
    Speaker,
)
from news.models import Post, posts_changed_in_bulk

from .models import SearchEntry

BATCH = 500


@dataclass
class Document:
    """What one object says, per field group, in every language."""

    title: list = field(default_factory=list)
    lead: list = field(default_factory=list)
    body: list = field(default_factory=list)
    is_public: bool = False
    public_from: datetime.datetime | None = None
    public_until: datetime.datetime | None = None
    date: datetime.datetime | None = None


def translations(instance, name):
    return [getattr(instance, f"{name}_{code}") or "" for code in language_codes()]


def at_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def post_document(post):
    return Document(
        title=translations(post, "title"),
        lead=translations(post, "summary"),
        body=translations(post, "body_text"),
        is_public=post.status == Post.Status.PUBLISHED,
        public_from=post.published_at,
        public_until=post.unpublish_at,
        date=post.published_at,
    )


def session_document(session):
    speakers = [
        text
        for speaker in session.speakers.all()
        for name in ("name", "affiliation")
        for text in translations(speaker.person, name)
    ]
    return Document(
        title=translations(session, "title"),
        lead=translations(session, "summary"),
        body=[*translations(session, "field"), *speakers],
        is_public=session.edition.is_published,
        date=session.starts_at,
    )


def organization_document(organization):
    return Document(
        title=[*translations(organization, "name"), organization.acronym],
        is_public=Organization.objects.public().filter(pk=organization.pk).exists(),
    )


def declaration_document(declaration):
    return Document(
        title=translations(declaration, "title"),
        body=[text for paragraph in declaration.paragraphs.all() for text in translations(paragraph, "text")],
        is_public=declaration.is_published and declaration.edition.is_published,
        date=at_midnight(declaration.adopted_on),
    )


# Per kind: the model, how to read its objects in bulk, and their document.
KINDS = {
    SearchEntry.Kind.NEWS: (Post, lambda: Post.objects.all(), post_document),
    SearchEntry.Kind.SESSION: (
        Session,
        lambda: Session.objects.select_related("edition").prefetch_related("speakers__person"),
        session_document,
    ),
    SearchEntry.Kind.ORGANIZATION: (Organization, lambda: Organization.objects.all(), organization_document),
    SearchEntry.Kind.DECLARATION: (
        Declaration,
        lambda: Declaration.objects.select_related("edition").prefetch_related("paragraphs"),
        declaration_document,
    ),
}


def spaced(terms):
    return f" {' '.join(dict.fromkeys(terms))} " if terms else ""


def entries(kind, objects):
    """SearchEntry rows (not saved) for `objects` of `kind`, analysed together."""
    document_of = KINDS[kind][2]
    documents = [document_of(instance) for instance in objects]
    texts = [text for document in documents for text in (*document.title, *document.lead, *document.body)]
    analysed = iter(bulk_index_terms(texts))
    rows = []
    for instance, document in zip(objects, documents, strict=True):
        title, lead, body = (
            [term for _text in group for term in next(analysed)]
            for group in (document.title, document.lead, document.body)
        )
        text = " ".join(" ".join(part for part in (*document.title, *document.lead, *document.body) if part).split())
        rows.append(
            SearchEntry(
                kind=kind,
                object_id=instance.pk,
                title_terms=spaced(title),
                lead_terms=spaced(lead),
                terms=spaced([*title, *lead, *body]),
                text=text.casefold(),
                is_public=document.is_public,
                public_from=document.public_from,
                public_until=document.public_until,
                date=document.date,
            )
        )
    return rows


def index(kind, objects):
    """Write the entries of `objects` of `kind`, replacing those they had."""
    rows = entries(kind, list(objects))
    with transaction.atomic():
        SearchEntry.objects.filter(kind=kind, object_id__in=[row.object_id for row in rows]).delete()
        SearchEntry.objects.bulk_create(rows)


def index_pks(kind, pks):
    model, queryset, _document = KINDS[kind]
    found = queryset().filter(pk__in=pks)
    index(kind, found)
    SearchEntry.objects.filter(kind=kind, object_id__in=pks).exclude(object_id__in=[obj.pk for obj in found]).delete()


def rebuild(kinds=None):
    """Index every object of `kinds` (all by default) anew; returns how many per kind."""
    counts = {}
    for kind in kinds or KINDS:
        model, queryset, _document = KINDS[kind]
        SearchEntry.objects.filter(kind=kind).delete()
        objects = queryset().order_by("pk").iterator(chunk_size=BATCH)
        counts[kind] = 0
        while batch := list(itertools.islice(objects, BATCH)):
            SearchEntry.objects.bulk_create(entries(kind, batch))
            counts[kind] += len(batch)
    return counts


def reindex(kind, pks):
    """At once, in the transaction of the change: the index changes with the content."""
    index_pks(kind, list(pks))


def post_changed(sender, instance, **kwargs):
    reindex(SearchEntry.Kind.NEWS, [instance.pk])


def posts_changed(sender, pks, **kwargs):
    reindex(SearchEntry.Kind.NEWS, pks)


def session_changed(sender, instance, **kwargs):
    reindex(SearchEntry.Kind.SESSION, [instance.pk])
    organizations_changed(instance.organizers.values_list("pk", flat=True) if instance.pk else [])


def speaker_changed(sender, instance, **kwargs):
    reindex(SearchEntry.Kind.SESSION, [instance.session_id])


def person_changed(sender, instance, **kwargs):
    """A person's name or affiliation is searched in every session they took part in."""
    reindex(SearchEntry.Kind.SESSION, list(instance.roles.values_list("session_id", flat=True)) if instance.pk else [])


def organization_changed(sender, instance, **kwargs):
    reindex(SearchEntry.Kind.ORGANIZATION, [instance.pk])


def organizations_changed(pks):
    reindex(SearchEntry.Kind.ORGANIZATION, pks)


def organizers_changed(sender, instance, action, pk_set, **kwargs):
    if action.startswith("post_"):
        organizations_changed(pk_set or Organization.objects.values_list("pk", flat=True))


def partner_changed(sender, instance, **kwargs):
    organizations_changed([instance.organization_id])


def declaration_changed(sender, instance, **kwargs):
    reindex(SearchEntry.Kind.DECLARATION, [instance.pk])


def paragraph_changed(sender, instance, **kwargs):
    reindex(SearchEntry.Kind.DECLARATION, [instance.declaration_id])


def edition_changed(sender, instance, **kwargs):
    """Publishing or hiding a forum shows or hides its sessions, its declaration and the
    organizations that take part in it."""
    reindex(SearchEntry.Kind.SESSION, Session.objects.filter(edition=instance.pk).values_list("pk", flat=True))
    reindex(SearchEntry.Kind.DECLARATION, Declaration.objects.filter(edition=instance.pk).values_list("pk", flat=True))
    organizations_changed(Organization.objects.values_list("pk", flat=True))


def keep_index_current():
    """Connect every change of searchable content to the index."""
    receivers = [
        (Post, post_changed),
        (Session, session_changed),
        (Speaker, speaker_changed),
        (Person, person_changed),
        (Organization, organization_changed),
        (EditionPartner, partner_changed),
        (Declaration, declaration_changed),
        (DeclarationParagraph, paragraph_changed),
        (Edition, edition_changed),
    ]
    for model, receiver in receivers:
        post_save.connect(receiver, sender=model, dispatch_uid=f"search_{model.__name__}_save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"search_{model.__name__}_delete")
    m2m_changed.connect(organizers_changed, sender=Session.organizers.through, dispatch_uid="search_organizers")
    posts_changed_in_bulk.connect(posts_changed, sender=Post, dispatch_uid="search_posts_in_bulk")

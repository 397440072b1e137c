from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from common.downloads import send_file
from common.freshness import flag_stale_translations
from common.languages import language_codes

from . import calendar
from .models import Declaration, Edition, EditionPartner, Organization, Person, Session, Speaker
from .structured_data import event, organization_data, person_data, session_event

# News about an edition, a session or an organization is read through the posts' own
# relations (`edition.posts`): the news app sits above this one and is never imported.
EDITION_NEWS_COUNT = 6
ORGANIZATION_NEWS_COUNT = 10


class EditionListView(ListView):
    queryset = Edition.objects.published()
    context_object_name = "editions"


def edition_detail(request, number):
    edition = get_object_or_404(
        flag_stale_translations(Edition.objects.published().with_declaration(), "theme", "summary"), number=number
    )
    sessions = edition.sessions.prefetch_related("organizers")
    return render(
        request,
        "editions/edition_detail.html",
        {
            "edition": edition,
            "page_languages": edition.languages,
            "structured_data": event(request, edition),
            "program": program_by_day_and_field(sessions),
            "partners_by_role": partners_by_role(edition.partnerships.select_related("organization")),
            "posts": edition.posts.published().for_listing()[:EDITION_NEWS_COUNT],
        },
    )


def edition_calendar(request, number):
    """The edition's whole program as an iCalendar file."""
    edition = get_object_or_404(Edition.objects.published(), number=number)
    return calendar.program_file(request, edition, edition.sessions.select_related("edition"))


def session_detail(request, number, pk):
    sessions = flag_stale_translations(Session.objects.published().select_related("edition"), "title", "summary")
    session = get_object_or_404(sessions, edition__number=number, pk=pk)
    speakers = list(session.speakers.select_related("person"))
    performers = [person_data(request, speaker.person) for speaker in speakers]
    return render(
        request,
        "editions/session_detail.html",
        {
            "session": session,
            "edition": session.edition,
            "page_languages": session.languages,
            "structured_data": session_event(request, session, performers),
            "organizers": session.organizers.all(),
            "speakers": speakers,
            "posts": session.posts.published().for_listing(),
        },
    )


def session_calendar(request, number, pk):
    """The session as an iCalendar file."""
    session = get_object_or_404(Session.objects.published().select_related("edition"), edition__number=number, pk=pk)
    return calendar.session_file(request, session)


def person_detail(request, pk, slug=None):
    """A person's page: every session they took part in, across forums."""
    person = get_object_or_404(flag_stale_translations(Person.objects.public(), "name", "bio"), pk=pk)
    if (slug or "") != person.slug:
        return redirect(person, permanent=True)
    roles = (
        Speaker.objects.filter(person=person, session__in=Session.objects.published())
        .select_related("session__edition")
        .order_by("-session__edition__number", "session__starts_at", "session__pk", "order")
    )
    return render(
        request,
        "editions/person_detail.html",
        {
            "person": person,
            "page_languages": person.languages,
            "structured_data": {"@context": "https://schema.org", **person_data(request, person)},
            "roles_by_edition": [
                (edition, list(group)) for edition, group in groupby(roles, key=lambda role: role.session.edition)
            ],
        },
    )


class DeclarationListView(ListView):
    queryset = Declaration.objects.published().select_related("edition")
    context_object_name = "declarations"


def declaration_detail(request, number):
    declaration = get_published_declaration(number)
    context = declaration_context(declaration) | {"paragraphs": list(declaration.paragraphs.all())}
    return render(request, "editions/declaration_detail.html", context)


def declaration_bilingual(request, number):
    """The declaration in Korean and English side by side, paragraph by paragraph."""
    declaration = get_published_declaration(number)
    context = declaration_context(declaration) | {
        "languages": language_codes(),
        "rows": parallel_text(declaration.paragraphs.all()),
    }
    return render(request, "editions/declaration_bilingual.html", context)


@require_safe
@never_cache
def declaration_pdf(request, number):
    """The declaration's PDF, as a document the browser may show: to everyone once the
    declaration is published, before that to staff only (a 404 for everyone else)."""
    visible = Declaration.objects.all() if can_see_unpublished(request.user) else Declaration.objects.published()
    declaration = get_object_or_404(visible.select_related("edition"), edition__number=number)
    if not declaration.pdf:
        raise Http404
    return send_file(declaration.pdf, "application/pdf", as_attachment=False)


def can_see_unpublished(user):
    return user.is_active and user.is_staff and user.has_perm("editions.view_declaration")


def declaration_context(declaration):
    return {"declaration": declaration, "edition": declaration.edition, "page_languages": declaration.languages}


class OrganizationListView(ListView):
    context_object_name = "organizations"

    def get_queryset(self):
        return Organization.objects.public().by_name()


def organization_detail(request, slug):
    organization = get_object_or_404(Organization, slug=slug)
    partnerships = organization.partnerships.filter(edition__in=Edition.objects.published()).select_related("edition")
    sessions = Session.objects.published().filter(organizers=organization).select_related("edition")
    return render(
        request,
        "editions/organization_detail.html",
        {
            "organization": organization,
            "page_languages": organization.languages,
            "structured_data": organization_data(request, organization),
            "roles_by_edition": roles_by_edition(partnerships),
            "sessions_by_edition": sessions_by_edition(sessions),
            "posts": organization.posts.published().for_listing()[:ORGANIZATION_NEWS_COUNT],
        },
    )


def get_published_declaration(number):
    return get_object_or_404(Declaration.objects.published().select_related("edition"), edition__number=number)


def program_by_day_and_field(sessions):
    """[(day, [(field, [session, ...]), ...]), ...]: days in time order, in the forum's time
    zone; fields in the order of their first session that day."""
    program = []
    for day, day_sessions in groupby(sessions, key=lambda session: timezone.localdate(session.starts_at)):
        fields = {}
        for session in day_sessions:
            fields.setdefault(session.field, []).append(session)
        program.append((day, list(fields.items())))
    return program


def partners_by_role(partnerships):
    """[(role label, [organization, ...]), ...] in the order of EditionPartner.Role."""
    partnerships = list(partnerships)
    return [
        (label, [p.organization for p in partnerships if p.role == role])
        for role, label in EditionPartner.Role.choices
        if any(p.role == role for p in partnerships)
    ]


def parallel_text(paragraphs):
    """[(paragraph, [(language, text), ...]), ...]: each paragraph's own text in every
    language, without fallback: a missing translation is an empty text, not the other
    language's."""
    return [
        (paragraph, [(code, getattr(paragraph, f"text_{code}") or "") for code in language_codes()])
        for paragraph in paragraphs
    ]


def roles_by_edition(partnerships):
    """[(edition, [role label, ...]), ...]: newest edition first, roles in the order of
    EditionPartner.Role."""
    roles = {}
    for partnership in partnerships.order_by("-edition__number"):
        roles.setdefault(partnership.edition, set()).add(partnership.role)
    return [
        (edition, [label for role, label in EditionPartner.Role.choices if role in edition_roles])
        for edition, edition_roles in roles.items()
    ]


def sessions_by_edition(sessions):
    """[(edition, [session, ...]), ...]: newest edition first, its sessions in time order."""
    ordered = sessions.order_by("-edition__number", "starts_at", "pk")
    return [(edition, list(group)) for edition, group in groupby(ordered, key=lambda session: session.edition)]

from itertools import groupby

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import ListView

from news.models import Post
from whrcf.page_cache import cache_public_page

from .models import Edition, EditionPartner, Session

EDITION_NEWS_COUNT = 6


class EditionListView(ListView):
    queryset = Edition.objects.published()
    context_object_name = "editions"


@cache_public_page
def edition_detail(request, number):
    edition = get_object_or_404(Edition.objects.published(), number=number)
    sessions = edition.sessions.prefetch_related("organizers")
    return render(
        request,
        "editions/edition_detail.html",
        {
            "edition": edition,
            "page_languages": edition.languages,
            "program": program_by_day_and_field(sessions),
            "partners_by_role": partners_by_role(edition.partnerships.select_related("organization")),
            "posts": Post.objects.published().for_listing().filter(edition=edition)[:EDITION_NEWS_COUNT],
        },
    )


@cache_public_page
def session_detail(request, number, pk):
    session = get_object_or_404(Session.objects.published().select_related("edition"), edition__number=number, pk=pk)
    return render(
        request,
        "editions/session_detail.html",
        {
            "session": session,
            "edition": session.edition,
            "page_languages": session.languages,
            "organizers": session.organizers.all(),
            "speakers": session.speakers.all(),
            "posts": Post.objects.published().for_listing().filter(sessions=session),
        },
    )


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

"""The program to take away: iCalendar (.ics) files of a session and of an edition's
program, for readers' calendar apps.

Times are written in the forum's time zone (Asia/Seoul) with its VTIMEZONE, so a calendar
shows them in the reader's own zone. UIDs are stable (`session-<pk>@<host>`): importing
the file again, or subscribing to it, updates the events rather than duplicating them.
Titles and descriptions are in the language of the page the link was on, with the same
fallback as the pages.
"""

from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import timezone
from icalendar import Calendar, Event

PRODUCT_ID = "-//WHRCF News//Forum program//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def session_file(request, session):
    return calendar_response(request, session.title, [session])


def program_file(request, edition, sessions):
    return calendar_response(request, edition.name, sessions)


def calendar_response(request, name, sessions):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().replace(microsecond=0)
    for session in sessions:
        calendar.add_component(session_event(request, session, stamp))
    calendar.add_missing_timezones()
    return HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)


def session_event(request, session, stamp):
    event = Event()
    event.add("uid", f"session-{session.pk}@{site_domain(request)}")
    event.add("dtstamp", stamp)
    event.add("dtstart", timezone.localtime(session.starts_at))
    if session.ends_at:
        event.add("dtend", timezone.localtime(session.ends_at))
    event.add("summary", session.title)
    if session.summary:
        event.add("description", session.summary)
    if session.location:
        event.add("location", session.location)
    event.add("url", request.build_absolute_uri(session.get_absolute_url()))
    return event


def site_domain(request):
    return split_domain_port(request.get_host())[0]

"""schema.org data of the forum pages, for search engines (the page's JSON-LD): an
edition and its sessions as Events, organizations as Organizations."""

from django.utils import timezone
from django.utils.translation import gettext as _

from common.structured_data import absolute, publisher

ATTENDANCE_MODES = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def event(request, edition):
    return {"@context": "https://schema.org", **edition_event(request, edition)}


def edition_event(request, edition):
    data = {
        "@type": "Event",
        "name": f"{edition.name}: {edition.theme}",
        "description": edition.summary or edition.theme,
        "startDate": edition.starts_on.isoformat(),
        "endDate": edition.ends_on.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES[edition.format],
        "location": location(request, edition, edition.venue, edition.get_absolute_url()),
        "organizer": publisher(request),
        "url": absolute(request, edition.get_absolute_url()),
    }
    if edition.poster:
        data["image"] = [absolute(request, edition.poster.url)]
    return data


def session_event(request, session, performers):
    """A session as an Event of its edition; `performers` are its people, as Person data."""
    edition = session.edition
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": session.title,
        "description": session.summary or session.title,
        "startDate": timezone.localtime(session.starts_at).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES[edition.format],
        "location": location(request, edition, session.location, session.get_absolute_url()),
        "organizer": publisher(request),
        "superEvent": edition_event(request, edition),
        "url": absolute(request, session.get_absolute_url()),
    }
    if session.ends_at:
        data["endDate"] = timezone.localtime(session.ends_at).isoformat()
    if performers:
        data["performer"] = performers
    return data


def location(request, edition, place_name, url):
    """Where the event takes place, by the edition's format: a Place in Gwangju, a
    VirtualLocation (the page), or both."""
    place = {"@type": "Place", "name": place_name, "address": _("Gwangju, Republic of Korea")}
    online = {"@type": "VirtualLocation", "url": absolute(request, url)}
    return {"in_person": place, "online": online, "hybrid": [place, online]}[edition.format]


def organization_data(request, organization):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organization.name,
        "url": absolute(request, organization.get_absolute_url()),
    }
    if organization.acronym:
        data["alternateName"] = organization.acronym
    if organization.website:
        data["sameAs"] = [organization.website]
    if organization.logo:
        data["logo"] = absolute(request, organization.logo.url)
    return data


def person_data(request, person):
    data = {"@type": "Person", "name": person.name, "url": absolute(request, person.get_absolute_url())}
    if person.affiliation:
        data["affiliation"] = {"@type": "Organization", "name": person.affiliation}
    if person.photo:
        data["image"] = absolute(request, person.photo.url)
    return data

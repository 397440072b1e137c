"""An edition's schema.org Event, for search engines (the page's JSON-LD)."""

from django.utils.translation import gettext as _

from common.structured_data import absolute, publisher


def event(request, edition):
    attendance = {
        "in_person": "https://schema.org/OfflineEventAttendanceMode",
        "online": "https://schema.org/OnlineEventAttendanceMode",
        "hybrid": "https://schema.org/MixedEventAttendanceMode",
    }[edition.format]
    place = {"@type": "Place", "name": edition.venue, "address": _("Gwangju, Republic of Korea")}
    online = {"@type": "VirtualLocation", "url": absolute(request, edition.get_absolute_url())}
    location = {"in_person": place, "online": online, "hybrid": [place, online]}[edition.format]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": f"{edition.name}: {edition.theme}",
        "description": edition.summary or edition.theme,
        "startDate": edition.starts_on.isoformat(),
        "endDate": edition.ends_on.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": attendance,
        "location": location,
        "organizer": publisher(),
        "url": absolute(request, edition.get_absolute_url()),
    }
    if edition.poster:
        data["image"] = [absolute(request, edition.poster.url)]
    return data

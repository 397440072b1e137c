"""schema.org data for search engines: NewsArticle for posts, Event for forum editions."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def publisher():
    return {"@type": "Organization", "name": _("World Human Rights Cities Forum"), "url": "https://www.whrcf.org/"}


def news_article(request, post):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title[:110],
        "description": post.summary,
        "datePublished": post.published_at.isoformat(),
        "dateModified": post.updated_at.isoformat(),
        "inLanguage": get_language() if get_language() in post.languages else post.languages[0],
        "mainEntityOfPage": absolute(request, post.get_absolute_url()),
        "articleSection": post.category.name,
        "author": publisher(),
        "publisher": publisher(),
    }
    if post.cover:
        data["image"] = [absolute(request, post.cover.url)]
    return data


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

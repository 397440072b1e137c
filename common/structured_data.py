"""schema.org data for search engines: what the apps' own builders (news/structured_data.py,
editions/structured_data.py) share. A view passes the data as `structured_data`, and the
page writes it with `{% json_ld structured_data %}` (common/templatetags/site.py)."""

from django.templatetags.static import static
from django.utils.translation import gettext as _

SITE_URL = "https://www.whrcf.org/"
# The forum's logo, vendored in static/: a square PNG, as search engines want a publisher's logo.
LOGO = "img/logo.png"
LOGO_SIZE = 512


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def publisher(request):
    """The forum as an Organization: publisher of the news, organizer of the editions."""
    return {
        "@type": "Organization",
        "name": _("World Human Rights Cities Forum"),
        "url": SITE_URL,
        "logo": {
            "@type": "ImageObject",
            "url": absolute(request, static(LOGO)),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
    }


def site_organization(request):
    """The home page's data: the forum behind the site."""
    return {"@context": "https://schema.org", **publisher(request)}

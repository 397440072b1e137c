"""schema.org data for search engines: what the apps' own builders (news/structured_data.py,
editions/structured_data.py) share. A view passes the data as `structured_data`, and the
page writes it with `{% json_ld structured_data %}` (common/templatetags/site.py)."""

from django.utils.translation import gettext as _


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def publisher():
    return {"@type": "Organization", "name": _("World Human Rights Cities Forum"), "url": "https://www.whrcf.org/"}

"""schema.org data for search engines, written into pages as JSON-LD. Each app builds the
data of its own objects (news/templatetags/news_json_ld.py, editions/templatetags/editions_json_ld.py)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def publisher():
    return {"@type": "Organization", "name": _("World Human Rights Cities Forum"), "url": "https://www.whrcf.org/"}


def json_ld_script(data):
    """<script type="application/ld+json"> with `data`, escaped so that it cannot close the
    script element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))

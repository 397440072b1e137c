"""Sending a stored file after a view has decided who may have it.

Files of content that may not be public yet (settings.PROTECTED_MEDIA_PREFIXES) are never
served at their media address, only by a view that checks access first. Behind nginx the
view answers with X-Accel-Redirect and nginx sends the file from an `internal` location
(deploy/nginx.conf), as fast as public media; without nginx the app streams it."""

import posixpath
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header


def is_protected(name):
    """Whether the stored file `name` (a path under MEDIA_ROOT) is only for access-checked views."""
    return posixpath.normpath(name).lstrip("/").startswith(tuple(settings.PROTECTED_MEDIA_PREFIXES))


def send_file(field_file, content_type, *, as_attachment=True):
    """The file as a response under its own name (the name it was uploaded with)."""
    filename = posixpath.basename(field_file.name)
    if settings.MEDIA_ACCEL_REDIRECT_URL and isinstance(field_file.storage, FileSystemStorage):
        response = accel_redirect(field_file, content_type)
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    else:
        try:
            file = field_file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(file, as_attachment=as_attachment, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def accel_redirect(field_file, content_type):
    """An empty answer telling nginx which file to send (nginx keeps this content type)."""
    if not field_file.storage.exists(field_file.name):
        raise Http404
    response = HttpResponse(content_type=content_type)
    response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT_URL + quote(field_file.name)
    return response

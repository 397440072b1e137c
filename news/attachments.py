"""Files attached to posts: which kinds are accepted, how large, and how readers get them.

Readers download an attachment only through its counting URL (`Attachment.get_absolute_url`),
which serves it as a download with a content type chosen here from its extension: an
uploaded file is never served as HTML."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

from common.uploads import is_new_upload, validate_upload_size

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "hwp": "application/x-hwp",
    "hwpx": "application/hwp+zip",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "zip": "application/zip",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
}
# Files that came another way (the old board's import) are served as opaque bytes.
UNKNOWN_CONTENT_TYPE = "application/octet-stream"


def content_type(name):
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return CONTENT_TYPES.get(extension, UNKNOWN_CONTENT_TYPE)


def validate_attachment_size(file):
    if is_new_upload(file):
        validate_upload_size(
            file,
            settings.ATTACHMENT_UPLOAD_MAX_BYTES,
            _("This file is %(size)s; an attachment may be at most %(limit)s."),
            code="attachment_too_large",
        )


class AttachmentFieldFile(FieldFile):
    @property
    def url(self):
        """The counting download URL: every link to an attachment, on the site, in feeds
        or in the admin, goes through it, so no download is missed."""
        self._require_file()
        return self.instance.get_absolute_url()


class AttachmentFileField(models.FileField):
    attr_class = AttachmentFieldFile
    default_validators = [FileExtensionValidator(list(CONTENT_TYPES)), validate_attachment_size]

"""What every upload field checks first: that a new file is within its size limit."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat


def is_new_upload(file):
    """Stored files were checked when they were uploaded: only new ones are checked."""
    return not getattr(file, "_committed", False)


def validate_upload_size(file, limit, message, code):
    """Refuse `file` if it is larger than `limit` bytes; `message` may name the file's
    %(size)s and the %(limit)s."""
    if file.size > limit:
        raise ValidationError(
            message, code=code, params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
        )

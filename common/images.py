"""
Uploaded images: checked with Pillow, re-saved upright and without GPS data under a
generated name, and shown through responsive WebP renditions.

`validate_image` is the validator for every image field (also editions' posters and
organizations' logos); `UploadedImageField` is an ImageField that runs it and re-saves
each new upload.
"""

import contextlib
import functools
import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageOps
from sorl.thumbnail import get_thumbnail
from sorl.thumbnail.helpers import ThumbnailError

from .uploads import is_new_upload, validate_upload_size

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
RENDITION_WIDTHS = (480, 960, 1440)
# Crops are for cards, at most 22rem wide (double that on a dense screen).
CROP_WIDTHS = (480, 960)

INVALID_IMAGE = _("This file is not a complete JPEG, PNG, WebP or GIF image: it is damaged or not an image at all.")


def max_pixels():
    """The configured limit, lowered to Pillow's own decompression-bomb limit if that is lower."""
    limits = [settings.IMAGE_UPLOAD_MAX_PIXELS, Image.MAX_IMAGE_PIXELS]
    return min(limit for limit in limits if limit)


def validate_image(file):
    """A real JPEG, PNG, WebP or GIF image, within the size and pixel limits."""
    if not is_new_upload(file):
        return
    validate_upload_size(
        file,
        settings.IMAGE_UPLOAD_MAX_BYTES,
        _("This image is %(size)s; an image may be at most %(limit)s."),
        code="image_too_large",
    )
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice its limit: a bomb all the same.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                check_image(image)
                image.load()  # Decoding the pixels is what finds a truncated file.
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise too_many_pixels() from None
    except ValidationError:
        raise
    except Exception:
        # Pillow reports broken files with many exception types (OSError, SyntaxError,
        # ValueError, struct.error…); any of them means the same thing here.
        raise ValidationError(INVALID_IMAGE, code="damaged_image") from None
    finally:
        file.seek(0)


def check_image(image):
    if image.format not in EXTENSIONS:
        raise ValidationError(
            _("Upload a JPEG, PNG, WebP or GIF image; this file is %(format)s."),
            code="image_format",
            params={"format": image.format},
        )
    if image.width * image.height * getattr(image, "n_frames", 1) > max_pixels():
        raise too_many_pixels()


def too_many_pixels():
    return ValidationError(
        _("This image has too many pixels; an image may have at most %(limit)s megapixels."),
        code="image_too_many_pixels",
        params={"limit": f"{max_pixels() / 1_000_000:g}"},
    )


def normalized_image(file):
    """The image re-saved: turned upright as its EXIF orientation says, without GPS tags.

    Returns the new content and the file extension of its format. GIFs carry no EXIF and
    are kept as they are; animations keep every frame but lose their metadata."""
    file.seek(0)
    with Image.open(file) as image:
        image_format = image.format
        if image_format == "GIF":
            file.seek(0)
            return ContentFile(file.read()), EXTENSIONS[image_format]
        options = {"icc_profile": image.info.get("icc_profile")}
        if image_format in {"JPEG", "WEBP"}:
            options["quality"] = 90
        output = io.BytesIO()
        if getattr(image, "is_animated", False):
            image.save(output, image_format, save_all=True, **options)
        else:
            upright = ImageOps.exif_transpose(image)
            exif = upright.getexif()
            exif.pop(ExifTags.IFD.GPSInfo, None)
            upright.save(output, image_format, exif=exif, **options)
    return ContentFile(output.getvalue()), EXTENSIONS[image_format]


class UploadedImageField(models.ImageField):
    """An ImageField whose uploads are validated, re-saved upright without GPS tags, and
    stored under a generated name (a UUID) in the folder of `upload_to`."""

    default_validators = [validate_image]

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            content, extension = normalized_image(file)
            file.save(f"{uuid.uuid4().hex}.{extension}", content, save=False)
            # Measured on the stored file: the content given to save() is spent by now.
            self.update_dimension_fields(model_instance, force=True)
        elif file and self.width_field and getattr(model_instance, self.width_field) is None:
            # Saved straight to storage (`post.cover.save(name, content)`): measured now, so
            # that loading the object never has to open the file.
            self.update_dimension_fields(model_instance, force=True)
        return super().pre_save(model_instance, add)

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        """A stored image that went missing leaves its dimensions empty rather than turn
        every page that loads its object into an error."""
        with contextlib.suppress(FileNotFoundError):
            super().update_dimension_fields(instance, force, *args, **kwargs)


def renditions(image_file, width):
    """WebP renditions of a stored image for a `srcset`: the standard widths below the
    image's own `width`, and the image's width itself (up to the largest standard one)."""
    widths = sorted({size for size in RENDITION_WIDTHS if size < width} | {min(width, RENDITION_WIDTHS[-1])})
    return [(get_thumbnail(image_file, str(size), format="WEBP", quality=80, upscale=False), size) for size in widths]


def srcset(image_file, width):
    """The srcset of an uploaded image, or "" (the image alone) when a rendition cannot be
    made or read back this time (as `crop_renditions`)."""
    try:
        return stored_srcset(image_file.name, width)
    except (OSError, ThumbnailError):
        return ""


@functools.lru_cache(maxsize=4096)
def stored_srcset(name, width):
    """The srcset of the stored image `name`. A stored name is never reused (uploads get a
    UUID), so neither are its renditions' addresses: each process remembers them rather
    than ask sorl-thumbnail's key-value store (the cache, a round trip) for every
    rendition of every image of every page it renders. (gunicorn replaces each worker
    after 50,000 requests, so renditions deleted by hand are made again in time.)"""
    return ", ".join(f"{rendition.url} {size}w" for rendition, size in renditions(name, width))


def fitted(name, box):
    """The stored image `name` scaled down into `box` ("240x120") with its aspect kept, as
    WebP for screens of normal and of double density: (url, url at 2x or None, width,
    height). Logos and posters of any shape fit the place a page has for them, sharp on a
    phone's screen. An image that cannot be read, or whose renditions sorl-thumbnail could
    not record this time (its key-value store raced another process's), is shown as it is
    stored, unsized, and tried again on the next page."""
    try:
        return fitted_renditions(name, box)
    except (OSError, ThumbnailError):
        return default_storage.url(name), None, None, None


@functools.lru_cache(maxsize=1024)
def fitted_renditions(name, box):
    box_width, box_height = (int(side) for side in box.split("x"))
    single = get_thumbnail(name, box, format="WEBP", quality=90, upscale=False)
    # sorl-thumbnail logs an image it cannot read (missing, damaged) and returns a
    # rendition never made, which has no size.
    if not single.exists():
        raise FileNotFoundError(name)
    double = get_thumbnail(name, f"{2 * box_width}x{2 * box_height}", format="WEBP", quality=90, upscale=False)
    return single.url, double.url if double.width > single.width else None, single.width, single.height


def focal_crop(size, shape, focus):
    """sorl-thumbnail's `crop` option ("30% 70%") that crops an image of `size` (width,
    height; None when not known) to the shape of `shape` (width, height) around `focus`
    (percentages across and down from the top left corner): the focal point is in the
    middle of the crop, or as near as the image's edges allow.

    sorl-thumbnail scales the image to cover the shape, then places the crop window at the
    given percentages of the room left over on each side; the room and the window scale
    alike, so the percentages hold for crops of any size. Of an image whose size is not
    known the crop is aligned on the focal point instead (as CSS's `object-position`), which
    keeps it in the crop all the same."""
    width, height = size
    if not (width and height):
        return "{}% {}%".format(*focus)
    scale = max(shape[0] / width, shape[1] / height)
    window = (shape[0] / scale, shape[1] / scale)
    offsets = (crop_offset(length, seen, percent) for length, seen, percent in zip(size, window, focus, strict=True))
    return "{}% {}%".format(*offsets)


def crop_offset(length, window, focus):
    """Where a `window` of a side of `length` starts so that the point at `focus` percent
    is in its middle, in percent of the room the window has to move."""
    room = length - window
    if room < 1:
        return 50  # Nothing is cut on this side.
    start = min(max(length * focus / 100 - window / 2, 0), room)
    return round(100 * start / room)


def crop_renditions(name, width, shape, crop):
    """WebP crops of the stored image `name` (`width` pixels wide, None if not known) to
    the shape `shape` (16, 9) with sorl-thumbnail's `crop` option, for a `srcset`:
    [(url, width, height)] at the standard crop widths below the image's width and at its
    width (up to the largest); never enlarged. [] when the image cannot be read, or a
    rendition could not be read back this time (another process was still writing the
    same rendition: PIL's UnidentifiedImageError, an OSError) or recorded (its key-value
    store raced another process's); they are tried again on the next render."""
    try:
        return list(stored_crop_renditions(name, width, shape, crop))
    except (OSError, ThumbnailError):
        return []


@functools.lru_cache(maxsize=4096)
def stored_crop_renditions(name, width, shape, crop):
    """Remembered by each process, as `stored_srcset`: a crop has its own address."""
    largest = CROP_WIDTHS[-1]
    widths = sorted({size for size in CROP_WIDTHS if size < (width or largest)} | {min(width or largest, largest)})
    crops = []
    for crop_width in widths:
        crop_height = round(crop_width * shape[1] / shape[0])
        box = f"{crop_width}x{crop_height}"
        rendition = get_thumbnail(name, box, crop=crop, format="WEBP", quality=80, upscale=False)
        crops.append((rendition.url, crop_width, crop_height))
    return tuple(crops)


def cropped(name, box, crop):
    """One JPEG crop of the stored image `name` to `box` ("1200x630") with sorl-thumbnail's
    `crop` option, never enlarged: (url, width, height), or None if the image is missing
    or cannot be read."""
    try:
        return stored_crop(name, box, crop)
    except (OSError, ThumbnailError):
        return None


@functools.lru_cache(maxsize=1024)
def stored_crop(name, box, crop):
    rendition = get_thumbnail(name, box, crop=crop, format="JPEG", quality=85, upscale=False)
    if not rendition.exists():  # As in fitted_renditions.
        raise FileNotFoundError(name)
    return rendition.url, rendition.width, rendition.height


@receiver(setting_changed)
def forget_srcsets(*, setting, **kwargs):
    """Another storage (as each test has): its names are not the same files."""
    if setting in ("MEDIA_ROOT", "MEDIA_URL", "STORAGES"):
        stored_srcset.cache_clear()
        fitted_renditions.cache_clear()
        stored_crop_renditions.cache_clear()
        stored_crop.cache_clear()

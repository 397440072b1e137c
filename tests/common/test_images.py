"""Uploaded images (common/images.py): checked with Pillow, re-saved upright without GPS, and
the srcsets each process remembers."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import ExifTags, Image
from pytest_django.asserts import assertContains

from common.images import stored_srcset
from news.models import Post
from tests.factories import TEXT_AS_JPEG, image_bytes, make_category, make_png, make_post, post_admin_form_data, upload
from tests.pages import BROWSER, srcset_of

pytestmark = pytest.mark.django_db


# Accepting and rejecting images


def post_form_data(category, **overrides):
    return post_admin_form_data(
        category, **({"cover_alt_ko": "폐막식 무대", "cover_alt_en": "The closing stage"} | overrides)
    )


def stored_image(field_file):
    with default_storage.open(field_file.name) as stored:
        image = Image.open(stored)
        image.load()
        return image


@pytest.mark.parametrize(
    ("image_format", "name", "extension"),
    [
        ("JPEG", "photo.jpg", "jpg"),
        ("PNG", "chart.png", "png"),
        ("WEBP", "banner.webp", "webp"),
        ("GIF", "logo.gif", "gif"),
    ],
)
def test_admin_accepts_a_real_image_as_cover_under_a_generated_name(staff_client, image_format, name, extension):
    category = make_category()

    response = staff_client.post(
        reverse("admin:news_post_add"), post_form_data(category, cover=upload(name, image_bytes(image_format)))
    )

    assert response.status_code == 302
    post = Post.objects.get()
    assert re.fullmatch(rf"covers/\d{{4}}/[0-9a-f]{{32}}\.{extension}", post.cover.name)
    assert (post.cover_width, post.cover_height) == (40, 20)
    assert stored_image(post.cover).format == image_format


def truncated_jpeg():
    """A JPEG cut in half, as an interrupted upload leaves it: its header is whole."""
    pattern = Image.frombytes("RGB", (64, 64), bytes(range(256)) * 48)
    output = io.BytesIO()
    pattern.save(output, "JPEG")
    return output.getvalue()[: len(output.getvalue()) // 2]


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        (
            "minutes.jpg",
            TEXT_AS_JPEG,
            "Upload a valid image. The file you uploaded was either not an image or a corrupted image.",
        ),
        (
            "cut.jpg",
            truncated_jpeg(),
            "This file is not a complete JPEG, PNG, WebP or GIF image: it is damaged or not an image at all.",
        ),
        (
            "panorama.png",
            image_bytes("PNG", size=(9000, 9000), mode="1"),
            "This image has too many pixels; an image may have at most 40 megapixels.",
        ),
        (
            "scan.bmp",
            image_bytes("BMP"),
            "Upload a JPEG, PNG, WebP or GIF image; this file is BMP.",
        ),
    ],
)
def test_admin_rejects_a_bad_cover_and_keeps_everything_else(staff_client, name, content, error):
    category = make_category()

    response = staff_client.post(
        reverse("admin:news_post_add"),
        post_form_data(category, cover=upload(name, content)),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors == {"cover": [error]}
    assert Post.objects.count() == 0
    assert [form[name].value() for name in ("title_ko", "title_en", "summary_en", "cover_alt_ko", "slug")] == [
        "제11회 포럼 폐막",
        "The 11th forum closes",
        "Five days of sessions came to an end.",
        "폐막식 무대",
        "the-11th-forum-closes",
    ]
    assertContains(response, 'value="제11회 포럼 폐막"')
    assertContains(response, "&lt;p&gt;The closing ceremony was held.&lt;/p&gt;</textarea>")
    assertContains(response, f'<ul class="errorlist" id="id_cover_error"><li>{error}</li></ul>', html=True)


def test_admin_rejects_a_renamed_text_file_in_korean(staff_client):
    category = make_category()

    response = staff_client.post(
        reverse("admin:news_post_add"),
        post_form_data(category, cover=upload("minutes.jpg", TEXT_AS_JPEG)),
        HTTP_ACCEPT_LANGUAGE="ko",
    )

    assert response.context["adminform"].form.errors == {
        "cover": ["올바른 이미지를 업로드하세요. 업로드하신 파일은 이미지 파일이 아니거나 파일이 깨져 있습니다."]
    }
    assertContains(response, 'value="The 11th forum closes"')


# Pillow warns while it opens the file for Django's own check; the upload is refused after.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_image_over_pillows_own_pixel_limit_is_rejected(staff_client, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)
    category = make_category()

    response = staff_client.post(
        reverse("admin:news_post_add"),
        post_form_data(category, cover=upload("wide.png", image_bytes("PNG", size=(1500, 1000), mode="1"))),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.context["adminform"].form.errors == {
        "cover": ["This image has too many pixels; an image may have at most 1 megapixels."]
    }
    assert Post.objects.count() == 0


def test_image_over_the_size_limit_is_rejected(staff_client, settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 2048
    category = make_category()
    content = image_bytes("PNG", size=(200, 200), mode="RGB") + b"\0" * 3000

    response = staff_client.post(
        reverse("admin:news_post_add"),
        post_form_data(category, cover=upload("big.png", content)),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    size = len(content) / 1024
    assert response.context["adminform"].form.errors == {
        "cover": [f"This image is {size:.1f}\xa0KB; an image may be at most 2.0\xa0KB."]
    }


# Re-saving: upright, without GPS


def camera_exif():
    """EXIF as a phone writes it: turned 90° (orientation 6), with the camera and where it was."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (35.0, 9.0, 0.0)
    return exif


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_upload_is_turned_upright_and_loses_its_gps_tags(staff_client, image_format):
    category = make_category()
    content = image_bytes(image_format, size=(40, 20), exif=camera_exif())

    staff_client.post(reverse("admin:news_post_add"), post_form_data(category, cover=upload("phone.jpg", content)))

    post = Post.objects.get()
    image = stored_image(post.cover)
    exif = image.getexif()
    assert (image.size, post.cover_width, post.cover_height) == ((20, 40), 20, 40)
    assert exif.get(ExifTags.Base.Orientation) is None
    assert exif.get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert exif[ExifTags.Base.Make] == "PhoneMaker"


# Saved straight to storage


def test_cover_saved_straight_to_storage_stores_its_dimensions():
    post = make_post()

    post.cover.save("cover.png", ContentFile(image_bytes("PNG", size=(120, 80))))

    assert Post.objects.values_list("cover_width", "cover_height").get(pk=post.pk) == (120, 80)


# Srcsets remembered by each process


def test_a_covers_srcset_is_worked_out_once_per_process(client):
    post = make_post(cover=make_png(size=(1200, 600)))
    stored_srcset.cache_clear()

    korean = client.get(f"/ko/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)
    english = client.get(f"/en/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    srcset, _sizes = srcset_of(korean)
    assert srcset_of(english)[0] == srcset
    assert [width for _url, width in srcset] == [480, 960, 1200]
    assert (stored_srcset.cache_info().misses, stored_srcset.cache_info().hits) == (1, 1)


def test_another_media_storage_forgets_the_remembered_srcsets(client, settings, tmp_path):
    post = make_post(cover=make_png(size=(1200, 600)))
    client.get(f"/en/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)
    assert stored_srcset.cache_info().currsize == 1

    settings.MEDIA_ROOT = tmp_path / "other-media"

    assert stored_srcset.cache_info().currsize == 0


def test_a_missing_image_is_fitted_as_stored_never_an_error():
    """sorl-thumbnail returns a rendition it could not make, which has no size: the image is
    shown at its stored address (a logo or cover lost from storage), not a server error."""
    from common.images import fitted

    assert fitted("editions/logos/lost.png", "120x60") == ("/media/editions/logos/lost.png", None, None, None)

"""Uploads: images checked with Pillow and re-saved, responsive renditions, attachments
served through their counting URL."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from common.page_cache import bump_content_version
from news.models import Attachment, Post, PostImage
from tests.factories import TEXT_AS_JPEG, image_bytes, make_attachment, make_post, make_staff, upload
from tests.pages import BROWSER, srcset_of

pytestmark = pytest.mark.django_db

PICKER = "/admin/news/postimage/picker/"


# The editor's image picker: upload, then choose


def test_picker_uploads_an_image_with_alt_text_in_both_languages(staff_client):
    post = make_post()
    url = f"{PICKER}?language=en&post={post.pk}&CKEditorFuncNum=-1"

    response = staff_client.post(
        url,
        {
            "image": upload("stage.png", image_bytes("PNG", size=(1000, 500))),
            "alt_ko": "개막식 무대",
            "alt_en": "The opening stage",
            "caption_ko": "",
            "caption_en": "Opening, 6 October",
        },
    )

    assert (response.status_code, response["Location"]) == (302, url)
    image = PostImage.objects.get()
    assert (image.post, image.alt_ko, image.alt_en, image.caption_en, image.width, image.height) == (
        post,
        "개막식 무대",
        "The opening stage",
        "Opening, 6 October",
        1000,
        500,
    )
    assert re.fullmatch(r"news/images/\d{4}/[0-9a-f]{32}\.png", image.image.name)


@pytest.mark.parametrize(
    ("language", "alt", "caption"), [("ko", "개막식 무대", "개막"), ("en", "The opening stage", "")]
)
def test_picker_offers_images_with_the_editors_language(staff_client, language, alt, caption):
    image = PostImage.objects.create(
        image=ContentFile(image_bytes("PNG"), name="stage.png"),
        alt_ko="개막식 무대",
        alt_en="The opening stage",
        caption_ko="개막",
        caption_en="",
    )

    response = staff_client.get(PICKER, {"language": language, "CKEditorFuncNum": "-1"})

    assertContains(
        response,
        f'<button type="button" data-image-url="{image.image.url}" data-alt="{alt}" data-caption="{caption}">',
    )
    assertContains(response, '<script src="/static/news/image_picker.js" defer></script>', html=True)


def test_picker_rejects_a_bad_image_and_keeps_the_alt_texts(staff_client):
    response = staff_client.post(
        PICKER,
        {
            "image": upload("minutes.png", TEXT_AS_JPEG),
            "alt_ko": "개막식 무대",
            "alt_en": "The opening stage",
            "caption_ko": "",
            "caption_en": "",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {
        "image": ["Upload a valid image. The file you uploaded was either not an image or a corrupted image."]
    }
    assert (form["alt_ko"].value(), form["alt_en"].value()) == ("개막식 무대", "The opening stage")
    assertContains(response, 'value="The opening stage"')
    assert PostImage.objects.count() == 0


def test_picker_is_for_staff_only(client):
    response = client.get(PICKER)

    assert (response.status_code, response["Location"]) == (302, f"/admin/login/?next={PICKER}")


# Responsive renditions


def rendition_sizes(srcset):
    sizes = []
    for url, _width in srcset:
        with default_storage.open(url.removeprefix("/media/")) as stored:
            image = Image.open(stored)
            sizes.append((image.format, image.size))
    return sizes


@pytest.mark.parametrize("language", ["ko", "en"])
def test_article_cover_has_webp_renditions_and_dimensions(client, language):
    post = make_post(
        cover=ContentFile(image_bytes("JPEG", size=(2000, 1000)), name="cover.jpg"),
        cover_alt_ko="광장",
        cover_alt_en="The square",
    )

    response = client.get(f"/{language}/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    srcset, sizes = srcset_of(response)
    assert [width for _url, width in srcset] == [480, 960, 1440]
    assert rendition_sizes(srcset) == [("WEBP", (480, 240)), ("WEBP", (960, 480)), ("WEBP", (1440, 720))]
    assert sizes == "(min-width: 48rem) 46rem, 100vw"
    alt = {"ko": "광장", "en": "The square"}[language]
    assertContains(response, f'<img src="{post.cover.url}" alt="{alt}" width="2000" height="1000"></picture>')


def test_article_body_images_become_lazy_pictures(client):
    image = PostImage.objects.create(
        image=ContentFile(image_bytes("PNG", size=(1000, 500)), name="stage.png"), alt_en="The stage"
    )
    post = make_post(
        body_en=(
            f'<figure><img src="{image.image.url}" alt="The opening stage"><figcaption>Opening</figcaption></figure>'
            '<p><img src="https://example.org/map.png" alt="Map"></p>'
        )
    )

    response = client.get(f"/en/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    srcset, _sizes = srcset_of(response)
    assert [width for _url, width in srcset] == [480, 960, 1000]
    assert rendition_sizes(srcset) == [("WEBP", (480, 240)), ("WEBP", (960, 480)), ("WEBP", (1000, 500))]
    assertContains(
        response,
        f'<img src="{image.image.url}" alt="The opening stage" width="1000" height="500" loading="lazy" '
        'decoding="async"></picture>\n<figcaption>Opening</figcaption></figure>',
    )
    assertContains(response, '<p><img loading="lazy" src="https://example.org/map.png" alt="Map"></p>')


@pytest.mark.parametrize("image_count", [1, 3])
def test_article_query_count_does_not_grow_with_body_images(client, django_assert_num_queries, image_count):
    images = [
        PostImage.objects.create(image=ContentFile(image_bytes("PNG", size=(600, 300)), name="photo.png"))
        for _ in range(image_count)
    ]
    post = make_post(body_en="".join(f'<p><img src="{image.image.url}" alt=""></p>' for image in images))
    url = f"/en/news/{post.pk}/{post.slug}/"
    client.get(url, HTTP_USER_AGENT=BROWSER)  # Makes the renditions, once.
    bump_content_version()  # The page is rendered again; the renditions stay made.

    # The post, previous and next post, the body's images (one query for all), attachments,
    # sessions, the next scheduled post (how long the page may stay cached); the renditions'
    # sizes come from the cache, and this reader's view was counted already.
    with django_assert_num_queries(7):
        response = client.get(url, HTTP_USER_AGENT=BROWSER)

    assertContains(response, "<picture>", count=image_count)


# Attachments


def attachment_form_data(post, **file_fields):
    return {
        "post": post.pk,
        "title_ko": "자료집",
        "title_en": "Booklet",
        "order": "0",
    } | file_fields


@pytest.mark.parametrize("name", ["program.pdf", "program.hwp", "program.hwpx", "report.docx", "budget.xlsx"])
def test_admin_accepts_an_attachment_of_an_allowed_kind(staff_client, name):
    post = make_post()

    response = staff_client.post(
        reverse("admin:news_attachment_add"),
        attachment_form_data(post, file=upload(name, b"%PDF-1.4 content")),
    )

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.file.name.rsplit("/", 1)[-1], attachment.size) == (name, 16)


@pytest.mark.parametrize("name", ["page.html", "image.svg", "setup.exe", "script.js"])
def test_admin_rejects_an_attachment_of_another_kind(staff_client, name):
    post = make_post()

    response = staff_client.post(
        reverse("admin:news_attachment_add"),
        attachment_form_data(post, file=upload(name, b"<script>alert(1)</script>")),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    extension = name.rsplit(".", 1)[1]
    assert response.context["adminform"].form.errors == {
        "file": [
            f"File extension “{extension}” is not allowed. Allowed extensions are: pdf, hwp, hwpx, doc, docx, "
            "xls, xlsx, ppt, pptx, odt, ods, odp, zip, txt, csv, jpg, jpeg, png."
        ]
    }
    assert Attachment.objects.count() == 0


def test_admin_rejects_an_attachment_over_the_size_limit(staff_client, settings):
    settings.ATTACHMENT_UPLOAD_MAX_BYTES = 1024
    post = make_post()

    response = staff_client.post(
        reverse("admin:news_attachment_add"),
        attachment_form_data(post, file=upload("program.pdf", b"x" * 2048)),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.context["adminform"].form.errors == {
        "file": ["This file is 2.0\xa0KB; an attachment may be at most 1.0\xa0KB."]
    }


@pytest.mark.parametrize("language", ["ko", "en"])
def test_article_links_attachments_to_their_counting_url(client, language):
    post = make_post()
    attachment = make_attachment(post, ContentFile(b"x" * 2048, name="booklet.pdf"))

    response = client.get(f"/{language}/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    title = {"ko": "자료집", "en": "Booklet"}[language]
    assertContains(
        response,
        f'<li><a href="/{language}/news/{post.pk}/files/{attachment.pk}/" download>{title}</a> '
        '<span class="muted">(PDF, 2.0\xa0KB)</span></li>',
    )


def test_downloads_are_counted_exactly(client):
    post = make_post()
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4 program", name="program.pdf"))
    attachment.download_count = 12
    attachment.save()

    responses = [
        client.get(f"/{language}/news/{post.pk}/files/{attachment.pk}/", HTTP_USER_AGENT=BROWSER)
        for language in ["ko", "en", "ko", "en", "ko"]
    ]

    attachment.refresh_from_db()
    assert attachment.download_count == 17
    assert [b"".join(response.streaming_content) for response in responses] == [b"%PDF-1.4 program"] * 5


def test_download_is_served_as_a_file_never_as_a_page(client):
    post = make_post()
    pdf = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    # An old-board file with an extension uploads no longer accept.
    html = make_attachment(post, ContentFile(b"<script>alert(1)</script>", name="notice.html"))

    pdf_response = client.get(pdf.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    html_response = client.get(html.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assert [
        (response["Content-Type"], response["Content-Disposition"], response["X-Content-Type-Options"])
        for response in (pdf_response, html_response)
    ] == [
        ("application/pdf", 'attachment; filename="program.pdf"', "nosniff"),
        ("application/octet-stream", 'attachment; filename="notice.html"', "nosniff"),
    ]


def test_downloads_by_bots_and_head_requests_are_not_counted(client):
    post = make_post()
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    url = attachment.get_absolute_url()

    bot = client.get(url, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    head = client.head(url, HTTP_USER_AGENT=BROWSER)

    attachment.refresh_from_db()
    assert (bot.status_code, head.status_code, attachment.download_count) == (200, 200, 0)


def test_attachment_of_a_draft_is_for_staff_only_and_not_counted(client):
    post = make_post(status=Post.Status.DRAFT)
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    url = attachment.get_absolute_url()

    reader = client.get(url, HTTP_USER_AGENT=BROWSER)
    client.force_login(make_staff())
    staff = client.get(url, HTTP_USER_AGENT=BROWSER)

    attachment.refresh_from_db()
    assert (reader.status_code, staff.status_code, attachment.download_count) == (404, 200, 0)


@pytest.mark.parametrize("path", ["/ko/news/{post}/files/999999/", "/ko/news/{other}/files/{attachment}/"])
def test_unknown_or_mismatched_attachment_is_not_found(client, path):
    post = make_post()
    other = make_post()
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))

    response = client.get(path.format(post=post.pk, other=other.pk, attachment=attachment.pk))

    assert response.status_code == 404


def test_attachment_whose_file_went_missing_is_not_found(client):
    post = make_post()
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    default_storage.delete(attachment.file.name)

    response = client.get(attachment.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    attachment.refresh_from_db()
    assert (response.status_code, attachment.download_count) == (404, 0)
    assertNotContains(response, "program.pdf", status_code=404)


def test_admin_lists_body_images_with_their_alt_texts(staff_client):
    image = PostImage.objects.create(
        image=ContentFile(image_bytes("PNG", size=(800, 600)), name="stage.png"),
        alt_ko="개막식 무대",
        alt_en="",
    )

    changelist = staff_client.get(reverse("admin:news_postimage_changelist"), HTTP_ACCEPT_LANGUAGE="en")
    missing_english = staff_client.get(reverse("admin:news_postimage_changelist"), {"missing": "en"})

    assert list(changelist.context["cl"].result_list) == [image]
    assertContains(changelist, f'<img src="{image.image.url}" alt="" width="120" loading="lazy">')
    assertContains(changelist, '<span title="English">EN ✗</span>', html=True)
    assert list(missing_english.context["cl"].result_list) == [image]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_cover_missing_from_storage_does_not_break_the_pages(client, language):
    post = make_post(title_ko="표지를 잃은 소식", title_en="News that lost its cover")
    post.cover.save("cover.png", ContentFile(image_bytes("PNG", size=(120, 80))))
    Post.objects.filter(pk=post.pk).update(cover_width=None, cover_height=None)
    default_storage.delete(post.cover.name)

    article = client.get(f"/{language}/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT="Mozilla/5.0")
    listing = client.get(f"/{language}/news/")

    assert (article.status_code, listing.status_code) == (200, 200)
    assertContains(listing, {"ko": "표지를 잃은 소식", "en": "News that lost its cover"}[language])

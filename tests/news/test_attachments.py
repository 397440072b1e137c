"""Attachments a post may have (news/attachments.py): allowed kinds and sizes."""

import pytest
from django.urls import reverse

from news.models import Attachment
from tests.factories import make_post, upload

pytestmark = pytest.mark.django_db


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

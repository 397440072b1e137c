"""The post admin (news/admin.py): saving posts, the body editor, publishing actions, links to
the site, the body image picker, and what translators and editors may do there."""

import datetime
import io
import json
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains

from legacy.models import LegacyURL
from news.models import Attachment, Post, PostImage
from tests.factories import (
    TEXT_AS_JPEG,
    image_bytes,
    make_attachment,
    make_category,
    make_edition,
    make_legacy_url,
    make_organization,
    make_post,
    make_session,
    make_staff,
    post_admin_form_data,
    post_translation_form_data,
    seoul,
    upload,
)
from tests.pages import messages_of

pytestmark = pytest.mark.django_db


# Posts


def test_admin_post_search_covers_both_languages(staff_client):
    make_post(title_ko="폐막식", title_en="Closing ceremony")
    make_post(title_ko="개막식", title_en="Opening ceremony")

    english = staff_client.get(reverse("admin:news_post_changelist"), {"q": "closing"})
    korean = staff_client.get(reverse("admin:news_post_changelist"), {"q": "개막"})

    assert [post.title_en for post in english.context["cl"].result_list] == ["Closing ceremony"]
    assert [post.title_en for post in korean.context["cl"].result_list] == ["Opening ceremony"]


def test_admin_view_count_is_read_only(staff_client):
    post = make_post(view_count=660)

    response = staff_client.get(reverse("admin:news_post_change", args=[post.pk]))

    assertNotContains(response, 'name="view_count"')
    assertContains(response, "660")


def post_form_data(category, **overrides):
    return post_admin_form_data(category, **({"status": "published"} | overrides))


def test_admin_saves_a_post_in_both_languages(staff_client):
    category = make_category()

    response = staff_client.post(reverse("admin:news_post_add"), post_form_data(category))

    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.title_ko, post.title_en) == ("제11회 포럼 폐막", "The 11th forum closes")
    assert (post.body_ko, post.body_en) == ("<p>폐막식이 열렸습니다.</p>", "<p>The closing ceremony was held.</p>")
    assert post.author.username == "editor"


def test_admin_rejects_a_post_without_korean_title(staff_client):
    category = make_category()

    response = staff_client.post(
        reverse("admin:news_post_add"), post_form_data(category, title_ko=""), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["title_ko"] == ["This field is required."]
    assert Post.objects.count() == 0


# The editor


def editor_config(response, field_name):
    widget = response.context["adminform"].form.fields[field_name].widget
    return widget.get_config()


@pytest.mark.parametrize("language", ["ko", "en"])
def test_body_editor_is_in_both_language_tabs_with_the_image_picker(staff_client, language):
    post = make_post()

    response = staff_client.get(reverse("admin:news_post_change", args=[post.pk]))

    config = editor_config(response, f"body_{language}")
    assert config["extensions"]["Figure"] == {
        "pickerUrl": f"/admin/news/postimage/picker/?language={language}&post={post.pk}"
    }
    assert config["extensions"]["Link"] == {"enableTarget": False, "protocols": ["http", "https", "mailto"]}
    assertContains(response, f'id="id_body_{language}" data-django-prose-editor-configurable="')


def test_body_editor_loads_its_assets_from_this_site_under_the_csp_nonce(staff_client):
    response = staff_client.get(reverse("admin:news_post_add"))

    nonce, importmap = re.search(
        r'<script type="importmap" nonce="([^"]+)">(.*?)</script>', response.content.decode()
    ).groups()
    assert json.loads(importmap) == {
        "imports": {
            "django-prose-editor/editor": "/static/django_prose_editor/editor.js",
            "django-prose-editor/configurable": "/static/django_prose_editor/configurable.js",
        }
    }
    assert f"script-src 'self' 'nonce-{nonce}'" in response["Content-Security-Policy"]
    assertContains(response, '<script src="/static/django_prose_editor/configurable.js" type="module"></script>')
    assertNotContains(response, "cdn")


def test_body_editor_assets_are_served_locally(settings):
    settings.WHITENOISE_USE_FINDERS = True

    responses = [
        Client().get(f"/static/django_prose_editor/{name}")
        for name in ("editor.js", "configurable.js", "editor.css", "material-icons.woff2")
    ]

    assert [response.status_code for response in responses] == [200, 200, 200, 200]


# Publishing actions


def run_action(client, action, posts):
    return client.post(
        reverse("admin:news_post_changelist"),
        {"action": action, "_selected_action": [post.pk for post in posts]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )


def history(post):
    """The post's admin history, as its History page shows it in English."""
    entries = LogEntry.objects.filter(object_id=str(post.pk)).order_by("action_time")
    with translation.override("en"):
        return [entry.get_change_message() for entry in entries]


def test_publish_now_publishes_drafts_and_scheduled_posts_as_of_now(staff_client, time_machine):
    time_machine.move_to(seoul(2024, 9, 1, 10, 0), tick=False)
    draft = make_post(status=Post.Status.DRAFT, published_at=seoul(2024, 8, 1))
    scheduled = make_post(published_at=seoul(2024, 9, 30))
    public = make_post(published_at=seoul(2024, 8, 15))

    response = run_action(staff_client, "publish_now", [draft, scheduled, public])

    assert messages_of(response) == ["2 posts published."]
    assert [
        Post.objects.values_list("status", "published_at").get(pk=post.pk) for post in (draft, scheduled, public)
    ] == [
        ("published", seoul(2024, 9, 1, 10, 0)),
        ("published", seoul(2024, 9, 1, 10, 0)),
        ("published", seoul(2024, 8, 15)),
    ]
    assert history(draft) == history(scheduled) == ["Changed status and publication date."]
    assert history(public) == []


def test_unpublish_turns_posts_into_drafts(staff_client):
    public = make_post()
    scheduled = make_post(published_at=timezone.now() + datetime.timedelta(days=3))
    draft = make_post(status=Post.Status.DRAFT)

    response = run_action(staff_client, "unpublish", [public, scheduled, draft])

    assert messages_of(response) == ["2 posts turned into drafts."]
    assert [history(post) for post in (public, scheduled, draft)] == [["Changed status."], ["Changed status."], []]
    assert list(Post.objects.published()) == []
    assert Post.objects.filter(status=Post.Status.DRAFT).count() == 3


def test_duplicate_as_draft_copies_both_languages_under_a_new_slug(staff_client):
    edition = make_edition()
    session = make_session(edition)
    organization = make_organization()
    original = make_post(
        title_ko="개막식",
        title_en="Opening ceremony",
        slug="opening-ceremony",
        summary_ko="요약",
        summary_en="Summary",
        body_ko="<p>본문</p>",
        body_en="<p>Body</p>",
        edition=edition,
        pinned=True,
        view_count=660,
        legacy_board="news",
        legacy_id=12,
    )
    original.sessions.add(session)
    original.organizations.add(organization)
    attachment = make_attachment(original, ContentFile(b"%PDF-1.4", name="program.pdf"))
    Attachment.objects.filter(pk=attachment.pk).update(download_count=40)

    response = run_action(staff_client, "duplicate_as_draft", [original])

    copy = Post.objects.exclude(pk=original.pk).get()
    assert messages_of(response) == ["1 draft copy created."]
    assert history(copy) == ["Added."]
    assert (copy.title_ko, copy.title_en, copy.summary_en, copy.body_ko, copy.body_en) == (
        "개막식",
        "Opening ceremony",
        "Summary",
        "<p>본문</p>",
        "<p>Body</p>",
    )
    assert (copy.slug, copy.status, copy.view_count, copy.legacy_id, copy.author.username) == (
        "opening-ceremony-2",
        Post.Status.DRAFT,
        0,
        None,
        "editor",
    )
    assert (copy.edition, list(copy.sessions.all()), list(copy.organizations.all())) == (
        edition,
        [session],
        [organization],
    )
    assert list(copy.attachments.values_list("title_en", "file", "download_count")) == [
        ("Booklet", attachment.file.name, 0)
    ]
    original.refresh_from_db()
    assert (original.slug, original.status, original.view_count) == ("opening-ceremony", Post.Status.PUBLISHED, 660)


# Links from the admin to the site


def site_links(response):
    return [(link["label"], link["url"]) for link in response.context["site_links"]]


def test_change_form_links_a_published_post_in_both_languages(staff_client):
    post = make_post(slug="closing")

    response = staff_client.get(reverse("admin:news_post_change", args=[post.pk]), HTTP_ACCEPT_LANGUAGE="en")

    assert site_links(response) == [
        ("View on site (Korean)", f"/ko/news/{post.pk}/closing/"),
        ("View on site (English)", f"/en/news/{post.pk}/closing/"),
    ]
    assertContains(
        response, f'<li><a href="/en/news/{post.pk}/closing/" class="viewsitelink">View on site (English)</a></li>'
    )


@pytest.mark.parametrize(
    "fields",
    [{"status": Post.Status.DRAFT}, {"published_at": timezone.now() + datetime.timedelta(days=1)}],
    ids=["draft", "scheduled"],
)
def test_change_form_links_an_unpublished_post_to_its_previews(staff_client, fields):
    post = make_post(**fields)

    response = staff_client.get(reverse("admin:news_post_change", args=[post.pk]), HTTP_ACCEPT_LANGUAGE="ko")

    assert [url for _label, url in site_links(response)] == [
        f"/ko/news/preview/{post.pk}/",
        f"/en/news/preview/{post.pk}/",
    ]


def test_post_list_in_the_admin_marks_scheduled_posts(staff_client):
    now = timezone.now()
    make_post(title_en="Scheduled", published_at=now + datetime.timedelta(days=1))
    make_post(title_en="Draft", status=Post.Status.DRAFT, published_at=now - datetime.timedelta(days=1))
    make_post(title_en="Published", published_at=now - datetime.timedelta(days=2))

    response = staff_client.get(reverse("admin:news_post_changelist"), HTTP_ACCEPT_LANGUAGE="en")

    admin = response.context["cl"].model_admin
    assert [(post.title_en, admin.state(post)) for post in response.context["cl"].result_list] == [
        ("Scheduled", "Scheduled"),
        ("Draft", "Draft"),
        ("Published", "Published"),
    ]


def test_post_list_in_the_admin_reads_no_body(staff_client):
    make_post(title_ko="본문이 긴 소식", title_en="A long story", body_ko="<p>긴 본문</p>" * 500)

    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get(reverse("admin:news_post_changelist"), HTTP_ACCEPT_LANGUAGE="ko")

    assertContains(response, "본문이 긴 소식")
    assert [post.title_en for post in response.context["cl"].result_list] == ["A long story"]
    listings = [query["sql"] for query in queries.captured_queries if '"news_post"."title_ko"' in query["sql"]]
    assert len(listings) == 1
    assert [column for column in Post.body_columns() if f'"news_post"."{column}"' in listings[0]] == []


# The editor's image picker: upload, then choose


PICKER = "/admin/news/postimage/picker/"


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


# The list of body images


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


# Translators


def test_translator_edits_only_translated_fields_of_a_post(translator_client):
    post = make_post(status=Post.Status.DRAFT)

    response = translator_client.get(reverse("admin:news_post_change", args=[post.pk]))

    assert sorted(response.context["adminform"].form.fields) == [
        "body_en",
        "body_ko",
        "cover_alt_en",
        "cover_alt_ko",
        "summary_en",
        "summary_ko",
        "title_en",
        "title_ko",
    ]
    assertNotContains(response, 'name="status"')
    assertNotContains(response, 'name="slug"')


def test_translator_changes_the_english_title_and_the_posted_status_is_ignored(translator_client):
    post = make_post(title_en="Forum opens", slug="forum-opens", status=Post.Status.DRAFT, pinned=False)

    response = translator_client.post(
        reverse("admin:news_post_change", args=[post.pk]),
        post_translation_form_data(
            post,
            title_en="The forum opens",
            status="published",
            slug="hijacked",
            pinned="on",
            published_at_0="2020-01-01",
            published_at_1="00:00:00",
            category=make_category(slug="notice").pk,
        ),
    )

    assert response.status_code == 302
    saved = Post.objects.get(pk=post.pk)
    assert (saved.title_en, saved.status, saved.slug, saved.pinned, saved.published_at, saved.category) == (
        "The forum opens",
        Post.Status.DRAFT,
        "forum-opens",
        False,
        post.published_at,
        post.category,
    )


def test_translator_has_no_publishing_actions(translator_client):
    make_post(status=Post.Status.DRAFT)

    response = translator_client.get(reverse("admin:news_post_changelist"))

    assert response.context["action_form"] is None


def test_translator_cannot_publish_by_posting_the_action(translator_client):
    post = make_post(status=Post.Status.DRAFT)

    response = translator_client.post(
        reverse("admin:news_post_changelist"), {"action": "publish_now", "_selected_action": [post.pk]}
    )

    post.refresh_from_db()
    assert (response.status_code, post.status) == (200, Post.Status.DRAFT)


def test_translator_cannot_add_or_delete_posts(translator_client):
    post = make_post()

    add = translator_client.get(reverse("admin:news_post_add"))
    delete = translator_client.post(reverse("admin:news_post_delete", args=[post.pk]), {"post": "yes"})

    assert (add.status_code, delete.status_code, Post.objects.count()) == (403, 403, 1)


def test_english_translator_changes_a_category_english_name_but_not_its_korean_name_or_slug(translator_client):
    category = make_category(slug="news", name_en="News")

    response = translator_client.post(
        reverse("admin:news_category_change", args=[category.pk]),
        {"name_ko": "소식", "name_en": "Stories", "slug": "stories", "order": "9"},
    )

    category.refresh_from_db()
    assert response.status_code == 302
    assert (category.name_ko, category.name_en, category.slug, category.order) == ("뉴스", "Stories", "news", 0)


def test_translator_translates_attachment_titles_but_cannot_replace_files(translator_client):
    attachment = make_attachment(make_post(), ContentFile(b"%PDF-1.4", name="program.pdf"))

    response = translator_client.get(reverse("admin:news_attachment_change", args=[attachment.pk]))

    assert sorted(response.context["adminform"].form.fields) == ["title_en", "title_ko"]


def test_translator_chooses_body_images_but_uploads_none(translator_client):
    response = translator_client.get("/admin/news/postimage/picker/", {"language": "en"})

    assert (response.status_code, response.context["form"]) == (200, None)
    assertNotContains(response, 'enctype="multipart/form-data"')


def test_staff_without_image_permissions_cannot_open_the_picker(client):
    client.force_login(make_staff(superuser=False))

    response = client.get("/admin/news/postimage/picker/")

    assert response.status_code == 403


# Editors


def test_editor_edits_every_field_of_a_post(editor_client):
    post = make_post(status=Post.Status.DRAFT)

    response = editor_client.get(reverse("admin:news_post_change", args=[post.pk]))

    assert sorted(response.context["adminform"].form.fields) == [
        "body_en",
        "body_ko",
        "category",
        "cover",
        "cover_alt_en",
        "cover_alt_ko",
        "cover_focus_x",
        "cover_focus_y",
        "edition",
        "organizations",
        "pinned",
        "published_at",
        "sessions",
        "slug",
        "status",
        "summary_en",
        "summary_ko",
        "title_en",
        "title_ko",
        "unpublish_at",
    ]


def test_editor_publishes_a_draft_now(editor_client, time_machine):
    time_machine.move_to(seoul(2024, 9, 1, 10, 0), tick=False)
    draft = make_post(status=Post.Status.DRAFT, published_at=seoul(2024, 8, 20))

    response = editor_client.post(
        reverse("admin:news_post_changelist"), {"action": "publish_now", "_selected_action": [draft.pk]}
    )

    draft.refresh_from_db()
    assert response.status_code == 302
    assert (draft.status, draft.published_at) == (Post.Status.PUBLISHED, seoul(2024, 9, 1, 10, 0))
    assert list(Post.objects.published()) == [draft]


def test_editor_uploads_body_images(editor_client):
    response = editor_client.get("/admin/news/postimage/picker/", {"language": "ko"})

    assert list(response.context["form"].fields) == ["image", "alt_ko", "alt_en", "caption_ko", "caption_en"]


def test_editor_actions(editor_client):
    make_post()

    response = editor_client.get(reverse("admin:news_post_changelist"), HTTP_ACCEPT_LANGUAGE="en")

    assert [name for name, _label in response.context["action_form"].fields["action"].choices] == [
        "",
        "delete_selected",
        "publish_now",
        "unpublish",
        "duplicate_as_draft",
        "make_newsletter_issue",
    ]


def test_editor_deletes_a_post_that_an_old_link_leads_to(editor_client):
    post = make_post(title_ko="옛 주소가 있는 소식")
    make_legacy_url(post=post)

    response = editor_client.post(reverse("admin:news_post_delete", args=[post.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert (Post.objects.filter(pk=post.pk).exists(), LegacyURL.objects.count()) == (False, 0)


# The cover in the admin: thumbnails and the focal point


def red_and_navy_png(size=(900, 600)):
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", size, "navy").save(output, "PNG")
    return output.getvalue()


@pytest.mark.parametrize(
    ("language", "alt", "label"),
    [
        ("ko", "대표 이미지: 잘라 낸 이미지에 꼭 남길 지점을 클릭하세요", "초점 가로 위치(%)"),
        ("en", "The cover: click the point that every crop must keep", "Focal point across (%)"),
    ],
)
def test_change_form_shows_the_cover_thumbnail_to_click_its_focal_point(staff_client, language, alt, label):
    post = make_post(cover=ContentFile(red_and_navy_png(), name="cover.png"), cover_focus_x=30, cover_focus_y=70)

    response = staff_client.get(reverse("admin:news_post_change", args=[post.pk]), HTTP_ACCEPT_LANGUAGE=language)

    page = response.content.decode()
    # Fitted into 360×240 with its shape kept, as WebP, and at double density.
    thumbnail = re.search(
        r'<img class="cover-focus__image" alt="([^"]*)" src="([^"]*)" srcset="([^"]*) 2x" '
        r'width="(\d+)" height="(\d+)">',
        page,
    )
    assert thumbnail is not None
    assert thumbnail.group(1, 4, 5) == (alt, "360", "240")
    assert re.fullmatch(r"/media/cache/[0-9a-f/]+\.webp", thumbnail.group(2))
    assert (
        '<div class="cover-focus" data-file-input="id_cover" data-focus-x="id_cover_focus_x" '
        'data-focus-y="id_cover_focus_y">' in page
    )
    for name, value in [("cover_focus_x", 30), ("cover_focus_y", 70)]:
        assertContains(response, f'name="{name}" value="{value}" class="vIntegerField" min="0" max="100"')
    assertContains(response, f"{label}:</label>")
    assertContains(response, '<script src="/static/news/cover_focus.js">')


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("ko", "대표 이미지 파일이 없거나 손상되었습니다. 다시 올려 주세요."),
        ("en", "The file of this cover is missing or damaged: upload it again."),
    ],
)
@pytest.mark.parametrize("content", [None, b"\x89PNG\r\n\x1a\nnot an image"])
def test_a_missing_or_damaged_cover_is_said_in_the_form_and_the_list(staff_client, language, notice, content):
    post = make_post(title_en="Lost cover")
    if content is not None:
        default_storage.save("covers/2026/lost.png", ContentFile(content))
    Post.objects.filter(pk=post.pk).update(cover="covers/2026/lost.png", cover_width=None, cover_height=None)

    form = staff_client.get(reverse("admin:news_post_change", args=[post.pk]), HTTP_ACCEPT_LANGUAGE=language)
    listing = staff_client.get(reverse("admin:news_post_changelist"), HTTP_ACCEPT_LANGUAGE=language)

    assertContains(form, notice)
    assertContains(
        form,
        '<div class="cover-focus" data-file-input="id_cover" data-focus-x="id_cover_focus_x" '
        'data-focus-y="id_cover_focus_y" hidden>',
    )
    assertContains(
        listing, f'<td class="field-cover_thumbnail">{ {"ko": "파일 없음", "en": "File missing"}[language] }</td>'
    )


def test_post_list_shows_a_small_thumbnail_of_each_cover(staff_client):
    covered = make_post(title_en="Covered", cover=ContentFile(red_and_navy_png((1200, 600)), name="cover.png"))
    make_post(title_en="Bare", published_at=covered.published_at - datetime.timedelta(hours=1))

    response = staff_client.get(reverse("admin:news_post_changelist"), HTTP_ACCEPT_LANGUAGE="en")

    cells = re.findall(r'<td class="field-cover_thumbnail">(.*?)</td>', response.content.decode())
    assert len(cells) == 2
    assert re.fullmatch(
        r'<img src="/media/cache/[0-9a-f/]+\.webp" srcset="/media/cache/[0-9a-f/]+\.webp 2x" width="64" '
        r'height="32" alt="" class="cover-thumbnail" loading="lazy">',
        cells[0],
    )
    assert cells[1] == "-"
    assertContains(response, '<th scope="col" class="column-cover_thumbnail">')


def test_editor_sets_the_focal_point_and_a_new_cover_starts_in_the_middle(staff_client):
    post = make_post(cover=ContentFile(red_and_navy_png(), name="cover.png"))
    data = post_translation_form_data(post) | {
        "slug": post.slug,
        "category": post.category_id,
        "status": post.status,
        "published_at_0": "2021-10-06",
        "published_at_1": "10:00:00",
    }
    url = reverse("admin:news_post_change", args=[post.pk])

    staff_client.post(url, data | {"cover_focus_x": "85", "cover_focus_y": "10"})
    post.refresh_from_db()
    assert (post.cover_focus_x, post.cover_focus_y) == (85, 10)

    # Another image, its focal point not set: the one of the image before means nothing.
    staff_client.post(
        url, data | {"cover": upload("new.png", red_and_navy_png()), "cover_focus_x": "85", "cover_focus_y": "10"}
    )
    post.refresh_from_db()
    assert (post.cover_focus_x, post.cover_focus_y) == (50, 50)

    # Another image with its focal point chosen on it before saving.
    staff_client.post(
        url, data | {"cover": upload("new.png", red_and_navy_png()), "cover_focus_x": "20", "cover_focus_y": "90"}
    )
    post.refresh_from_db()
    assert (post.cover_focus_x, post.cover_focus_y) == (20, 90)


@pytest.mark.parametrize(
    ("language", "value", "error"),
    [
        ("en", "101", "Ensure this value is less than or equal to 100."),
        ("en", "-1", "Ensure this value is greater than or equal to 0."),
        ("en", "abc", "Enter a whole number."),
        ("en", "1e999", "Enter a whole number."),
        ("ko", "101", "100 이하의 값을 입력해 주세요."),
    ],
)
def test_a_focal_point_outside_the_cover_is_refused(staff_client, language, value, error):
    category = make_category()

    response = staff_client.post(
        reverse("admin:news_post_add"),
        post_admin_form_data(category, cover_focus_x=value),
        HTTP_ACCEPT_LANGUAGE=language,
    )

    assert response.status_code == 200
    assert Post.objects.count() == 0
    assert response.context["adminform"].form.errors["cover_focus_x"] == [error]


def test_a_form_without_a_focal_point_keeps_the_middle(staff_client):
    category = make_category()

    staff_client.post(reverse("admin:news_post_add"), post_admin_form_data(category))

    assert Post.objects.values_list("cover_focus_x", "cover_focus_y").get() == (50, 50)


# Body images uploaded before the post's first save


def test_body_images_uploaded_for_a_new_post_are_attached_to_it_on_save(staff_client):
    editor = make_staff(username="second-editor")
    picker = f"{PICKER}?language=ko&CKEditorFuncNum=-1"  # A post not saved yet: no ?post=.
    for name in ("shown.png", "left-out.png"):
        staff_client.post(picker, {"image": upload(name, image_bytes("PNG", size=(600, 300))), "alt_ko": name})
    shown, left_out = PostImage.objects.order_by("pk")
    others = PostImage.objects.create(image=ContentFile(image_bytes("PNG"), name="other.png"), uploaded_by=editor)
    assert [(image.post, image.uploaded_by.username) for image in (shown, left_out)] == [(None, "editor")] * 2

    staff_client.post(
        reverse("admin:news_post_add"),
        post_admin_form_data(
            make_category(),
            body_ko=f'<figure><img src="{shown.image.url}" alt="무대"><figcaption>개막</figcaption></figure>',
            body_en=f'<p><img src="{others.image.url}" alt="Another editor’s"></p>',
        ),
    )

    post = Post.objects.get()
    # Only the image that this editor uploaded for no post and that the body shows.
    assert list(post.images.all()) == [shown]
    assert PostImage.objects.filter(post=None).count() == 2


def test_an_image_of_another_post_stays_with_it(staff_client):
    first = make_post()
    image = PostImage.objects.create(
        image=ContentFile(image_bytes("PNG"), name="stage.png"), post=first, uploaded_by=make_staff("uploader")
    )
    staff_client.post(
        reverse("admin:news_post_add"),
        post_admin_form_data(make_category("events"), body_en=f'<p><img src="{image.image.url}" alt=""></p>'),
    )

    image.refresh_from_db()
    assert image.post == first


def test_an_image_added_in_the_admin_records_who_uploaded_it(staff_client):
    staff_client.post(
        reverse("admin:news_postimage_add"),
        {
            "image": upload("stage.png", image_bytes("PNG")),
            "alt_ko": "무대",
            "alt_en": "",
            "caption_ko": "",
            "caption_en": "",
        },
    )

    assert PostImage.objects.get().uploaded_by.username == "editor"


# The body editor in the admin's language


@pytest.mark.parametrize(
    ("language", "dialog", "tooltip", "choice"),
    [("ko", "그림 넣기", "굵게", "예"), ("en", "Insert Figure", "bold", "Yes")],
)
def test_the_body_editors_words_come_in_the_admins_language(staff_client, language, dialog, tooltip, choice):
    response = staff_client.get(reverse("admin:news_post_add"), HTTP_ACCEPT_LANGUAGE=language)

    catalog = json.loads(
        re.search(
            r'<script id="body-editor-catalog" type="application/json">(.*?)</script>', response.content.decode()
        ).group(1)
    )
    assert (catalog["dialogs"]["Insert Figure"], catalog["toolbar"]["bold"], catalog["toolbar"]["Yes"]) == (
        dialog,
        tooltip,
        choice,
    )
    # Every word is translated: none left in English in the Korean admin.
    if language == "ko":
        words = {**catalog["dialogs"], **catalog["toolbar"]}
        assert [word for word, translation in words.items() if translation == word and word != "HTML"] == []
    assertContains(response, '<script src="/static/news/body_editor_i18n.js">')


@pytest.mark.parametrize("editions", [1, 6])
def test_the_list_of_posts_takes_as_many_queries_whatever_their_editions(
    staff_client, django_assert_num_queries, editions
):
    for number in range(editions):
        make_post(title_ko=f"소식 {number}", edition=make_edition(number + 1, 2010 + number))
    staff_client.get(reverse("admin:news_post_changelist"))  # The session and content types, read once.

    with django_assert_num_queries(10):
        response = staff_client.get(reverse("admin:news_post_changelist"))

    assert [post.edition.number for post in response.context["cl"].result_list] == list(range(editions, 0, -1))

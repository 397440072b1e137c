"""Writing posts: the sanitized rich-text body, publishing actions, links to the site."""

import datetime
import json
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Attachment, Post
from news.sanitize import clean_html
from tests.factories import (
    make_attachment,
    make_category,
    make_edition,
    make_organization,
    make_post,
    make_session,
    seoul,
)
from tests.pages import BROWSER, messages_of

pytestmark = pytest.mark.django_db


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


# The sanitizer


@pytest.mark.parametrize(
    ("html", "cleaned"),
    [
        ("<p>Opening<script>alert(1)</script></p>", "<p>Opening</p>"),
        ('<p onclick="steal()" onmouseover="steal()">Opening</p>', "<p>Opening</p>"),
        (
            '<img src="/media/news/images/a.jpg" onerror="steal()" alt="Stage">',
            '<img src="/media/news/images/a.jpg" alt="Stage">',
        ),
        ('<a href="javascript:alert(1)">Programme</a>', '<a rel="noopener noreferrer">Programme</a>'),
        ('<a href="JaVaScRiPt:alert(1)">Programme</a>', '<a rel="noopener noreferrer">Programme</a>'),
        (
            '<a href="https://whrcf.org/" target="_blank" rel="opener">Forum</a>',
            '<a href="https://whrcf.org/" rel="noopener noreferrer">Forum</a>',
        ),
        ('<p>Video</p><iframe src="https://evil.example/"></iframe>', "<p>Video</p>"),
        ('<p>Video</p><iframe src="https://www.youtube.com/embed/x"></iframe>', "<p>Video</p>"),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="Logo">', '<img alt="Logo">'),
        ('<p style="position:fixed">Notice</p><style>body{display:none}</style>', "<p>Notice</p>"),
        ('<object data="movie.swf"></object><embed src="movie.swf"><p>Movie</p>', "<p>Movie</p>"),
        ('<form action="https://evil.example/"><input name="password"></form>', ""),
        (
            '<figure class="figure"><img src="/media/news/images/a.jpg" alt="Stage">'
            '<figcaption class="figure-caption">Opening</figcaption></figure>',
            '<figure><img src="/media/news/images/a.jpg" alt="Stage"><figcaption>Opening</figcaption></figure>',
        ),
        ("<p></p>", ""),
    ],
)
def test_sanitizer_removes_each_dangerous_construct(html, cleaned):
    assert clean_html(html) == cleaned


def test_admin_sanitizes_the_body_in_both_languages(staff_client):
    category = make_category()

    staff_client.post(
        reverse("admin:news_post_add"),
        {
            "title_ko": "개막",
            "title_en": "Opening",
            "slug": "opening",
            "body_ko": '<p onclick="steal()">개막식<script>alert(1)</script></p>',
            "body_en": '<p>Opening</p><a href="javascript:alert(1)">link</a>',
            "category": category.pk,
            "status": "draft",
            "published_at_0": "2021-10-06",
            "published_at_1": "10:00:00",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
            "attachments-MIN_NUM_FORMS": "0",
            "attachments-MAX_NUM_FORMS": "1000",
        },
    )

    post = Post.objects.get()
    assert (post.body_ko, post.body_en) == ("<p>개막식</p>", '<p>Opening</p><a rel="noopener noreferrer">link</a>')


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


# Pinned posts


@pytest.mark.parametrize("language", ["ko", "en"])
def test_post_list_shows_pinned_posts_first(client, language):
    now = timezone.now()
    newest = make_post(published_at=now - datetime.timedelta(days=1))
    pinned_old = make_post(published_at=now - datetime.timedelta(days=30), pinned=True)
    middle = make_post(published_at=now - datetime.timedelta(days=3))
    pinned_new = make_post(published_at=now - datetime.timedelta(days=10), pinned=True)

    response = client.get(f"/{language}/news/", HTTP_USER_AGENT=BROWSER)

    assert list(response.context["posts"]) == [pinned_new, pinned_old, newest, middle]

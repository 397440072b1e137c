"""The translated admin (common/admin.py): language tabs, the languages column and filter, and
the translation status page."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from common.models import TranslationSource, TranslatorLanguage
from common.permissions import writable_languages
from news.models import Post
from tests.factories import (
    make_attachment,
    make_category,
    make_edition,
    make_member,
    make_organization,
    make_partner,
    make_post,
    make_session,
    make_speaker,
    make_staff,
    post_translation_form_data,
)

pytestmark = pytest.mark.django_db

JQUERY_UI = "/static/vendor/jquery-ui/jquery-ui.min.js"


@pytest.fixture
def one_of_each(tmp_path):
    from django.core.files.base import ContentFile

    edition = make_edition()
    organization = make_organization()
    partner = make_partner(edition, organization)
    session = make_session(edition)
    person = make_speaker(session).person
    category = make_category()
    post = make_post(category, edition=edition)
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    return {
        "edition": (edition, "theme"),
        "organization": (organization, "name"),
        "editionpartner": (partner, None),
        "session": (session, "title"),
        "person": (person, "name"),
        "category": (category, "name"),
        "post": (post, "title"),
        "attachment": (attachment, "title"),
    }


@pytest.mark.parametrize(
    "model_name", ["edition", "organization", "editionpartner", "session", "person", "category", "post", "attachment"]
)
def test_admin_changelist_and_change_form_render_with_both_language_inputs(staff_client, one_of_each, model_name):
    obj, translated_field = one_of_each[model_name]
    app_label = obj._meta.app_label

    changelist = staff_client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    change_form = staff_client.get(reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk]))
    add_form = staff_client.get(reverse(f"admin:{app_label}_{model_name}_add"))

    assert (changelist.status_code, change_form.status_code, add_form.status_code) == (200, 200, 200)
    assertContains(changelist, str(obj))
    if translated_field:
        for response in (change_form, add_form):
            assertContains(response, f'name="{translated_field}_ko"')
            assertContains(response, f'name="{translated_field}_en"')
            assertContains(response, f'<script src="{JQUERY_UI}"></script>', html=True)
            assertNotContains(response, "googleapis")


def test_admin_post_list_shows_which_languages_are_filled(staff_client):
    make_post(title_ko="양쪽 언어 글", title_en="Both languages")
    make_post(title_ko="한국어만 있는 글", title_en="")

    response = staff_client.get(reverse("admin:news_post_changelist"))

    rows = response.context["cl"].result_list
    assert [post.languages for post in rows] == [["ko"], ["ko", "en"]]
    assertContains(response, '<span title="영어">EN ✗</span>', html=True)
    assertContains(response, '<span title="영어">EN ✓</span>', html=True)


def test_admin_post_list_filters_missing_english(staff_client):
    make_post(title_ko="양쪽 언어 글", title_en="Both languages")
    korean_only = make_post(title_ko="한국어만 있는 글", title_en="")

    response = staff_client.get(reverse("admin:news_post_changelist"), {"missing": "en"})

    assert list(response.context["cl"].result_list) == [korean_only]


def test_jquery_ui_for_the_admin_tabs_is_served_locally(settings):
    settings.WHITENOISE_USE_FINDERS = True

    response = Client().get(JQUERY_UI)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"/*! jQuery UI - v1.14.2")


# The translation status page


def missing_of(response, model, language):
    return next(
        row["missing"] for row in response.context["rows"] if (row["model"], row["language"]) == (model, language)
    )


def test_translation_status_counts_missing_translations_per_model_and_language(staff_client):
    make_post(title_en="", summary_en="", body_en="", slug="korean-only")
    make_post(summary_en="", slug="no-english-summary")
    make_post(slug="complete")

    response = staff_client.get("/admin/translations/", HTTP_ACCEPT_LANGUAGE="en")

    assert [(item["field"], item["count"], item["url"]) for item in missing_of(response, "posts", "English")] == [
        ("title", 1, "/admin/news/post/?missing=title_en"),
        ("summary", 2, "/admin/news/post/?missing=summary_en"),
        ("body", 1, "/admin/news/post/?missing=body_en"),
    ]
    assert missing_of(response, "posts", "Korean") == []
    assertContains(response, '<a href="/admin/news/post/?missing=summary_en">summary: 2</a>', html=True)


def test_translation_status_link_lists_exactly_the_objects_to_fix(staff_client):
    lacking = make_post(summary_en="", slug="no-english-summary")
    make_post(slug="complete")
    make_post(summary_ko="", summary_en="", slug="no-summary-at-all")

    response = staff_client.get(reverse("admin:news_post_changelist"), {"missing": "summary_en"})

    assert list(response.context["cl"].result_list) == [lacking]


def test_translation_status_is_for_staff_only(client):
    response = client.get("/admin/translations/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# Translators by language (TranslatorLanguage, TranslatedFieldsOnlyMixin)

EMPTY_FORMSET = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}

KOREAN_COLUMNS = ("title_ko", "summary_ko", "body_ko", "cover_alt_ko")
ENGLISH_COLUMNS = ("title_en", "summary_en", "body_en", "cover_alt_en")


def translator(client, languages, username="translator"):
    client.force_login(make_member("Translators", username, languages=languages))
    return client


def columns(post, names):
    post = Post.objects.get(pk=post.pk)
    return {name: getattr(post, name) for name in names}


def forged_post(post, attachment, **values):
    """The post form as a translator posts it, attachment included, with `values` for
    any column, whether the form lets them write it or not."""
    return post_translation_form_data(post, **values) | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "1",
        "attachments-0-id": str(attachment.pk),
        "attachments-0-post": str(post.pk),
        "attachments-0-title_ko": values.get("attachment_title_ko", attachment.title_ko),
        "attachments-0-title_en": values.get("attachment_title_en", attachment.title_en),
    }


@pytest.mark.parametrize(
    ("languages", "disabled", "first_language"),
    [
        (["en"], KOREAN_COLUMNS, "en"),
        (["ko"], ENGLISH_COLUMNS, "ko"),
        (["en", "ko"], (), "en"),
        ([], KOREAN_COLUMNS + ENGLISH_COLUMNS, None),
    ],
)
def test_translator_form_disables_the_columns_of_languages_they_do_not_write(
    client, languages, disabled, first_language
):
    post = make_post()

    response = translator(client, languages).get(reverse("admin:news_post_change", args=[post.pk]))

    form = response.context["adminform"].form
    assert sorted(name for name, field in form.fields.items() if field.disabled) == sorted(disabled)
    assert sorted(form.fields) == sorted(KOREAN_COLUMNS + ENGLISH_COLUMNS)
    for name in disabled:
        assertContains(response, f'id="id_{name}"')
        assert "disabled" in re.search(rf'<(input|textarea)[^>]*id="id_{name}"[^>]*>', response.text).group(0)
    marker = f'<div hidden id="translator-first-language" data-language="{first_language}"></div>'
    if first_language:
        assertContains(response, marker, html=True)
    else:
        assertNotContains(response, 'id="translator-first-language"')


def test_english_translator_forging_korean_columns_changes_only_english(client):
    post = make_post(title_ko="포럼 개막", title_en="Forum opens")
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    korean_before = columns(post, KOREAN_COLUMNS)

    response = translator(client, ["en"]).post(
        reverse("admin:news_post_change", args=[post.pk]),
        forged_post(
            post,
            attachment,
            title_ko="위조된 제목",
            summary_ko="위조",
            body_ko="<p>위조</p>",
            cover_alt_ko="위조",
            title_en="The forum opens",
            attachment_title_ko="위조된 자료",
            attachment_title_en="Program",
        ),
    )

    assert response.status_code == 302
    assert columns(post, KOREAN_COLUMNS) == korean_before
    assert Post.objects.get(pk=post.pk).title_en == "The forum opens"
    attachment.refresh_from_db()
    assert (attachment.title_ko, attachment.title_en) == ("자료집", "Program")


def test_korean_translator_forging_english_columns_changes_only_korean(client):
    post = make_post(title_ko="포럼 개막", title_en="Forum opens")
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    english_before = columns(post, ENGLISH_COLUMNS)

    response = translator(client, ["ko"]).post(
        reverse("admin:news_post_change", args=[post.pk]),
        forged_post(
            post,
            attachment,
            title_ko="포럼이 열리다",
            title_en="Forged title",
            summary_en="Forged",
            body_en="<p>Forged</p>",
            cover_alt_en="Forged",
            attachment_title_ko="프로그램",
            attachment_title_en="Forged file",
        ),
    )

    assert response.status_code == 302
    assert columns(post, ENGLISH_COLUMNS) == english_before
    assert Post.objects.get(pk=post.pk).title_ko == "포럼이 열리다"
    attachment.refresh_from_db()
    assert (attachment.title_ko, attachment.title_en) == ("프로그램", "Booklet")


def test_translator_without_languages_changes_nothing(client):
    post = make_post(title_ko="포럼 개막", title_en="Forum opens")
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    before = columns(post, KOREAN_COLUMNS + ENGLISH_COLUMNS)

    response = translator(client, []).post(
        reverse("admin:news_post_change", args=[post.pk]),
        forged_post(post, attachment, title_ko="위조", title_en="Forged", attachment_title_en="Forged"),
    )

    assert response.status_code == 302
    assert columns(post, KOREAN_COLUMNS + ENGLISH_COLUMNS) == before
    attachment.refresh_from_db()
    assert (attachment.title_ko, attachment.title_en) == ("자료집", "Booklet")


def test_english_translator_changes_the_english_theme_of_an_edition_but_not_the_korean(client):
    edition = make_edition()

    response = translator(client, ["en"]).post(
        reverse("admin:editions_edition_change", args=[edition.pk]),
        {
            "theme_ko": "위조",
            "theme_en": "Human Rights in Challenging Times",
            "summary_ko": "",
            "summary_en": "",
            "venue_ko": "위조",
            "venue_en": edition.venue_en,
            "poster_alt_ko": "",
            "poster_alt_en": "",
            **{
                f"{prefix}-{key}": value
                for prefix in ("partnerships", "sessions")
                for key, value in EMPTY_FORMSET.items()
            },
        },
    )

    assert response.status_code == 302
    edition.refresh_from_db()
    assert (edition.theme_ko, edition.venue_ko, edition.theme_en) == (
        "도전의 시대의 인권",
        "김대중컨벤션센터",
        "Human Rights in Challenging Times",
    )


def stale(obj):
    rows = TranslationSource.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
    return sorted(rows.filter(stale=True).values_list("field", "language"))


def test_translator_marks_only_their_languages_translations_up_to_date(client):
    post = make_post(title_ko="포럼 개막", summary_en="Summary")
    post.title_ko = "포럼이 열렸다"
    post.summary_en = "A new summary"
    post.save()
    assert stale(post) == [("summary", "ko"), ("title", "en")]
    url = reverse("admin:news_post_change", args=[post.pk])

    form = translator(client, ["en"]).get(url)
    client.post(url, post_translation_form_data(post) | {"translation_up_to_date": ["title_en", "summary_ko"]})

    assertContains(form, 'name="translation_up_to_date" value="title_en"', count=1)
    assertNotContains(form, 'name="translation_up_to_date" value="summary_ko"')
    assert stale(post) == [("summary", "ko")]


def test_editor_sets_a_translators_languages(editor_client):
    member = make_member("Translators", "translator")
    outsider = make_staff("outsider", superuser=False)
    url = reverse("admin:common_translatorlanguage_add")

    added = editor_client.post(url, {"user": member.pk, "language": "en", "order": "0"})
    refused = editor_client.post(url, {"user": outsider.pk, "language": "en", "order": "0"}, HTTP_ACCEPT_LANGUAGE="en")

    assert added.status_code == 302
    assert list(TranslatorLanguage.objects.values_list("user__username", "language")) == [("translator", "en")]
    assert refused.context["adminform"].form.errors["user"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]
    assert writable_languages(member) == ["en"]


def test_translator_cannot_set_their_own_languages(translator_client):
    response = translator_client.get(reverse("admin:common_translatorlanguage_changelist"))

    assert response.status_code == 403


# The admin in the staff's language


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("ko", ["로그인 잠금", "로그인 시도", "로그인 실패", "접속 기록", "화면 문구 번역", "화면 문구"]),
        (
            "en",
            [
                "Login lockout",
                "Access attempts",
                "Access failures",
                "Access logs",
                "Interface translation",
                "Interface strings",
            ],
        ),
    ],
)
def test_admin_home_names_the_login_lockout_and_interface_translation_in_the_staff_language(
    staff_client, language, names
):
    response = staff_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language)

    page = response.content.decode()
    section = re.search(r'<a href="/admin/axes/" class="section"[^>]*>([^<]+)</a>', page)[1]
    models = re.findall(r'<a href="/admin/axes/access\w+/">([^<]+)</a>', page)
    assert [section, *models] == names[:4]
    assertContains(response, f'<a class="section" href="/rosetta/files/project/">{names[4]}</a>')
    assertContains(response, f'<th scope="row"><a href="/rosetta/files/project/">{names[5]}</a></th>')
    assertNotContains(response, ">Rosetta<")


@pytest.mark.parametrize(("language", "labels"), [("ko", ["편집자", "번역자"]), ("en", ["Editors", "Translators"])])
def test_staff_groups_are_shown_in_the_staff_language_where_the_admin_lists_them(staff_client, language, labels):
    editors, translators = Group.objects.get(name="Editors"), Group.objects.get(name="Translators")
    user = make_member("Translators", "translator")

    groups = staff_client.get("/admin/auth/group/", HTTP_ACCEPT_LANGUAGE=language)
    users = staff_client.get("/admin/auth/user/", HTTP_ACCEPT_LANGUAGE=language)
    form = staff_client.get(f"/admin/auth/user/{user.pk}/change/", HTTP_ACCEPT_LANGUAGE=language)

    for label, group in zip(labels, [editors, translators], strict=True):
        assertContains(groups, f'<a href="/admin/auth/group/{group.pk}/change/">{label}</a>')
        assertContains(users, f'<a href="?groups__id__exact={group.pk}">{label}</a>')
        assertContains(
            form, f'<option value="{group.pk}"{" selected" if group == translators else ""}>{label}</option>'
        )


@pytest.mark.parametrize(("language", "label"), [("ko", "시각(한국 시간, KST):"), ("en", "Time (Korea, KST):")])
def test_every_date_and_time_field_is_labelled_korea_time(staff_client, language, label):
    """The post's publication and unpublishing times, a session's start and end, and the same
    in an edition's sessions."""
    post = make_post()
    session = make_session(make_edition(number=11))

    pages = [
        staff_client.get(f"/admin/news/post/{post.pk}/change/", HTTP_ACCEPT_LANGUAGE=language),
        staff_client.get(f"/admin/editions/session/{session.pk}/change/", HTTP_ACCEPT_LANGUAGE=language),
        staff_client.get(f"/admin/editions/edition/{session.edition.pk}/change/", HTTP_ACCEPT_LANGUAGE=language),
    ]

    assert [page.content.decode().count(f"{label} <input") for page in pages] == [2, 2, 4]

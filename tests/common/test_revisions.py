"""Stored revisions (common/revisions.py and TranslatedAdmin, on django-reversion): every
admin save stores both languages; history, compare, revert and recover in the admin."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from editions.models import Declaration, Edition
from news.models import Attachment, Post
from tests.editions.test_admin import declaration_form_data, edition_form_data
from tests.factories import (
    make_attachment,
    make_category,
    make_edition,
    make_member,
    make_post,
    make_session,
    make_staff,
)
from tests.factories import post_admin_form_data as post_form_data

pytestmark = pytest.mark.django_db

OPENS = {"title_ko": "제11회 포럼 개막", "title_en": "The 11th forum opens"}


@pytest.fixture
def post_saved_twice(staff_client):
    """A post added through the admin ("제11회 포럼 폐막" / "The 11th forum closes"), then
    changed to open instead of close, in both languages."""
    category = make_category()
    staff_client.post(reverse("admin:news_post_add"), post_form_data(category))
    post = Post.objects.get()
    staff_client.post(reverse("admin:news_post_change", args=[post.pk]), post_form_data(category, **OPENS))
    return post


def versions_of(obj):
    """The stored versions of `obj`, oldest first."""
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def checked_radios(response):
    """The radio buttons checked in the page, in its order."""
    return [
        {"name": name, "value": int(value)}
        for name, value in re.findall(r'<input type="radio" name="(\w+)" value="(\d+)"[^>]* checked>', response.text)
    ]


def titles(version):
    return (version.field_dict["title_ko"], version.field_dict["title_en"])


def test_each_admin_save_of_a_post_stores_a_revision_with_both_languages(post_saved_twice):
    versions = versions_of(post_saved_twice)

    assert [titles(version) for version in versions] == [
        ("제11회 포럼 폐막", "The 11th forum closes"),
        ("제11회 포럼 개막", "The 11th forum opens"),
    ]
    assert [version.revision.user.username for version in versions] == ["editor", "editor"]


def test_a_revision_of_a_post_keeps_its_attachments(staff_client):
    post = make_post(category=make_category())
    make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"), title_ko="프로그램", title_en="Program")
    data = post_form_data(post.category, slug=post.slug) | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "1",
        "attachments-0-id": str(post.attachments.get().pk),
        "attachments-0-post": str(post.pk),
        "attachments-0-title_ko": "프로그램",
        "attachments-0-title_en": "Program",
        "attachments-0-order": "0",
    }

    response = staff_client.post(reverse("admin:news_post_change", args=[post.pk]), data)

    assert response.status_code == 302
    (revision,) = {version.revision for version in Version.objects.all()}
    stored = sorted((version.content_type.model, version.object_repr) for version in revision.version_set.all())
    assert stored == [("attachment", "프로그램"), ("post", "제11회 포럼 폐막")]


def test_each_admin_save_of_an_edition_stores_a_revision_with_both_languages(staff_client):
    staff_client.post(reverse("admin:editions_edition_add"), edition_form_data())
    edition = Edition.objects.get()
    staff_client.post(
        reverse("admin:editions_edition_change", args=[edition.pk]),
        edition_form_data(theme_en="The Climate Crisis and Human Rights"),
    )

    assert [(v.field_dict["theme_ko"], v.field_dict["theme_en"]) for v in versions_of(edition)] == [
        ("기후 위기와 인권", "Climate Crisis and Human Rights"),
        ("기후 위기와 인권", "The Climate Crisis and Human Rights"),
    ]


@pytest.mark.parametrize(
    ("language", "title", "korean", "english", "older_newer"),
    [
        ("en", "Title", "Korean", "English", ("Older", "Newer")),
        ("ko", "제목", "한국어", "영어", ("이전", "이후")),
    ],
)
def test_history_lists_the_revisions_with_author_and_radio_buttons_to_compare(
    staff_client, post_saved_twice, language, title, korean, english, older_newer
):
    old, new = versions_of(post_saved_twice)

    response = staff_client.get(
        reverse("admin:news_post_history", args=[post_saved_twice.pk]), HTTP_ACCEPT_LANGUAGE=language
    )

    assert [action["version"] for action in response.context["action_list"]] == [new, old]
    assertContains(response, "<td>editor</td>", count=2, html=True)
    assertContains(
        response, f'<input type="radio" name="old" value="{old.pk}" aria-label="{older_newer[0]}: ', count=1
    )
    assert [(field["name"], field["value"]) for field in checked_radios(response)] == [
        ("new", new.pk),
        ("old", old.pk),
    ]
    assertContains(response, f'<th scope="col">{older_newer[0]}</th>', html=True)
    assertContains(response, reverse("admin:news_post_revision", args=[post_saved_twice.pk, old.pk]))


@pytest.mark.parametrize(
    ("language", "title", "korean", "english"),
    [("en", "Title", "Korean", "English"), ("ko", "제목", "한국어", "영어")],
)
def test_compare_shows_the_changed_words_of_each_language(
    staff_client, post_saved_twice, language, title, korean, english
):
    field = title.lower()
    old, new = versions_of(post_saved_twice)
    url = reverse("admin:news_post_compare", args=[post_saved_twice.pk])

    response = staff_client.get(url, {"old": new.pk, "new": old.pk}, HTTP_ACCEPT_LANGUAGE=language)

    assert [(str(row["field"]), row["language"], row["changes"]) for row in response.context["changes"]] == [
        (field, korean, [("same", "제11회 포럼"), ("deleted", "폐막"), ("inserted", "개막")]),
        (field, english, [("same", "The 11th forum"), ("deleted", "closes"), ("inserted", "opens")]),
    ]
    assertContains(
        response,
        f'<tr><th scope="row">{title}</th><td>{korean}</td>'
        '<td class="source-changes">제11회 포럼 <del>폐막</del> <ins>개막</ins></td></tr>',
        html=True,
    )
    assertContains(
        response,
        f'<tr><th scope="row">{title}</th><td>{english}</td>'
        '<td class="source-changes">The 11th forum <del>closes</del> <ins>opens</ins></td></tr>',
        html=True,
    )


def test_compare_shows_an_untranslated_field_before_and_after(staff_client):
    category = make_category()
    staff_client.post(reverse("admin:news_post_add"), post_form_data(category))
    post = Post.objects.get()
    staff_client.post(reverse("admin:news_post_change", args=[post.pk]), post_form_data(category, status="published"))
    old, new = versions_of(post)

    response = staff_client.get(
        reverse("admin:news_post_compare", args=[post.pk]), {"old": old.pk, "new": new.pk}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert [(str(row["field"]), row["before"], row["after"]) for row in response.context["changes"]] == [
        ("status", "Draft", "Published")
    ]


@pytest.mark.parametrize("query", [{}, {"old": "1"}, {"old": "x", "new": "y"}, {"old": "99999", "new": "99998"}])
def test_compare_without_two_revisions_of_the_object_is_a_404(staff_client, post_saved_twice, query):
    other = make_post()
    staff_client.post(
        reverse("admin:news_post_change", args=[other.pk]), post_form_data(other.category, slug=other.slug)
    )
    if query.get("old") == "1":
        query = {"old": str(versions_of(other)[0].pk), "new": str(versions_of(post_saved_twice)[0].pk)}

    response = staff_client.get(reverse("admin:news_post_compare", args=[post_saved_twice.pk]), query)

    assert response.status_code == 404


def test_revert_restores_the_old_titles_and_stores_a_third_revision(staff_client, post_saved_twice):
    old, _new = versions_of(post_saved_twice)
    Post.objects.filter(pk=post_saved_twice.pk).update(view_count=42)
    url = reverse("admin:news_post_revision", args=[post_saved_twice.pk, old.pk])

    form = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    title_after_a_look = Post.objects.get(pk=post_saved_twice.pk).title_en
    response = staff_client.post(url, post_form_data(post_saved_twice.category), HTTP_ACCEPT_LANGUAGE="en")

    assert form.context["adminform"].form.initial["title_en"] == "The 11th forum closes"
    assertContains(form, "Press the save button below to revert to this version.")
    assert title_after_a_look == "The 11th forum opens"
    assert response.status_code == 302
    post = Post.objects.get(pk=post_saved_twice.pk)
    assert (post.title_ko, post.title_en, post.view_count) == ("제11회 포럼 폐막", "The 11th forum closes", 42)
    versions = versions_of(post)
    assert [titles(version) for version in versions] == [
        ("제11회 포럼 폐막", "The 11th forum closes"),
        ("제11회 포럼 개막", "The 11th forum opens"),
        ("제11회 포럼 폐막", "The 11th forum closes"),
    ]
    assert versions[2].revision.comment.startswith("Reverted to previous version, saved on ")


def test_revert_keeps_the_download_counts_of_attachments(staff_client):
    post = make_post(category=make_category())
    attachment = make_attachment(post, ContentFile(b"%PDF-1.4", name="program.pdf"))
    data = post_form_data(post.category, slug=post.slug)
    staff_client.post(reverse("admin:news_post_change", args=[post.pk]), data)
    Attachment.objects.filter(pk=attachment.pk).update(download_count=7)
    data |= {
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "1",
        "attachments-0-id": str(attachment.pk),
        "attachments-0-post": str(post.pk),
        "attachments-0-title_ko": "자료집",
        "attachments-0-title_en": "Booklet",
        "attachments-0-order": "0",
    }

    response = staff_client.post(reverse("admin:news_post_revision", args=[post.pk, versions_of(post)[0].pk]), data)

    assert response.status_code == 302
    assert Attachment.objects.get(pk=attachment.pk).download_count == 7


def test_translator_may_compare_but_not_revert(client, post_saved_twice):
    old, new = versions_of(post_saved_twice)
    client.force_login(make_member("Translators", "translator"))
    revision_url = reverse("admin:news_post_revision", args=[post_saved_twice.pk, old.pk])

    history = client.get(reverse("admin:news_post_history", args=[post_saved_twice.pk]))
    compare = client.get(
        reverse("admin:news_post_compare", args=[post_saved_twice.pk]), {"old": old.pk, "new": new.pk}
    )
    revert = client.post(revision_url, post_form_data(post_saved_twice.category))

    assert (history.status_code, compare.status_code, revert.status_code) == (200, 200, 403)
    assertNotContains(history, revision_url)
    assert Post.objects.get(pk=post_saved_twice.pk).title_en == "The 11th forum opens"
    assert len(versions_of(post_saved_twice)) == 2


def test_staff_who_may_only_view_posts_cannot_revert(client, post_saved_twice):
    viewer = make_staff("viewer", superuser=False)
    viewer.user_permissions.add(Permission.objects.get(codename="view_post"))
    client.force_login(viewer)
    old, _new = versions_of(post_saved_twice)

    response = client.post(
        reverse("admin:news_post_revision", args=[post_saved_twice.pk, old.pk]),
        post_form_data(post_saved_twice.category),
    )

    assert response.status_code == 403
    assert Post.objects.get(pk=post_saved_twice.pk).title_en == "The 11th forum opens"


def test_editor_reverts_a_post(client, post_saved_twice):
    old, _new = versions_of(post_saved_twice)
    client.force_login(make_member("Editors", "chief-editor"))

    response = client.post(
        reverse("admin:news_post_revision", args=[post_saved_twice.pk, old.pk]),
        post_form_data(post_saved_twice.category),
    )

    assert response.status_code == 302
    assert Post.objects.get(pk=post_saved_twice.pk).title_en == "The 11th forum closes"


@pytest.mark.parametrize(("language", "link"), [("en", "Recover deleted posts"), ("ko", "삭제된 게시글 복구")])
def test_deleted_post_is_recovered_from_its_last_revision(staff_client, post_saved_twice, language, link):
    pk = post_saved_twice.pk
    staff_client.post(reverse("admin:news_post_delete", args=[pk]), {"post": "yes"})
    (deleted,) = Version.objects.get_deleted(Post)

    changelist = staff_client.get(reverse("admin:news_post_changelist"), HTTP_ACCEPT_LANGUAGE=language)
    recover_list = staff_client.get(reverse("admin:news_post_recoverlist"), HTTP_ACCEPT_LANGUAGE=language)
    response = staff_client.post(
        reverse("admin:news_post_recover", args=[deleted.pk]), post_form_data(post_saved_twice.category, **OPENS)
    )

    assertContains(changelist, f'class="recoverlink">{link}</a>')
    assertContains(recover_list, "<td>제11회 포럼 개막</td>", html=True)
    assert response.status_code == 302
    post = Post.objects.get(pk=pk)
    assert (post.title_ko, post.title_en) == ("제11회 포럼 개막", "The 11th forum opens")
    assert len(versions_of(post)) == 3


def test_translator_cannot_recover_a_deleted_post(client, staff_client, post_saved_twice):
    staff_client.post(reverse("admin:news_post_delete", args=[post_saved_twice.pk]), {"post": "yes"})
    (deleted,) = Version.objects.get_deleted(Post)
    client.force_login(make_member("Translators", "translator"))

    recover_list = client.get(reverse("admin:news_post_recoverlist"))
    recover = client.post(
        reverse("admin:news_post_recover", args=[deleted.pk]), post_form_data(post_saved_twice.category)
    )

    assert (recover_list.status_code, recover.status_code) == (403, 403)
    assert not Post.objects.exists()


def test_reverting_a_declaration_gives_a_new_paragraph_a_number_never_given_before(staff_client):
    edition = make_edition()
    url = reverse("admin:editions_declaration_add")
    staff_client.post(url, declaration_form_data(edition))
    declaration = Declaration.objects.get()
    first_version = versions_of(declaration)[0]
    change = reverse("admin:editions_declaration_change", args=[declaration.pk])
    staff_client.post(change, declaration_form_data(edition, **paragraph_forms(declaration, new_text="셋째 문단")))
    assert declaration.paragraphs.count() == 3

    revision = reverse("admin:editions_declaration_revision", args=[declaration.pk, first_version.pk])
    response = staff_client.post(
        revision, declaration_form_data(edition, **paragraph_forms(declaration, new_text="새 문단"))
    )

    assert response.status_code == 302
    assert sorted(declaration.paragraphs.values_list("number", "text_ko")) == [
        (1, "첫째 문단"),
        (2, "둘째 문단"),
        (4, "새 문단"),
    ]
    assert Declaration.objects.get(pk=declaration.pk).last_paragraph_number == 4


def paragraph_forms(declaration, new_text):
    """The paragraph forms of the declaration's first two paragraphs, and one new one."""
    data = {"paragraphs-TOTAL_FORMS": "3", "paragraphs-INITIAL_FORMS": "2"}
    for index, paragraph in enumerate(declaration.paragraphs.order_by("number")[:2]):
        data |= {
            f"paragraphs-{index}-id": paragraph.pk,
            f"paragraphs-{index}-declaration": declaration.pk,
            f"paragraphs-{index}-order": paragraph.order,
            f"paragraphs-{index}-text_ko": paragraph.text_ko,
            f"paragraphs-{index}-text_en": paragraph.text_en,
        }
    return data | {"paragraphs-2-order": "", "paragraphs-2-text_ko": new_text, "paragraphs-2-text_en": ""}


def test_reverting_an_edition_keeps_the_sessions_added_since(staff_client):
    staff_client.post(reverse("admin:editions_edition_add"), edition_form_data())
    edition = Edition.objects.get()
    session = make_session(edition)
    staff_client.post(
        reverse("admin:editions_edition_change", args=[edition.pk]), edition_form_data(theme_en="A new theme")
    )
    first_version = versions_of(edition)[0]

    response = staff_client.post(
        reverse("admin:editions_edition_revision", args=[edition.pk, first_version.pk]),
        edition_form_data(**{"sessions-TOTAL_FORMS": "1", "sessions-INITIAL_FORMS": "1", **session_form(session)}),
    )

    assert response.status_code == 302
    assert Edition.objects.get(pk=edition.pk).theme_en == "Climate Crisis and Human Rights"
    assert list(edition.sessions.all()) == [session]


def session_form(session):
    return {
        "sessions-0-id": session.pk,
        "sessions-0-edition": session.edition_id,
        "sessions-0-kind": session.kind,
        "sessions-0-title_ko": session.title_ko,
        "sessions-0-title_en": session.title_en or "",
        "sessions-0-field_ko": session.field_ko or "",
        "sessions-0-field_en": session.field_en or "",
        "sessions-0-starts_at_0": session.starts_at.astimezone().strftime("%Y-%m-%d"),
        "sessions-0-starts_at_1": session.starts_at.astimezone().strftime("%H:%M:%S"),
        "sessions-0-ends_at_0": "",
        "sessions-0-ends_at_1": "",
        "sessions-0-room": session.room or "",
    }

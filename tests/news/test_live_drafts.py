"""Draft changes to a live post and scheduled unpublishing (news/models.py, news/admin.py,
news/views.py): one feature across the model, its admin and the public pages, so its tests
are kept together here."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from news.models import Post
from tests.factories import make_category, make_post, post_translation_form_data, seoul
from tests.pages import BROWSER, card_titles, messages_of, rss_items

pytestmark = pytest.mark.django_db


def reader_page(url):
    """`url` as an anonymous reader's browser gets it (the page cache serves readers)."""
    return Client().get(url, HTTP_USER_AGENT=BROWSER)


def article(post, language):
    return reader_page(f"/{language}/news/{post.pk}/{post.slug}/")


def change_url(post):
    return reverse("admin:news_post_change", args=[post.pk])


def preview_url(post, language):
    return f"/{language}/news/preview/{post.pk}/"


def live_post_form_data(post, **overrides):
    """What an editor's change form posts for the live `post`, as it is (with the hidden
    initial value Django adds for a field with a callable default)."""
    published_at = timezone.localtime(post.published_at)
    date, time = published_at.strftime("%Y-%m-%d"), published_at.strftime("%H:%M:%S")
    data = post_translation_form_data(post) | {
        "slug": post.slug,
        "category": post.category_id,
        "status": post.status,
        "published_at_0": date,
        "published_at_1": time,
        "initial-published_at_0": date,
        "initial-published_at_1": time,
    }
    return data | overrides


@pytest.fixture
def live_post():
    return make_post(
        slug="forum-opens",
        title_ko="포럼 개막",
        title_en="The forum opens",
        summary_ko="닷새 동안 열립니다.",
        summary_en="Five days of sessions.",
        published_at=seoul(2024, 9, 1, 9, 0),
    )


NEW_TEXTS = {
    "title_ko": "제14회 포럼 개막",
    "title_en": "The 14th forum opens",
    "summary_ko": "엿새 동안 열립니다.",
    "summary_en": "Six days of sessions.",
}


# Save draft


def test_save_draft_keeps_the_live_page_in_both_languages(editor_client, live_post):
    article(live_post, "ko")  # cached, as readers see it

    response = editor_client.post(
        change_url(live_post), live_post_form_data(live_post, **NEW_TEXTS, _save_draft="Save draft")
    )

    assert response.status_code == 302
    assert response["Location"] == change_url(live_post)
    korean, english = article(live_post, "ko"), article(live_post, "en")
    assertContains(korean, "<h1>포럼 개막</h1>")
    assertContains(korean, "닷새 동안 열립니다.")
    assertNotContains(korean, "제14회")
    assertContains(english, "<h1>The forum opens</h1>")
    assertContains(english, "Five days of sessions.")
    assertNotContains(english, "14th")
    saved = Post.objects.get(pk=live_post.pk)
    assert (saved.title_ko, saved.title_en, saved.draft_publish_at) == ("포럼 개막", "The forum opens", None)
    assert saved.draft == NEW_TEXTS


def test_save_draft_stores_no_revision_and_says_the_live_page_is_unchanged(editor_client, live_post):
    response = editor_client.post(
        change_url(live_post),
        live_post_form_data(live_post, **NEW_TEXTS, _save_draft="Save draft"),
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )

    assert messages_of(response) == [
        "Draft saved: readers still see the post as it was. Preview the changes, then publish them."
    ]
    assert Version.objects.get_for_object(live_post).count() == 0


def test_change_form_of_a_post_with_a_draft_shows_the_draft_and_links_its_previews(editor_client, live_post):
    live_post.save_draft(NEW_TEXTS)

    response = editor_client.get(change_url(live_post), HTTP_ACCEPT_LANGUAGE="ko")

    form = response.context["adminform"].form
    assert (form["title_ko"].value(), form["title_en"].value()) == ("제14회 포럼 개막", "The 14th forum opens")
    assertContains(response, "이 글에는 임시 변경 사항이 있으며, 이 양식에 보입니다.")
    assertContains(response, f'<a href="/ko/news/preview/{live_post.pk}/">변경 사항 미리 보기 (한국어)</a>')
    assertContains(response, f'<a href="/en/news/preview/{live_post.pk}/">변경 사항 미리 보기 (영어)</a>')
    assertContains(response, '<input type="submit" value="변경 사항 게시" class="default" name="_publish_changes">')
    assertContains(response, '<input type="submit" value="임시 저장" name="_save_draft">')
    assertNotContains(response, 'name="_save"')


def test_save_draft_refuses_changes_other_than_texts(editor_client, live_post):
    other = make_category(slug="press", name_ko="보도자료", name_en="Press releases")

    response = editor_client.post(
        change_url(live_post),
        live_post_form_data(live_post, title_ko="바뀐 제목", category=other.pk, _save_draft="Save draft"),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "Draft changes of a live post hold only its texts (titles, summaries, bodies, cover alt texts). "
        "Publish these changes at once, or make them after the draft is published: Category."
    ]
    saved = Post.objects.get(pk=live_post.pk)
    assert (saved.title_ko, saved.category, saved.draft) == ("포럼 개막", live_post.category, None)


def test_draft_body_is_cleaned_as_a_saved_body(editor_client, live_post):
    editor_client.post(
        change_url(live_post),
        live_post_form_data(
            live_post, body_ko='<p>새 본문<script>alert(1)</script></p><p onclick="x()">끝</p>', _save_draft="1"
        ),
    )

    assert Post.objects.get(pk=live_post.pk).draft["body_ko"] == "<p>새 본문</p><p>끝</p>"


# Preview


@pytest.mark.parametrize(
    ("language", "title", "summary", "notice"),
    [
        (
            "ko",
            "제14회 포럼 개막",
            "엿새 동안 열립니다.",
            "게시된 글입니다. 이 미리 보기는 아직 독자에게 보이지 않는 임시 변경 사항을 보여 줍니다.",
        ),
        (
            "en",
            "The 14th forum opens",
            "Six days of sessions.",
            "This post is published; this preview shows its draft changes, which readers do not see yet.",
        ),
    ],
)
def test_preview_shows_the_draft_changes(staff_client, live_post, language, title, summary, notice):
    live_post.save_draft(NEW_TEXTS)

    response = staff_client.get(preview_url(live_post, language), HTTP_USER_AGENT=BROWSER)

    assertContains(response, f"<h1>{title}</h1>")
    assertContains(response, summary)
    assertContains(response, notice)


# Publish changes


def test_publish_changes_makes_the_draft_live_and_stores_a_revision(editor_client, live_post):
    article(live_post, "ko")
    live_post.save_draft(NEW_TEXTS)
    form = live_post_form_data(Post.objects.get(pk=live_post.pk).with_draft(), _publish_changes="Publish changes")

    response = editor_client.post(change_url(live_post), form)

    assert response.status_code == 302
    assertContains(article(live_post, "ko"), "<h1>제14회 포럼 개막</h1>")
    assertContains(article(live_post, "en"), "<h1>The 14th forum opens</h1>")
    saved = Post.objects.get(pk=live_post.pk)
    assert (saved.title_ko, saved.summary_en, saved.draft, saved.draft_publish_at) == (
        "제14회 포럼 개막",
        "Six days of sessions.",
        None,
        None,
    )
    (version,) = Version.objects.get_for_object(live_post)
    assert (version.field_dict["title_ko"], version.field_dict["title_en"]) == (
        "제14회 포럼 개막",
        "The 14th forum opens",
    )


def test_scheduled_changes_go_live_at_their_time(editor_client, live_post, time_machine):
    now = seoul(2024, 10, 1, 9, 0)
    time_machine.move_to(now, tick=False)
    reader_page("/ko/news/")
    response = editor_client.post(
        change_url(live_post),
        live_post_form_data(
            live_post,
            **NEW_TEXTS,
            publish_changes_at_0="2024-10-01",
            publish_changes_at_1="09:30:00",
            _publish_changes="Publish changes",
        ),
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert messages_of(response) == [
        "The changes go live on Oct. 1, 2024, 9:30 a.m.; until then readers see the post as it was."
    ]
    assert card_titles(reader_page("/ko/news/")) == ["포럼 개막"]
    assertContains(article(live_post, "en"), "<h1>The forum opens</h1>")

    time_machine.move_to(now + datetime.timedelta(minutes=30, seconds=1), tick=False)
    listed = reader_page("/ko/news/")

    assert card_titles(listed) == ["제14회 포럼 개막"]
    assertContains(article(live_post, "en"), "<h1>The 14th forum opens</h1>")
    saved = Post.objects.get(pk=live_post.pk)
    assert (saved.title_ko, saved.draft, saved.draft_publish_at) == ("제14회 포럼 개막", None, None)
    (version,) = Version.objects.get_for_object(live_post)
    assert version.field_dict["title_en"] == "The 14th forum opens"
    assert version.revision.get_comment() == "Changed title and summary."


def test_changelist_shows_live_posts_with_draft_changes(editor_client, live_post):
    scheduled = make_post(title_ko="예약 변경 글", published_at=seoul(2024, 9, 2))
    make_post(title_ko="그냥 게시된 글", published_at=seoul(2024, 9, 3))
    live_post.save_draft(NEW_TEXTS)
    scheduled.save_draft({"title_ko": "바뀔 제목"}, publish_at=timezone.now() + datetime.timedelta(days=1))

    korean = editor_client.get(reverse("admin:news_post_changelist"), HTTP_ACCEPT_LANGUAGE="ko")
    english = editor_client.get(reverse("admin:news_post_changelist"), HTTP_ACCEPT_LANGUAGE="en")

    assertContains(korean, '<td class="field-state">게시 중 + 변경 예약</td>', html=True)
    assertContains(korean, '<td class="field-state">게시됨</td>', html=True)
    assertContains(korean, '<td class="field-state">게시 중 + 임시 변경</td>', html=True)
    assertContains(english, '<td class="field-state">Live + draft changes</td>', html=True)
    assertContains(english, '<td class="field-state">Live + scheduled changes</td>', html=True)


# Who may publish


def test_translator_edits_the_live_post_and_never_sees_the_editors_draft(translator_client, live_post):
    live_post.save_draft(NEW_TEXTS)

    response = translator_client.get(change_url(live_post), HTTP_ACCEPT_LANGUAGE="en")

    form = response.context["adminform"].form
    assert (form["title_ko"].value(), form["title_en"].value()) == ("포럼 개막", "The forum opens")
    assert "publish_changes_at" not in form.fields
    assertContains(response, '<input type="submit" value="Save" class="default" name="_save">')
    assertNotContains(response, "_save_draft")
    assertNotContains(response, "_publish_changes")


def test_forged_publish_changes_by_a_translator_publishes_no_draft(translator_client, live_post):
    live_post.save_draft({"title_ko": "편집자의 임시 제목", "title_en": "The editor's draft title"})

    response = translator_client.post(
        change_url(live_post),
        post_translation_form_data(
            live_post,
            title_ko="편집자의 임시 제목",
            title_en="Opening",
            publish_changes_at_0="2024-01-01",
            publish_changes_at_1="00:00:00",
            _publish_changes="Publish changes",
            _save_draft="Save draft",
        ),
    )

    assert response.status_code == 302
    saved = Post.objects.get(pk=live_post.pk)
    # The translator's own English title is saved, as any of their translations; the
    # editor's draft stays a draft, unscheduled.
    assert (saved.title_ko, saved.title_en, saved.draft_publish_at) == ("포럼 개막", "Opening", None)
    assert saved.draft == {"title_ko": "편집자의 임시 제목", "title_en": "The editor's draft title"}
    assertContains(article(live_post, "ko"), "<h1>포럼 개막</h1>")


def test_publishing_a_draft_keeps_a_translation_it_does_not_change(live_post):
    live_post.save_draft({"title_ko": "제14회 포럼 개막"})
    Post.objects.filter(pk=live_post.pk).update(title_en="Opening")  # a translator's save meanwhile
    post = Post.objects.get(pk=live_post.pk)

    post.publish_draft()

    saved = Post.objects.get(pk=live_post.pk)
    assert (saved.title_ko, saved.title_en, saved.draft) == ("제14회 포럼 개막", "Opening", None)


def test_save_draft_without_a_change_discards_the_draft(editor_client, live_post):
    live_post.save_draft(NEW_TEXTS)

    response = editor_client.post(
        change_url(live_post), live_post_form_data(live_post, _save_draft="Save draft"), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 302
    saved = Post.objects.get(pk=live_post.pk)
    assert (saved.title_ko, saved.draft, saved.draft_publish_at) == ("포럼 개막", None, None)


# Scheduled unpublishing


def test_post_leaves_every_public_page_at_its_unpublish_time(client, time_machine):
    now = seoul(2024, 10, 1, 9, 0)
    time_machine.move_to(now, tick=False)
    post = make_post(
        slug="call-for-papers",
        title_ko="발표 공모",
        title_en="Call for papers",
        published_at=seoul(2024, 9, 1),
        unpublish_at=now + datetime.timedelta(minutes=10),
    )
    make_post(title_ko="다른 소식", title_en="Other news", published_at=seoul(2024, 8, 1))
    before = [reader_page(url) for url in ("/ko/news/", "/en/news/feed/", "/en/search/?q=papers")]
    assert card_titles(before[0]) == ["발표 공모", "다른 소식"]
    assert [title for title, _link in rss_items(before[1])[1]] == ["Call for papers", "Other news"]
    assertContains(before[2], "1 result for “papers”")
    assert article(post, "ko").status_code == 200

    time_machine.move_to(now + datetime.timedelta(minutes=10, seconds=1), tick=False)

    assert card_titles(reader_page("/ko/news/")) == ["다른 소식"]
    assert card_titles(reader_page("/en/news/")) == ["Other news"]
    assert [title for title, _link in rss_items(reader_page("/en/news/feed/"))[1]] == ["Other news"]
    assertContains(reader_page("/en/search/?q=papers"), "No results for “papers”.")
    assert (article(post, "ko").status_code, article(post, "en").status_code) == (404, 404)
    assertNotContains(reader_page("/sitemap-news.xml"), "call-for-papers")
    assert list(Post.objects.published()) == [Post.objects.get(title_ko="다른 소식")]


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("ko", "게시 종료 시각은 게시일보다 뒤여야 합니다."),
        ("en", "The unpublish time must come after the publication date."),
    ],
)
def test_unpublish_time_before_the_publication_is_a_form_error(editor_client, live_post, language, error):
    response = editor_client.post(
        change_url(live_post),
        live_post_form_data(
            live_post, unpublish_at_0="2024-08-31", unpublish_at_1="09:00:00", _publish_changes="Publish changes"
        ),
        HTTP_ACCEPT_LANGUAGE=language,
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["unpublish_at"] == [error]
    assert Post.objects.get(pk=live_post.pk).unpublish_at is None


def test_changelist_marks_a_post_past_its_unpublish_time(editor_client, time_machine):
    time_machine.move_to(seoul(2024, 10, 1, 9, 0), tick=False)
    make_post(published_at=seoul(2024, 9, 1), unpublish_at=seoul(2024, 9, 30))

    response = editor_client.get(reverse("admin:news_post_changelist"), HTTP_ACCEPT_LANGUAGE="ko")

    assertContains(response, '<td class="field-state">게시 종료됨</td>', html=True)


def test_publish_now_drops_an_unpublish_time_already_past(editor_client, time_machine):
    time_machine.move_to(seoul(2024, 10, 1, 9, 0), tick=False)
    draft = make_post(status=Post.Status.DRAFT, published_at=seoul(2024, 9, 1), unpublish_at=seoul(2024, 9, 30))

    editor_client.post(
        reverse("admin:news_post_changelist"), {"action": "publish_now", "_selected_action": [draft.pk]}
    )

    draft.refresh_from_db()
    assert (draft.status, draft.published_at, draft.unpublish_at) == (
        Post.Status.PUBLISHED,
        seoul(2024, 10, 1, 9, 0),
        None,
    )
    assert list(Post.objects.published()) == [draft]

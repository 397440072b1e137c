"""Translations that know they are stale: when the text a translation was made from changes
after the translation was saved, the translation is flagged, in the admin and on the site."""

import hashlib

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from pytest_django.asserts import assertContains, assertNotContains

from common.freshness import word_changes
from common.models import TranslationSource
from news.models import Post
from tests.factories import make_edition, make_post, make_session, post_translation_form_data

pytestmark = pytest.mark.django_db


def recorded(obj, **conditions):
    """[(field, language), ...] of the translations of `obj` that have a source row."""
    rows = TranslationSource.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, **conditions
    )
    return sorted(rows.values_list("field", "language"))


def stale(obj):
    """[(field, language), ...] of the stale translations of `obj`."""
    return recorded(obj, stale=True)


def edit(obj, **values):
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def note(language):
    with translation.override(language):
        return f'<p class="notice" role="note">{gettext("This translation may be out of date.")}</p>'


def test_new_post_records_each_translation_fresh_with_the_other_languages_text():
    post = make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens", cover_alt_ko="", cover_alt_en="")

    source = TranslationSource.objects.get(object_id=post.pk, field="title", language="en")

    assert recorded(post) == [
        ("body", "en"),
        ("body", "ko"),
        ("summary", "en"),
        ("summary", "ko"),
        ("title", "en"),
        ("title", "ko"),
    ]
    assert (source.source_text, source.source_hash, source.stale) == (
        "제11회 포럼 개막",
        hashlib.sha256("제11회 포럼 개막".encode()).hexdigest(),
        False,
    )
    assert stale(post) == []


def test_changing_the_korean_title_makes_only_the_english_title_stale():
    post = make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens")

    edit(post, title_ko="제11회 포럼 폐막")

    assert stale(post) == [("title", "en")]


def test_saving_the_english_title_clears_its_flag():
    post = edit(make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens"), title_ko="제11회 포럼 폐막")

    edit(post, title_en="The 11th forum closes")

    assert stale(post) == []
    assert TranslationSource.objects.get(object_id=post.pk, field="title", language="en").source_text == (
        "제11회 포럼 폐막"
    )


def test_changing_the_english_source_makes_the_korean_translation_stale():
    """A post of the old English board: the English is the source, the Korean translates it."""
    post = make_post(summary_en="Mayors met in Gwangju.", summary_ko="시장들이 광주에서 만났습니다.")

    edit(post, summary_en="Mayors and UN experts met in Gwangju.")

    assert stale(post) == [("summary", "ko")]

    edit(post, summary_ko="시장들과 유엔 전문가들이 광주에서 만났습니다.")

    assert stale(post) == []


def test_changing_the_source_back_clears_the_flag():
    post = make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens")
    edit(post, title_ko="제11회 포럼 폐막")

    edit(post, title_ko="제11회 포럼 개막")

    assert stale(post) == []


def test_changing_both_languages_in_one_save_leaves_both_fresh():
    post = make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens")

    edit(post, title_ko="제11회 포럼 폐막", title_en="The 11th forum closes")

    assert stale(post) == []


def test_empty_translation_is_missing_not_stale():
    post = make_post(summary_ko="닷새 동안 열립니다.", summary_en="")

    edit(post, summary_ko="엿새 동안 열립니다.")

    assert stale(post) == []
    assert ("summary", "en") not in recorded(post)


def test_emptying_a_translation_drops_its_record():
    post = edit(make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens"), title_ko="제11회 포럼 폐막")

    edit(post, title_en="")

    assert stale(post) == []
    assert ("title", "en") not in recorded(post)


def test_emptying_the_source_leaves_an_original_that_is_not_stale():
    post = make_post(summary_ko="닷새 동안 열립니다.", summary_en="Five days of sessions.")

    edit(post, summary_ko="")

    assert (stale(post), [row for row in recorded(post) if row[0] == "summary"]) == ([], [])


def test_text_saved_before_freshness_was_kept_gets_a_fresh_record_on_its_next_save():
    post = make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens")
    TranslationSource.objects.all().delete()

    edit(post, pinned=True)
    edit(post, title_ko="제11회 포럼 폐막")

    assert stale(post) == [("title", "en")]


def test_a_save_of_other_fields_leaves_the_translated_columns_alone():
    post = make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens")

    post.title_ko = "저장되지 않는 제목"
    post.pinned = True
    post.save(update_fields=["pinned"])

    assert stale(post) == []


def test_a_save_of_the_korean_title_only_makes_the_english_title_stale():
    post = make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens")

    post.title_ko = "제11회 포럼 폐막"
    post.save(update_fields=["title_ko"])

    assert stale(post) == [("title", "en")]


def test_markup_change_of_the_korean_body_makes_the_english_body_stale():
    post = make_post(body_ko="<p>폐막식이 열렸습니다.</p>", body_en="<p>The closing ceremony was held.</p>")

    edit(post, body_ko="<p><strong>폐막식</strong>이 열렸습니다.</p>")

    assert stale(post) == [("body", "en")]


def test_deleting_an_object_deletes_its_records():
    edition = make_edition()
    session = make_session(edition, title_ko="개회식", title_en="Opening ceremony")

    session.delete()

    assert sorted(TranslationSource.objects.values_list("field", "language")) == [
        ("theme", "en"),
        ("theme", "ko"),
        ("venue", "en"),
        ("venue", "ko"),
    ]


def test_forum_sessions_and_editions_are_kept_too():
    edition = make_edition(theme_ko="도전의 시대의 인권", theme_en="Human Rights in Times of Challenge")
    session = make_session(edition, title_ko="개회식", title_en="Opening ceremony")

    edit(edition, theme_ko="위기의 시대의 인권")
    edit(session, title_en="Opening ceremony and welcome")

    assert (stale(edition), stale(session)) == ([("theme", "en")], [("title", "ko")])


def test_word_changes_show_deleted_and_inserted_words_with_a_little_context():
    before = "one two three four five six seven eight nine ten eleven twelve"
    after = "one two three four five six seven eight nine TEN eleven twelve"

    assert word_changes(before, after) == [
        ("same", "… two three four five six seven eight nine"),
        ("deleted", "ten"),
        ("inserted", "TEN"),
        ("same", "eleven twelve"),
    ]
    assert word_changes("같은 글", "같은  글") == []


def test_list_filter_finds_exactly_the_stale_translations(staff_client):
    english_title = edit(make_post(title_ko="개막", title_en="Opening"), title_ko="개막식")
    english_summary = edit(make_post(summary_ko="요약", summary_en="Summary"), summary_ko="새 요약")
    korean_title = edit(make_post(title_ko="폐막", title_en="Closing"), title_en="Closing ceremony")
    make_post(title_ko="최신", title_en="Up to date")
    changelist = reverse("admin:news_post_changelist")

    english = staff_client.get(changelist, {"stale": "en"})
    korean = staff_client.get(changelist, {"stale": "ko"})
    summaries = staff_client.get(changelist, {"stale": "summary_en"})

    assert list(english.context["cl"].result_list) == [english_summary, english_title]
    assert list(korean.context["cl"].result_list) == [korean_title]
    assert list(summaries.context["cl"].result_list) == [english_summary]


def test_forum_admins_have_the_freshness_filter_too(staff_client):
    edition = make_edition()
    stale_session = edit(make_session(edition, title_ko="개회식"), title_ko="개회식과 환영사")
    make_session(edition, title_ko="폐회식", title_en="Closing ceremony")

    response = staff_client.get(reverse("admin:editions_session_changelist"), {"stale": "en"})

    assert list(response.context["cl"].result_list) == [stale_session]


def test_change_form_shows_the_notice_with_the_changes_of_the_source(staff_client):
    post = make_post(
        title_ko="제11회 포럼 개막식 열려",
        title_en="The 11th forum opens",
        body_ko="<p>첫째 날 <strong>개막식</strong>이 열렸습니다.</p>",
        body_en="<p>The opening ceremony was held on the first day.</p>",
    )
    edit(post, title_ko="제11회 포럼 폐막식 열려", body_ko="<p>마지막 날 <strong>폐막식</strong>이 열렸습니다.</p>")

    response = staff_client.get(reverse("admin:news_post_change", args=[post.pk]), HTTP_ACCEPT_LANGUAGE="en")

    assertContains(
        response,
        "<strong>Title</strong>: English translation may be out of date — Korean changed since it was translated.",
        html=True,
    )
    assertContains(
        response,
        '<span class="source-changes">제11회 포럼 <del>개막식</del> <ins>폐막식</ins> 열려</span>',
        html=True,
    )
    assertContains(
        response,
        '<span class="source-changes"><del>첫째</del> <ins>마지막</ins> 날 <del>개막식이</del> <ins>폐막식이</ins> '
        "열렸습니다.</span>",
        html=True,
    )
    assertContains(
        response,
        '<input type="checkbox" name="translation_up_to_date" value="title_en">',
        html=True,
    )
    assertNotContains(response, 'value="summary_en"')


def test_change_form_of_a_fresh_post_shows_no_notice(staff_client):
    post = make_post()

    response = staff_client.get(reverse("admin:news_post_change", args=[post.pk]), HTTP_ACCEPT_LANGUAGE="en")

    assert response.context["stale_translations"] == []
    assertNotContains(response, "may be out of date")


def test_translator_saves_the_english_title_and_its_flag_clears(translator_client):
    post = edit(make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens"), title_ko="제11회 포럼 폐막")

    response = translator_client.post(
        reverse("admin:news_post_change", args=[post.pk]),
        post_translation_form_data(post, title_en="The 11th forum closes"),
    )

    assert response.status_code == 302
    assert Post.objects.get(pk=post.pk).title_en == "The 11th forum closes"
    assert stale(post) == []


def test_translator_marks_an_unchanged_translation_as_up_to_date(translator_client):
    post = make_post(title_ko="포럼 개막", title_en="Forum opens", summary_ko="요약", summary_en="Summary")
    edit(post, title_ko="포럼이 개막", summary_ko="새 요약")

    response = translator_client.post(
        reverse("admin:news_post_change", args=[post.pk]),
        post_translation_form_data(post, translation_up_to_date=["title_en"]),
    )

    assert response.status_code == 302
    assert Post.objects.get(pk=post.pk).title_en == "Forum opens"
    assert stale(post) == [("summary", "en")]
    assert TranslationSource.objects.get(object_id=post.pk, field="title", language="en").source_text == "포럼이 개막"


def test_translation_status_counts_stale_translations_apart_from_missing_ones(staff_client):
    edit(make_post(title_ko="개막", summary_ko="요약"), title_ko="개막식", summary_ko="새 요약")
    edit(make_post(summary_ko="요약"), summary_ko="다른 요약")
    edit(make_post(summary_ko="요약", summary_en=""), summary_ko="바뀐 요약")
    edit(make_post(title_en="Closing"), title_en="Closing ceremony")

    response = staff_client.get("/admin/translations/", HTTP_ACCEPT_LANGUAGE="en")

    rows = {(row["model"], row["language"]): row for row in response.context["rows"]}
    english, korean = rows[("posts", "English")], rows[("posts", "Korean")]
    assert [(item["field"], item["count"], item["url"]) for item in english["stale"]] == [
        ("title", 1, "/admin/news/post/?stale=title_en"),
        ("summary", 2, "/admin/news/post/?stale=summary_en"),
    ]
    assert (english["stale_objects"], english["stale_url"]) == (2, "/admin/news/post/?stale=en")
    assert [(item["field"], item["count"]) for item in english["missing"]] == [("summary", 1)]
    assert [(item["field"], item["count"], item["url"]) for item in korean["stale"]] == [
        ("title", 1, "/admin/news/post/?stale=title_ko")
    ]
    assert (korean["stale_objects"], korean["missing"]) == (1, [])
    assert (rows[("sessions", "English")]["stale"], rows[("sessions", "English")]["stale_objects"]) == ([], 0)
    assertContains(response, '<a href="/admin/news/post/?stale=en">2 objects</a>', html=True)
    assertContains(response, '<a href="/admin/news/post/?stale=summary_en">summary: 2</a>', html=True)


def test_english_article_notes_a_stale_translation_and_the_korean_one_does_not(client):
    post = edit(make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens"), title_ko="제11회 포럼 폐막")

    english = client.get(f"/en/news/{post.pk}/{post.slug}/")
    korean = client.get(f"/ko/news/{post.pk}/{post.slug}/")

    assertContains(english, note("en"), count=1, html=True)
    assertNotContains(korean, note("ko"), html=True)
    assertNotContains(korean, note("en"), html=True)


def test_korean_article_notes_a_stale_translation_of_an_english_source(client):
    post = edit(make_post(body_ko="<p>광주에서</p>", body_en="<p>In Gwangju</p>"), body_en="<p>In Gwangju, Korea</p>")

    english = client.get(f"/en/news/{post.pk}/{post.slug}/")
    korean = client.get(f"/ko/news/{post.pk}/{post.slug}/")

    assertNotContains(english, note("en"), html=True)
    assertContains(korean, note("ko"), count=1, html=True)


def test_article_note_goes_once_the_translation_is_saved_though_the_page_was_cached(client):
    post = edit(make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens"), title_ko="제11회 포럼 폐막")
    url = f"/en/news/{post.pk}/{post.slug}/"
    assertContains(client.get(url), note("en"), html=True)

    edit(post, title_en="The 11th forum closes")

    assertNotContains(client.get(url), note("en"), html=True)


def test_article_note_goes_once_a_translator_marks_the_translation_up_to_date(translator_client):
    post = edit(make_post(title_ko="제11회 포럼 개막", title_en="The 11th forum opens"), title_ko="제11회 포럼 폐막")
    url = f"/en/news/{post.pk}/{post.slug}/"
    reader = Client()
    assertContains(reader.get(url), note("en"), html=True)

    translator_client.post(
        reverse("admin:news_post_change", args=[post.pk]),
        post_translation_form_data(post, translation_up_to_date="title_en"),
    )

    assertNotContains(reader.get(url), note("en"), html=True)


def test_article_note_costs_no_query(client):
    fresh = make_post(title_en="Fresh")
    stale_post = edit(make_post(title_ko="개막", title_en="Opening"), title_ko="개막식")
    # The first page of a content version looks up the next scheduled post, once.
    client.get(f"/ko/news/{fresh.pk}/{fresh.slug}/")

    with CaptureQueriesContext(connection) as fresh_queries:
        fresh_page = client.get(f"/en/news/{fresh.pk}/{fresh.slug}/")
    with CaptureQueriesContext(connection) as stale_queries:
        stale_page = client.get(f"/en/news/{stale_post.pk}/{stale_post.slug}/")

    assertNotContains(fresh_page, note("en"), html=True)
    assertContains(stale_page, note("en"), html=True)
    assert len(stale_queries) == len(fresh_queries)


def test_edition_and_session_pages_note_their_stale_translations(client):
    edition = make_edition(number=11, summary_ko="광주에서 열린 포럼", summary_en="A forum held in Gwangju")
    session = make_session(edition, title_ko="개회식", title_en="Opening ceremony")
    other = make_session(edition, title_ko="폐회식", title_en="Closing ceremony")
    edit(edition, summary_ko="광주에서 닷새 동안 열린 포럼")
    edit(session, title_en="Opening ceremony and welcome")

    edition_en = client.get("/en/forums/11/")
    edition_ko = client.get("/ko/forums/11/")
    session_en = client.get(f"/en/forums/11/sessions/{session.pk}/")
    session_ko = client.get(f"/ko/forums/11/sessions/{session.pk}/")
    other_ko = client.get(f"/ko/forums/11/sessions/{other.pk}/")

    assertContains(edition_en, note("en"), count=1, html=True)
    assertNotContains(edition_ko, note("ko"), html=True)
    assertNotContains(session_en, note("en"), html=True)
    assertContains(session_ko, note("ko"), count=1, html=True)
    assertNotContains(other_ko, note("ko"), html=True)

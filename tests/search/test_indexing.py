"""The index kept current for sessions, organizations and declarations, and rebuilt by
`rebuild_search_index` (search/indexing.py)."""

import io

import pytest
from django.core.management import call_command

from search.models import SearchEntry
from search.query import parse
from tests.factories import (
    make_declaration,
    make_edition,
    make_organization,
    make_paragraph,
    make_partner,
    make_post,
    make_session,
    make_speaker,
)

pytestmark = pytest.mark.django_db


def found(text, kind):
    query = parse(text)
    entries = SearchEntry.objects.public().matching(query.requirements, query.phrases).filter(kind=kind)
    return list(entries.values_list("object_id", flat=True))


def test_session_is_found_by_its_speakers_and_hidden_with_its_forum():
    edition = make_edition(number=11)
    session = make_session(edition, title_ko="청년 세션", title_en="Youth session")
    make_speaker(session, name_ko="김인권", name_en="Kim Inkwon", affiliation_en="Gwangju Youth Centre")
    assert found("Gwangju youth centre", SearchEntry.Kind.SESSION) == [session.pk]

    edition.is_published = False
    edition.save()

    assert found("youth", SearchEntry.Kind.SESSION) == []


def test_sessions_follow_a_change_of_their_speaker_s_name():
    edition = make_edition(number=11)
    opening = make_session(edition, title_ko="개막 세션", title_en="Opening")
    closing = make_session(edition, title_ko="폐막 세션", title_en="Closing")
    speaker = make_speaker(opening, name_ko="김인권", name_en="Kim Inkwon")
    make_speaker(closing, person=speaker.person)
    assert sorted(found("Inkwon", SearchEntry.Kind.SESSION)) == sorted([opening.pk, closing.pk])

    speaker.person.name_en = "Kim In-kwon"
    speaker.person.name_ko = "김인권씨"
    speaker.person.save()

    assert found("Inkwon", SearchEntry.Kind.SESSION) == []
    assert sorted(found("In-kwon", SearchEntry.Kind.SESSION)) == sorted([opening.pk, closing.pk])


def test_organization_is_found_once_it_takes_part_in_a_published_forum():
    organization = make_organization(slug="gwangju", name_ko="광주광역시", name_en="Gwangju Metropolitan City")
    assert found("광주광역시", SearchEntry.Kind.ORGANIZATION) == []

    make_partner(make_edition(number=11), organization)

    assert found("광주광역시", SearchEntry.Kind.ORGANIZATION) == found("gwangju", SearchEntry.Kind.ORGANIZATION)
    assert found("gwangju", SearchEntry.Kind.ORGANIZATION) == [organization.pk]


def test_declaration_is_found_by_its_paragraphs_as_they_are_edited():
    declaration = make_declaration(make_edition(number=11), title_ko="광주선언문", title_en="Gwangju Declaration")
    paragraph = make_paragraph(declaration, text_ko="도시는 약속을 지킨다.", text_en="Cities keep their promises.")
    assert found("약속", SearchEntry.Kind.DECLARATION) == [declaration.pk]

    paragraph.text_ko = "시민이 함께 만든다."
    paragraph.save()

    assert found("약속", SearchEntry.Kind.DECLARATION) == []
    assert found("시민", SearchEntry.Kind.DECLARATION) == [declaration.pk]


def test_rebuild_search_index_writes_every_entry_anew():
    post = make_post(title_ko="광주 소식")
    SearchEntry.objects.all().delete()
    stdout = io.StringIO()

    call_command("rebuild_search_index", stdout=stdout)

    assert stdout.getvalue().splitlines() == ["news: 1", "session: 0", "organization: 0", "declaration: 0"]
    assert found("광주의", SearchEntry.Kind.NEWS) == [post.pk]

"""The forum models (editions/models.py): editions, their partners, and declarations whose
paragraph numbers never move."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation
from pytest_django.asserts import assertContains

from editions.models import Declaration, DeclarationParagraph, Edition, EditionPartner
from tests.factories import make_declaration, make_edition, make_organization, make_paragraph, make_partner
from tests.pages import paragraph_ids

pytestmark = pytest.mark.django_db


def test_edition_published_excludes_unpublished():
    shown = make_edition(number=13, year=2023)
    make_edition(number=14, year=2024, is_published=False)

    assert list(Edition.objects.published()) == [shown]


def test_edition_current_is_the_one_under_way():
    make_edition(number=13, year=2023)
    running = make_edition(number=14, year=2024)

    assert Edition.objects.current(today=datetime.date(2024, 10, 8)) == running


def test_edition_current_is_the_next_one_between_forums():
    make_edition(number=13, year=2023)
    next_one = make_edition(number=14, year=2024)
    make_edition(number=15, year=2025)

    assert Edition.objects.current(today=datetime.date(2024, 1, 15)) == next_one


def test_edition_current_is_the_latest_after_the_last_forum():
    make_edition(number=13, year=2023)
    latest = make_edition(number=14, year=2024)
    make_edition(number=15, year=2025, is_published=False)

    assert Edition.objects.current(today=datetime.date(2026, 11, 24)) == latest


def test_edition_current_is_none_without_editions():
    assert Edition.objects.current() is None


def test_edition_number_is_unique():
    make_edition(number=11)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_edition(number=11)


def test_edition_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_edition(starts_on=datetime.date(2021, 10, 10), ends_on=datetime.date(2021, 10, 6))


def test_edition_may_last_one_day():
    edition = make_edition(starts_on=datetime.date(2021, 10, 6), ends_on=datetime.date(2021, 10, 6))

    assert edition.pk is not None


def test_partner_role_is_unique_per_edition_and_organization():
    edition = make_edition()
    unesco = make_organization()
    make_partner(edition, unesco, role=EditionPartner.Role.CO_HOST)
    make_partner(edition, unesco, role=EditionPartner.Role.SPONSOR)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_partner(edition, unesco, role=EditionPartner.Role.CO_HOST)


@pytest.mark.parametrize(
    ("number", "english", "korean"),
    [
        (1, "1st World Human Rights Cities Forum", "제1회 세계인권도시포럼"),
        (2, "2nd World Human Rights Cities Forum", "제2회 세계인권도시포럼"),
        (3, "3rd World Human Rights Cities Forum", "제3회 세계인권도시포럼"),
        (11, "11th World Human Rights Cities Forum", "제11회 세계인권도시포럼"),
        (12, "12th World Human Rights Cities Forum", "제12회 세계인권도시포럼"),
        (21, "21st World Human Rights Cities Forum", "제21회 세계인권도시포럼"),
    ],
)
def test_edition_name_in_both_languages(number, english, korean):
    edition = Edition(number=number, year=2000 + number)

    with translation.override("en"):
        assert str(edition) == english
    with translation.override("ko"):
        assert str(edition) == korean


def test_edition_theme_falls_back_to_korean_in_english():
    edition = make_edition(theme_ko="기후 위기와 인권", theme_en="")

    with translation.override("en"):
        assert edition.theme == "기후 위기와 인권"
    assert edition.languages == ["ko"]


def test_edition_absolute_url_per_language():
    edition = make_edition(number=11)

    with translation.override("en"):
        assert edition.get_absolute_url() == "/en/forums/11/"
    with translation.override("ko"):
        assert edition.get_absolute_url() == "/ko/forums/11/"


# Declarations: stable paragraph numbers


def test_paragraphs_are_numbered_in_the_order_they_are_added(declaration):
    assert list(declaration.paragraphs.values_list("number", "order", "text_en")) == [
        (1, 1, "We uphold the dignity of all."),
        (2, 2, "Cities keep their promises."),
        (3, 3, "Residents shape it together."),
    ]


def test_each_declaration_numbers_its_own_paragraphs(declaration):
    other = make_declaration(make_edition(number=12, year=2022))

    paragraph = make_paragraph(other)

    assert (paragraph.number, paragraph.order) == (1, 1)


def test_anchors_stay_when_other_paragraphs_are_edited_moved_inserted_or_deleted(client, declaration):
    first, second, third = declaration.paragraphs.all()

    second.text_en = "Cities keep every promise they make."
    second.save()
    first.delete()
    inserted = make_paragraph(declaration, text_ko="새 문단", text_en="A new paragraph", order=2)
    third.order = 1
    third.save()
    response = client.get("/en/forums/11/declaration/")

    assert inserted.number == 4
    assert list(declaration.paragraphs.values_list("number", flat=True)) == [3, 2, 4]
    assert paragraph_ids(response) == ["p3", "p2", "p4"]
    assertContains(
        response,
        '<p class="paragraph" id="p2"><a class="paragraph__number" href="#p2" aria-label="Paragraph 2">2</a> '
        "Cities keep every promise they make.</p>",
        html=True,
    )


def test_deleting_the_last_paragraph_never_frees_its_number(client, declaration):
    declaration.paragraphs.get(number=3).delete()

    added = make_paragraph(declaration, text_ko="새 문단", text_en="A new paragraph")
    response = client.get("/en/forums/11/declaration/")

    assert (added.number, added.order) == (4, 3)
    assert list(declaration.paragraphs.values_list("number", flat=True)) == [1, 2, 4]
    assert paragraph_ids(response) == ["p1", "p2", "p4"]


def test_saving_a_copy_of_the_declaration_read_before_paragraphs_were_added_keeps_the_counter(declaration):
    stale = Declaration.objects.get(pk=declaration.pk)
    make_paragraph(declaration)
    declaration.paragraphs.get(number=4).delete()

    stale.title_en = "Gwangju Declaration, revised"
    stale.save()
    added = make_paragraph(declaration)

    declaration.refresh_from_db()
    assert (declaration.title_en, declaration.last_paragraph_number) == ("Gwangju Declaration, revised", 5)
    assert added.number == 5


def test_paragraph_number_is_unique_per_declaration(declaration):
    with pytest.raises(IntegrityError), transaction.atomic():
        DeclarationParagraph.objects.create(declaration=declaration, number=2, order=9, text_ko="중복")

"""Declarations: numbered paragraphs whose anchors never move, the page in one language and
side by side, the PDF, the feed, the sitemap and the admin."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from editions.models import Declaration, DeclarationParagraph
from tests.factories import (
    PDF_BYTES,
    make_declaration,
    make_edition,
    make_member,
    make_paragraph,
    make_post,
    make_session,
)
from tests.pages import paragraph_ids, rss_items, sitemap_entries

pytestmark = pytest.mark.django_db


def row_ids(response):
    """The anchors of the rows of the side-by-side view, in page order."""
    return re.findall(r'<tr id="(p\d+)">', response.content.decode())


# Stable paragraph numbers


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


# The declaration page


@pytest.mark.parametrize(
    ("language", "forum", "title", "adopted", "texts"),
    [
        (
            "ko",
            "제11회 세계인권도시포럼",
            "제11회 세계인권도시포럼 광주선언문",
            "2021년 10월 10일",
            ["우리는 모두의 존엄을 지킨다.", "도시는 약속을 지킨다.", "시민이 함께 만든다."],
        ),
        (
            "en",
            "11th World Human Rights Cities Forum",
            "Gwangju Declaration of the 11th World Human Rights Cities Forum",
            "Oct. 10, 2021",
            ["We uphold the dignity of all.", "Cities keep their promises.", "Residents shape it together."],
        ),
    ],
)
def test_declaration_detail_shows_title_date_and_numbered_paragraphs(
    client, declaration, language, forum, title, adopted, texts
):
    response = client.get(f"/{language}/forums/11/declaration/")

    assertContains(response, f'<p class="eyebrow"><a href="/{language}/forums/11/">{forum}</a></p>', html=True)
    assertContains(response, f"<h1>{title}</h1>", count=1)
    assertContains(response, f'<time datetime="2021-10-10">{adopted}</time>')
    assert paragraph_ids(response) == ["p1", "p2", "p3"]
    for number, text in enumerate(texts, start=1):
        assertContains(response, f'href="#p{number}"', count=1)
        assertContains(response, f">{number}</a> {text}</p>", count=1)
    assertNotContains(response, 'class="notice"')


def test_declaration_detail_marks_paragraphs_shown_in_the_other_language(client, declaration):
    make_paragraph(declaration, text_ko="번역되지 않은 문단", text_en="")

    response = client.get("/en/forums/11/declaration/")

    assertContains(
        response,
        '<p class="paragraph" id="p4" lang="ko"><a class="paragraph__number" href="#p4" aria-label="Paragraph 4">4</a>'
        " 번역되지 않은 문단</p>",
        html=True,
    )


def test_declaration_detail_in_english_of_korean_only_declaration_shows_notice(client):
    make_declaration(make_edition(number=11), title_ko="광주선언문", title_en="")

    response = client.get("/en/forums/11/declaration/")

    assertContains(response, '<p class="notice" role="note">This declaration is only available in Korean.</p>')
    assertContains(response, '<h1 lang="ko">광주선언문</h1>')
    assertContains(response, '<meta name="robots" content="noindex">', count=1)
    assertContains(response, '<link rel="canonical" href="http://testserver/ko/forums/11/declaration/">', count=1)
    assertNotContains(response, '<link rel="alternate" hreflang="en"')


def test_language_switch_on_declaration_detail_points_at_the_same_declaration(client, declaration):
    response = client.get("/ko/forums/11/declaration/")

    assertContains(
        response,
        '<a href="http://testserver/en/forums/11/declaration/" hreflang="en" lang="en">English</a>',
        html=True,
    )
    assertContains(response, '<link rel="canonical" href="http://testserver/ko/forums/11/declaration/">', count=1)
    assertContains(
        response, '<link rel="alternate" hreflang="x-default" href="http://testserver/forums/11/declaration/">'
    )


def test_declaration_detail_links_the_pdf_and_the_side_by_side_view(client, declaration):
    declaration.pdf.save("declaration-2021.pdf", ContentFile(PDF_BYTES))

    response = client.get("/en/forums/11/declaration/")

    assertContains(
        response,
        '<ul class="declaration__links">'
        '<li><a href="/en/forums/11/declaration/both/">Korean and English side by side</a></li>'
        f'<li><a href="{declaration.pdf.url}" type="application/pdf">Download the PDF</a></li></ul>',
        html=True,
    )
    assert declaration.pdf.url == "/media/declarations/declaration-2021.pdf"


def test_declaration_detail_without_pdf_has_no_download_link(client, declaration):
    response = client.get("/en/forums/11/declaration/")

    assertNotContains(response, "Download the PDF")


@pytest.mark.parametrize(
    "path", ["/ko/forums/12/declaration/", "/en/forums/12/declaration/", "/ko/forums/12/declaration/both/"]
)
def test_declaration_of_edition_without_one_is_not_found(client, declaration, path):
    make_edition(number=12, year=2022)

    response = client.get(path)

    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/ko/forums/99/declaration/", "/en/forums/abc/declaration/", "/ko/forums/9999999999/declaration/both/"],
)
def test_declaration_of_unknown_edition_is_not_found(client, declaration, path):
    response = client.get(path)

    assert response.status_code == 404


def test_unpublished_declaration_or_edition_is_not_found(client):
    make_declaration(make_edition(number=11), is_published=False)
    make_declaration(make_edition(number=12, year=2022, is_published=False))

    responses = [
        client.get(f"/{language}/forums/{number}/declaration/") for language in ("ko", "en") for number in (11, 12)
    ]

    assert [response.status_code for response in responses] == [404, 404, 404, 404]


# Side by side


def test_declaration_side_by_side_shows_both_languages_paragraph_by_paragraph(client, declaration):
    make_paragraph(declaration, text_ko="한국어로만 쓴 문단", text_en="")

    response = client.get("/en/forums/11/declaration/both/")

    assert row_ids(response) == ["p1", "p2", "p3", "p4"]
    assertContains(
        response,
        '<thead><tr><th scope="col"><span class="visually-hidden">Paragraph</span></th>'
        '<th scope="col" lang="ko">한국어</th><th scope="col" lang="en">English</th></tr></thead>',
        html=True,
    )
    assertContains(
        response,
        '<tr id="p2"><th scope="row"><a class="paragraph__number" href="#p2" aria-label="Paragraph 2">2</a></th>'
        '<td lang="ko">도시는 약속을 지킨다.</td><td lang="en">Cities keep their promises.</td></tr>',
        html=True,
    )
    assertContains(
        response,
        '<tr id="p4"><th scope="row"><a class="paragraph__number" href="#p4" aria-label="Paragraph 4">4</a></th>'
        '<td lang="ko">한국어로만 쓴 문단</td>'
        '<td lang="en"><span class="muted" lang="en">Not translated yet.</span></td></tr>',
        html=True,
    )
    assertContains(response, '<a href="/en/forums/11/declaration/">Read in one language</a>', html=True)


def test_declaration_side_by_side_is_the_same_in_both_interface_languages(client, declaration):
    korean = client.get("/ko/forums/11/declaration/both/")
    english = client.get("/en/forums/11/declaration/both/")

    for response in (korean, english):
        assertContains(response, '<td lang="ko">우리는 모두의 존엄을 지킨다.</td>', html=True)
        assertContains(response, '<td lang="en">We uphold the dignity of all.</td>', html=True)
    assertContains(korean, '<html lang="ko">')
    assertContains(english, '<html lang="en">')


# Links from the forum page


@pytest.mark.parametrize(
    ("language", "link"),
    [
        ("en", '<a href="/en/forums/11/declaration/">Read the declaration of this forum</a>'),
        ("ko", '<a href="/ko/forums/11/declaration/">'),
    ],
)
def test_edition_detail_links_its_published_declaration(client, declaration, language, link):
    make_declaration(make_edition(number=12, year=2022), is_published=False)
    make_edition(number=13, year=2023)

    with_declaration = client.get(f"/{language}/forums/11/")
    unpublished_declaration = client.get(f"/{language}/forums/12/")
    without_declaration = client.get(f"/{language}/forums/13/")

    assertContains(with_declaration, link, count=1)
    assertNotContains(unpublished_declaration, "/declaration/")
    assertNotContains(without_declaration, "/declaration/")


# The list of declarations


@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("ko", ["제12회 포럼 선언문", "제11회 세계인권도시포럼 광주선언문"]),
        ("en", ["Declaration of the 12th Forum", "Gwangju Declaration of the 11th World Human Rights Cities Forum"]),
    ],
)
def test_declaration_list_shows_published_declarations_newest_first(client, declaration, language, titles):
    make_declaration(
        make_edition(number=12, year=2022), title_ko="제12회 포럼 선언문", title_en="Declaration of the 12th Forum"
    )
    make_declaration(make_edition(number=13, year=2023), is_published=False)

    response = client.get(f"/{language}/forums/declarations/")

    shown = re.findall(r'<h2><a href="/\w\w/forums/(\d+)/declaration/">(.*?)</a></h2>', response.content.decode())
    assert shown == [("12", titles[0]), ("11", titles[1])]


# The feed


def test_korean_declaration_feed_lists_every_published_declaration_newest_first(client, declaration):
    make_declaration(make_edition(number=12, year=2022), title_ko="제12회 포럼 선언문", title_en="")
    make_declaration(make_edition(number=13, year=2023), title_ko="비공개 선언문", is_published=False)

    channel, items = rss_items(client.get("/ko/forums/declarations/feed/"), fields=("title", "link", "pubDate"))

    assert channel.findtext("language") == "ko"
    assert channel.findtext("link") == "http://testserver/ko/forums/declarations/"
    assert items == [
        ("제12회 포럼 선언문", "http://testserver/ko/forums/12/declaration/", "Mon, 10 Oct 2022 00:00:00 +0900"),
        (
            "제11회 세계인권도시포럼 광주선언문",
            "http://testserver/ko/forums/11/declaration/",
            "Sun, 10 Oct 2021 00:00:00 +0900",
        ),
    ]


def test_english_declaration_feed_lists_only_declarations_written_in_english(client, declaration):
    make_declaration(make_edition(number=12, year=2022), title_ko="제12회 포럼 선언문", title_en="")

    channel, items = rss_items(client.get("/en/forums/declarations/feed/"), fields=("title", "link", "pubDate"))

    assert channel.findtext("language") == "en"
    assert channel.findtext("title") == "Declarations · World Human Rights Cities Forum"
    assert items == [
        (
            "Gwangju Declaration of the 11th World Human Rights Cities Forum",
            "http://testserver/en/forums/11/declaration/",
            "Sun, 10 Oct 2021 00:00:00 +0900",
        )
    ]
    assert channel.find("item").findtext("description") == (
        "Adopted at the close of the 11th World Human Rights Cities Forum."
    )


def test_declaration_atom_feed_links_each_declaration(client, declaration):
    root = ET.fromstring(client.get("/en/forums/declarations/feed/atom/").content)

    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert [entry.find("{http://www.w3.org/2005/Atom}link").get("href") for entry in entries] == [
        "http://testserver/en/forums/11/declaration/"
    ]


def test_declaration_pages_announce_the_feed(client, declaration):
    response = client.get("/en/forums/11/declaration/")

    assertContains(
        response,
        '<link rel="alternate" type="application/rss+xml" title="Declarations" href="/en/forums/declarations/feed/">',
    )


# The sitemap


def test_sitemap_lists_declarations_in_each_language_they_have(client, declaration):
    make_declaration(make_edition(number=12, year=2022), title_ko="한국어 선언문", title_en="")
    make_declaration(make_edition(number=13, year=2023), is_published=False)

    entries = sitemap_entries(client, containing="/declaration")

    assert entries == {
        "http://testserver/ko/forums/declarations/": {
            "ko": "http://testserver/ko/forums/declarations/",
            "en": "http://testserver/en/forums/declarations/",
            "x-default": "http://testserver/forums/declarations/",
        },
        "http://testserver/en/forums/declarations/": {
            "ko": "http://testserver/ko/forums/declarations/",
            "en": "http://testserver/en/forums/declarations/",
            "x-default": "http://testserver/forums/declarations/",
        },
        "http://testserver/ko/forums/11/declaration/": {
            "ko": "http://testserver/ko/forums/11/declaration/",
            "en": "http://testserver/en/forums/11/declaration/",
            "x-default": "http://testserver/forums/11/declaration/",
        },
        "http://testserver/en/forums/11/declaration/": {
            "ko": "http://testserver/ko/forums/11/declaration/",
            "en": "http://testserver/en/forums/11/declaration/",
            "x-default": "http://testserver/forums/11/declaration/",
        },
        "http://testserver/ko/forums/12/declaration/": {
            "ko": "http://testserver/ko/forums/12/declaration/",
            "x-default": "http://testserver/forums/12/declaration/",
        },
    }


# The admin


def declaration_form_data(edition, **overrides):
    """What the admin's declaration form posts for a new declaration with two paragraphs."""
    data = {
        "edition": edition.pk,
        "title_ko": "광주선언문",
        "title_en": "Gwangju Declaration",
        "adopted_on": "2021-10-10",
        "is_published": "on",
        "paragraphs-TOTAL_FORMS": "2",
        "paragraphs-INITIAL_FORMS": "0",
        "paragraphs-MIN_NUM_FORMS": "0",
        "paragraphs-MAX_NUM_FORMS": "1000",
        "paragraphs-0-order": "",
        "paragraphs-0-text_ko": "첫째 문단",
        "paragraphs-0-text_en": "First paragraph",
        "paragraphs-1-order": "",
        "paragraphs-1-text_ko": "둘째 문단",
        "paragraphs-1-text_en": "",
    }
    return data | overrides


def test_admin_adds_a_declaration_with_its_paragraphs_and_pdf(staff_client):
    edition = make_edition(number=11)

    response = staff_client.post(
        reverse("admin:editions_declaration_add"),
        declaration_form_data(edition, pdf=SimpleUploadedFile("declaration.pdf", PDF_BYTES)),
    )

    assert response.status_code == 302
    declaration = Declaration.objects.get()
    assert (declaration.edition, declaration.title_en, declaration.pdf.read()) == (
        edition,
        "Gwangju Declaration",
        PDF_BYTES,
    )
    assert list(declaration.paragraphs.values_list("number", "order", "text_ko", "text_en")) == [
        (1, 1, "첫째 문단", "First paragraph"),
        (2, 2, "둘째 문단", ""),
    ]


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("declaration.txt", PDF_BYTES, "Upload a PDF file: its name must end in .pdf."),
        (
            "declaration.pdf",
            b"<html><script>alert(1)</script></html>",
            "This file is not a PDF document, whatever its name says: it is damaged or of another kind.",
        ),
        (
            "declaration.pdf",
            b"\x89PNG\r\n\x1a\n",
            "This file is not a PDF document, whatever its name says: it is damaged or of another kind.",
        ),
    ],
)
def test_admin_rejects_a_file_that_is_not_a_pdf_and_saves_nothing(staff_client, name, content, error):
    edition = make_edition(number=11)

    response = staff_client.post(
        reverse("admin:editions_declaration_add"),
        declaration_form_data(edition, pdf=SimpleUploadedFile(name, content)),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"pdf": [error]}
    assert Declaration.objects.count() == 0
    assert DeclarationParagraph.objects.count() == 0


def test_admin_rejects_a_pdf_over_the_size_limit(staff_client, settings):
    settings.ATTACHMENT_UPLOAD_MAX_BYTES = 1024
    edition = make_edition(number=11)

    response = staff_client.post(
        reverse("admin:editions_declaration_add"),
        declaration_form_data(edition, pdf=SimpleUploadedFile("declaration.pdf", PDF_BYTES + b" " * 2048)),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.context["adminform"].form.errors == {
        "pdf": ["This file is 2.1\xa0KB; a PDF may be at most 1.0\xa0KB."]
    }


def test_admin_moving_a_paragraph_keeps_every_number(staff_client, declaration):
    first, second, third = declaration.paragraphs.all()
    data = declaration_form_data(
        declaration.edition,
        title_ko=declaration.title_ko,
        title_en=declaration.title_en,
        **{
            "paragraphs-TOTAL_FORMS": "3",
            "paragraphs-INITIAL_FORMS": "3",
        },
    )
    for index, (paragraph, order) in enumerate([(first, 3), (second, 1), (third, 2)]):
        data |= {
            f"paragraphs-{index}-id": paragraph.pk,
            f"paragraphs-{index}-declaration": declaration.pk,
            f"paragraphs-{index}-order": order,
            f"paragraphs-{index}-text_ko": paragraph.text_ko,
            f"paragraphs-{index}-text_en": paragraph.text_en,
        }

    response = staff_client.post(reverse("admin:editions_declaration_change", args=[declaration.pk]), data)

    assert response.status_code == 302
    assert list(declaration.paragraphs.values_list("number", "order")) == [(2, 1), (3, 2), (1, 3)]


def test_translator_edits_only_translated_fields_of_a_declaration(client, declaration):
    client.force_login(make_member("Translators", "translator"))

    response = client.get(reverse("admin:editions_declaration_change", args=[declaration.pk]))

    assert response.status_code == 200
    assert sorted(response.context["adminform"].form.fields) == ["title_en", "title_ko"]
    paragraph_form = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert sorted(name for name in paragraph_form.fields if name not in {"id", "declaration", "DELETE"}) == [
        "text_en",
        "text_ko",
    ]


def test_editor_may_add_declarations(client):
    client.force_login(make_member("Editors", "editor"))

    response = client.get(reverse("admin:editions_declaration_add"))

    assert response.status_code == 200


# Demo data


def test_load_demo_adds_bilingual_declarations_with_pdfs_and_changes_nothing_when_rerun():
    call_command("load_demo", stdout=io.StringIO())
    first = list(
        DeclarationParagraph.objects.order_by("pk").values_list("pk", "declaration", "number", "order", "text_en")
    )

    call_command("load_demo", stdout=io.StringIO())

    declarations = Declaration.objects.published().select_related("edition")
    assert len(declarations) >= 2
    for declaration in declarations:
        assert declaration.title_ko and declaration.title_en
        assert declaration.pdf.read(5) == b"%PDF-"
        assert declaration.paragraphs.count() >= 3
        assert all(paragraph.text_ko and paragraph.text_en for paragraph in declaration.paragraphs.all())
        assert declaration.last_paragraph_number == declaration.paragraphs.count()
    assert (
        list(
            DeclarationParagraph.objects.order_by("pk").values_list("pk", "declaration", "number", "order", "text_en")
        )
        == first
    )


# Query counts


@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize("path", ["/ko/forums/11/declaration/", "/en/forums/11/declaration/both/"])
def test_declaration_pages_query_count_does_not_grow_with_paragraphs(client, django_assert_num_queries, size, path):
    declaration = make_declaration(make_edition(number=11))
    for _number in range(size):
        make_paragraph(declaration)

    # The declaration with its forum, its paragraphs, and when the next scheduled post is
    # due (how long the page may stay cached).
    with django_assert_num_queries(3):
        response = client.get(path)

    assert len(paragraph_ids(response) or row_ids(response)) == size


@pytest.mark.parametrize("size", [1, 4])
def test_declaration_list_query_count_does_not_grow_with_declarations(client, django_assert_num_queries, size):
    for number in range(1, size + 1):
        make_declaration(make_edition(number=number, year=2010 + number))

    # The declarations with their forums, and when the next scheduled post is due.
    with django_assert_num_queries(2):
        response = client.get("/en/forums/declarations/")

    assert len(response.context["declarations"]) == size


def test_edition_detail_query_count_is_unchanged_by_its_declaration(client, django_assert_num_queries, declaration):
    make_session(declaration.edition)
    make_post(edition=declaration.edition)

    # The edition (with whether it has a declaration), its sessions, their organizers, its
    # partners, its news, and when the next scheduled post is due.
    with django_assert_num_queries(6):
        response = client.get("/en/forums/11/")

    assertContains(response, 'href="/en/forums/11/declaration/"', count=1)


@pytest.mark.parametrize("size", [1, 4])
def test_declaration_feed_query_count_does_not_grow_with_declarations(client, django_assert_num_queries, size):
    for number in range(1, size + 1):
        make_declaration(make_edition(number=number, year=2010 + number))

    # The declarations with their forums, and when the next scheduled post is due.
    with django_assert_num_queries(2):
        response = client.get("/ko/forums/declarations/feed/")

    assert len(rss_items(response)[1]) == size

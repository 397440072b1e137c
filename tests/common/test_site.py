"""The site template tags (common/templatetags/site.py): JSON-LD that cannot close its script element."""

import pytest

from common.templatetags.site import highlight
from tests.factories import make_edition
from tests.pages import json_ld

pytestmark = pytest.mark.django_db


def test_structured_data_cannot_close_its_script_element(client):
    make_edition(number=11, theme_ko="</script><script>alert(1)</script>")

    response = client.get("/ko/forums/11/")

    assert "<script>alert(1)" not in response.content.decode()
    assert json_ld(response)["name"] == "제11회 세계인권도시포럼: </script><script>alert(1)</script>"


@pytest.mark.parametrize(
    ("text", "terms", "marked"),
    [
        ("광주의 인권도시에서", {"광주"}, "<mark>광주의</mark> 인권도시에서"),
        ("광주의 인권도시에서", {"인권", "도시", "인권도시"}, "광주의 <mark>인권도시에서</mark>"),
        (
            "Gwangju's <forum> & cities",
            {"gwangju", "citi"},
            "<mark>Gwangju&#x27;s</mark> &lt;forum&gt; &amp; <mark>cities</mark>",
        ),
        ("광주인권상 시상식", {"광주"}, "<mark>광주인권상</mark> 시상식"),
        ("서울 소식", {"광주"}, "서울 소식"),
    ],
)
def test_highlight_marks_the_words_holding_a_term_as_written_and_escapes_the_rest(text, terms, marked):
    assert highlight(text, terms) == marked


def test_highlight_without_terms_leaves_the_text_to_autoescaping():
    assert highlight("<b>광주</b>", "") == "<b>광주</b>"

"""The site template tags (common/templatetags/site.py): JSON-LD that cannot close its script element."""

import pytest

from tests.factories import make_edition
from tests.pages import json_ld

pytestmark = pytest.mark.django_db


def test_structured_data_cannot_close_its_script_element(client):
    make_edition(number=11, theme_ko="</script><script>alert(1)</script>")

    response = client.get("/ko/forums/11/")

    assert "<script>alert(1)" not in response.content.decode()
    assert json_ld(response)["name"] == "제11회 세계인권도시포럼: </script><script>alert(1)</script>"

"""What every page shares with crawlers and link previews (common/structured_data.py and
templates/includes/meta.html): the site's own image where a page has none, and the logo."""

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from tests.factories import make_declaration, make_edition, make_organization, make_paragraph, make_post, make_session
from tests.pages import BROWSER, open_graph

pytestmark = pytest.mark.django_db

DEFAULT_IMAGE = {
    "og:image": "http://testserver/static/img/og-default.png",
    "og:image:width": "1200",
    "og:image:height": "630",
}
DEFAULT_IMAGE_ALT = {
    "ko": "WHRCF 뉴스: 광주 세계인권도시포럼 소식",
    "en": "WHRCF News: news of the World Human Rights Cities Forum, Gwangju",
}


@pytest.fixture
def site():
    """A forum without a poster, a session, an organization without a logo, a declaration
    and a post without a cover: pages without an image of their own."""
    edition = make_edition(number=11)
    session = make_session(edition)
    make_organization(slug="gwangju", name_ko="광주광역시", name_en="Gwangju", kind="city")
    make_paragraph(make_declaration(edition))
    post = make_post()
    return [
        "/{language}/",
        "/{language}/news/",
        f"/{{language}}/news/{post.pk}/{post.slug}/",
        "/{language}/forums/",
        "/{language}/forums/11/",
        f"/{{language}}/forums/11/sessions/{session.pk}/",
        "/{language}/forums/declarations/",
        "/{language}/forums/11/declaration/",
        "/{language}/organizations/",
        "/{language}/organizations/gwangju/",
    ]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_pages_without_an_image_share_the_site_image(client, site, language):
    images = {}
    for path in site:
        data = open_graph(client.get(path.format(language=language), HTTP_USER_AGENT=BROWSER))
        images[path] = {key: value for key, value in data.items() if key.startswith("og:image")}

    expected = DEFAULT_IMAGE | {"og:image:alt": DEFAULT_IMAGE_ALT[language]}
    assert images == dict.fromkeys(site, expected)


def test_site_image_and_logo_have_the_sizes_the_pages_announce():
    sizes = {}
    for name in ("img/og-default.png", "img/logo.png"):
        with Image.open(finders.find(name)) as image:
            sizes[name] = (image.format, image.size)

    assert sizes == {"img/og-default.png": ("PNG", (1200, 630)), "img/logo.png": ("PNG", (512, 512))}

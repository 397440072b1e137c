"""Responsive covers and body images (news/templatetags/news_images.py)."""

import io
import re
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image
from pytest_django.asserts import assertContains

from common.page_cache import bump_content_version
from news.models import Post, PostImage
from tests.factories import image_bytes, make_post
from tests.pages import BROWSER, open_graph, srcset_of

pytestmark = pytest.mark.django_db


def rendition_sizes(srcset):
    sizes = []
    for url, _width in srcset:
        with default_storage.open(url.removeprefix("/media/")) as stored:
            image = Image.open(stored)
            sizes.append((image.format, image.size))
    return sizes


@pytest.mark.parametrize("language", ["ko", "en"])
def test_article_cover_has_webp_renditions_and_dimensions(client, language):
    post = make_post(
        cover=ContentFile(image_bytes("JPEG", size=(2000, 1000)), name="cover.jpg"),
        cover_alt_ko="광장",
        cover_alt_en="The square",
    )

    response = client.get(f"/{language}/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    srcset, sizes = srcset_of(response)
    assert [width for _url, width in srcset] == [480, 960, 1440]
    assert rendition_sizes(srcset) == [("WEBP", (480, 240)), ("WEBP", (960, 480)), ("WEBP", (1440, 720))]
    assert sizes == "(min-width: 48rem) 46rem, 100vw"
    alt = {"ko": "광장", "en": "The square"}[language]
    assertContains(response, f'<img src="{post.cover.url}" alt="{alt}" width="2000" height="1000"></picture>')


@pytest.mark.parametrize("language", ["ko", "en"])
def test_an_article_cover_whose_rendition_is_still_being_written_is_shown_alone_not_a_500(
    client, monkeypatch, language
):
    from PIL import UnidentifiedImageError
    from sorl.thumbnail.kvstores.base import KVStoreBase

    post = make_post(
        cover=ContentFile(image_bytes("JPEG", size=(2000, 1000)), name="cover.jpg"),
        cover_alt_ko="광장",
        cover_alt_en="The square",
    )

    def half_written(*args, **kwargs):
        raise UnidentifiedImageError("cannot identify image file <_io.BytesIO object>")

    monkeypatch.setattr(KVStoreBase, "set", half_written)

    response = client.get(f"/{language}/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    alt = {"ko": "광장", "en": "The square"}[language]
    assertContains(
        response, f'<picture><img src="{post.cover.url}" alt="{alt}" width="2000" height="1000"></picture>', html=True
    )


def test_article_body_images_become_lazy_pictures(client):
    image = PostImage.objects.create(
        image=ContentFile(image_bytes("PNG", size=(1000, 500)), name="stage.png"), alt_en="The stage"
    )
    post = make_post(
        body_en=(
            f'<figure><img src="{image.image.url}" alt="The opening stage"><figcaption>Opening</figcaption></figure>'
            '<p><img src="https://example.org/map.png" alt="Map"></p>'
        )
    )

    response = client.get(f"/en/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    srcset, _sizes = srcset_of(response)
    assert [width for _url, width in srcset] == [480, 960, 1000]
    assert rendition_sizes(srcset) == [("WEBP", (480, 240)), ("WEBP", (960, 480)), ("WEBP", (1000, 500))]
    assertContains(
        response,
        f'<img src="{image.image.url}" alt="The opening stage" width="1000" height="500" loading="lazy" '
        'decoding="async"></picture>\n<figcaption>Opening</figcaption></figure>',
    )
    assertContains(response, '<p><img loading="lazy" src="https://example.org/map.png" alt="Map"></p>')


@pytest.mark.parametrize("image_count", [1, 3])
def test_article_query_count_does_not_grow_with_body_images(client, django_assert_num_queries, image_count):
    images = [
        PostImage.objects.create(image=ContentFile(image_bytes("PNG", size=(600, 300)), name="photo.png"))
        for _ in range(image_count)
    ]
    post = make_post(body_en="".join(f'<p><img src="{image.image.url}" alt=""></p>' for image in images))
    url = f"/en/news/{post.pk}/{post.slug}/"
    client.get(url, HTTP_USER_AGENT=BROWSER)  # Makes the renditions, once.
    bump_content_version()  # The page is rendered again; the renditions stay made.

    # The post, previous and next post, the body's images (one query for all), attachments,
    # sessions, the next scheduled post (how long the page may stay cached); the renditions'
    # sizes come from the cache, and this reader's view was counted already.
    with django_assert_num_queries(7):
        response = client.get(url, HTTP_USER_AGENT=BROWSER)

    assertContains(response, "<picture>", count=image_count)


# A cover missing from storage


@pytest.mark.parametrize("language", ["ko", "en"])
def test_cover_missing_from_storage_does_not_break_the_pages(client, language):
    post = make_post(title_ko="표지를 잃은 소식", title_en="News that lost its cover")
    post.cover.save("cover.png", ContentFile(image_bytes("PNG", size=(120, 80))))
    Post.objects.filter(pk=post.pk).update(cover_width=None, cover_height=None)
    default_storage.delete(post.cover.name)

    article = client.get(f"/{language}/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT="Mozilla/5.0")
    listing = client.get(f"/{language}/news/")

    assert (article.status_code, listing.status_code) == (200, 200)
    assertContains(listing, {"ko": "표지를 잃은 소식", "en": "News that lost its cover"}[language])


# Cards


def card_pictures(response):
    """The picture frame of each post card, in page order."""
    frame = r'<div class="card__picture[^"]*"(?: aria-hidden="true")?>.*?</div>'
    return re.findall(frame, response.content.decode(), re.S)


@pytest.mark.parametrize(("language", "category_name"), [("ko", "뉴스"), ("en", "News")])
def test_cards_show_the_cover_or_a_panel_of_the_same_shape(client, language, category_name):
    make_post(
        cover=ContentFile(image_bytes("JPEG", size=(1200, 675)), name="cover.jpg"),
        cover_alt_ko="광장",
        cover_alt_en="The square",
        published_at=timezone.now() - timedelta(hours=1),
    )
    make_post(published_at=timezone.now() - timedelta(hours=2))

    for url in (f"/{language}/", f"/{language}/news/"):
        response = client.get(url)

        with_cover, without_cover = card_pictures(response)
        crops = srcset_list(with_cover)
        renditions = ", ".join(f"{url} {width}w" for url, width in crops)
        assert with_cover == (
            '<div class="card__picture"><picture><source type="image/webp" '
            f'srcset="{renditions}" sizes="(min-width: 60rem) 22rem, (min-width: 38rem) 50vw, 100vw">'
            f'<img src="{crops[0][0]}" alt="" width="480" height="270" loading="lazy" decoding="async">'
            "</picture>\n</div>"
        )
        assert rendition_sizes(crops) == [("WEBP", (480, 270)), ("WEBP", (960, 540))]
        assert without_cover == (
            f'<div class="card__picture card__picture--none" aria-hidden="true"><span>{category_name}</span></div>'
        )


@pytest.mark.parametrize(("language", "category_name"), [("ko", "뉴스"), ("en", "News")])
def test_a_cover_whose_crop_is_still_being_written_by_another_process_gets_the_panel_not_a_500(
    client, monkeypatch, language, category_name
):
    """Two workers rendering cards of posts with the same cover make the same rendition: one
    may read it back while the other is still writing it, and Pillow cannot identify it."""
    from PIL import UnidentifiedImageError
    from sorl.thumbnail.kvstores.base import KVStoreBase

    from common.page_cache import bump_content_version

    make_post(cover=ContentFile(image_bytes("JPEG", size=(1200, 675)), name="cover.jpg"))
    recording = KVStoreBase.set

    def half_written(*args, **kwargs):
        monkeypatch.setattr(KVStoreBase, "set", recording)
        raise UnidentifiedImageError("cannot identify image file <_io.BytesIO object>")

    monkeypatch.setattr(KVStoreBase, "set", half_written)

    first = client.get(f"/{language}/news/")
    bump_content_version()  # The page is rendered again, not served from the page cache.
    second = client.get(f"/{language}/news/")

    assert first.status_code == 200
    assert card_pictures(first) == [
        f'<div class="card__picture card__picture--none" aria-hidden="true"><span>{category_name}</span></div>'
    ]
    [card] = card_pictures(second)
    assert rendition_sizes(srcset_list(card)) == [("WEBP", (480, 270)), ("WEBP", (960, 540))]


def srcset_list(markup):
    candidates = re.search(r'srcset="([^"]*)"', markup).group(1).split(", ")
    return [(url, int(width.removesuffix("w"))) for url, width in (c.rsplit(" ", 1) for c in candidates)]


# The cover's focal point: every crop keeps it

RED = (220, 20, 20)


def cover_with_a_red_corner():
    """A square navy cover whose bottom-right corner only (x ≥ 800, y ≥ 850) is red: a crop
    to a wider shape around the middle leaves that corner out; one around a focal point
    at the bottom right keeps it."""
    image = Image.new("RGB", (1000, 1000), (20, 30, 110))
    image.paste(RED, (800, 850, 1000, 1000))
    output = io.BytesIO()
    image.save(output, "PNG")
    return ContentFile(output.getvalue(), name="cover.png")


def bottom_right_colour(url):
    """The colour of the bottom-right pixel of a stored rendition, and its size."""
    with default_storage.open(url.removeprefix("http://testserver").removeprefix("/media/")) as stored:
        image = Image.open(stored).convert("RGB")
        return image.getpixel((image.width - 1, image.height - 1)), image.size


def is_red(colour):
    red, green, blue = colour
    return red > 180 and green < 70 and blue < 70


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize(("focus", "red_corner"), [((100, 100), True), ((50, 50), False)])
def test_card_covers_are_cropped_around_the_focal_point(client, language, focus, red_corner):
    make_post(cover=cover_with_a_red_corner(), cover_focus_x=focus[0], cover_focus_y=focus[1])

    response = client.get(f"/{language}/news/")

    [card] = card_pictures(response)
    crops = [bottom_right_colour(url) for url, _width in srcset_list(card)]
    assert [size for _colour, size in crops] == [(480, 270), (960, 540)]
    assert [is_red(colour) for colour, _size in crops] == [red_corner, red_corner]


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize(("focus", "red_corner"), [((100, 100), True), ((50, 50), False)])
def test_the_shared_image_is_cropped_around_the_focal_point(client, language, focus, red_corner):
    post = make_post(cover=cover_with_a_red_corner(), cover_focus_x=focus[0], cover_focus_y=focus[1])

    response = client.get(f"/{language}/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    shared = open_graph(response)
    colour, size = bottom_right_colour(shared["og:image"])
    # Never enlarged: the 1000-pixel-wide cover gives a crop of the shape 1000×630.
    assert (size, shared["og:image:width"], shared["og:image:height"]) == ((1000, 630), "1000", "630")
    assert is_red(colour) is red_corner


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_damaged_cover_is_not_shared_and_breaks_no_page(client, language):
    post = make_post(title_ko="망가진 표지", title_en="Damaged cover")
    default_storage.save("covers/2026/damaged.png", ContentFile(b"\x89PNG\r\n\x1a\nnot really"))
    Post.objects.filter(pk=post.pk).update(cover="covers/2026/damaged.png", cover_width=None, cover_height=None)

    article = client.get(f"/{language}/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)
    listing = client.get(f"/{language}/news/")

    assert (article.status_code, listing.status_code) == (200, 200)
    assert open_graph(article)["og:image"] == "http://testserver/static/img/og-default.png"
    assertContains(listing, {"ko": "망가진 표지", "en": "Damaged cover"}[language])

"""Parts of the article kept in the cache per version of what they show (common/fragments.py):
read from the cache while nothing they show changes, rendered again on the next request
after any change, with the local-memory cache of development and with Redis as in production,
and the page cache off (DJANGO_PAGE_CACHE=0)."""

import datetime
import shutil

import lxml.html
import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from common.fragments import Fragments
from common.page_cache import bump, object_token
from news.models import Post
from tests.common.test_interface_translations import save_in_rosetta
from tests.factories import make_attachment, make_category, make_edition, make_post, make_session, make_staff, upload
from tests.pages import BROWSER, article_url

pytestmark = pytest.mark.django_db

# A first render: the post (with its category, edition and stale-translation notice), its
# attachments, its sessions, the previous post, the next post, when the next scheduled post
# is due (how long the fragments are kept), and with the local-memory cache the view's UPDATE.
# Once the fragments are kept: the post alone, and the UPDATE.
QUERIES = {"local memory": (7, 2), "redis": (6, 1)}


@pytest.fixture(params=["local memory", "redis"])
def fragment_cache(request, settings):
    settings.PAGE_CACHE = False
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    return request.param


@pytest.fixture
def cached(fragment_cache, django_assert_num_queries):
    """Read an article, and check that the next reader gets its fragments from the cache:
    the page of that reader."""

    def cached(address):
        first, from_cache = QUERIES[fragment_cache]
        with django_assert_num_queries(first):
            rendered = get(address)
        with django_assert_num_queries(from_cache):
            page = get(address)
        assert article(page) == article(rendered)
        return page

    return cached


def get(address):
    """A new reader's page: the view count, different for each, left out."""
    response = Client().get(address, HTTP_USER_AGENT=BROWSER)
    assert (response.status_code, response.get("X-Page-Cache")) == (200, None)
    return response.content.decode()


def article(page):
    """The <article> of the page without its view count."""
    content = page[page.index("<article") : page.index("</article>")]
    return (
        content[: content.index('<span class="views">')] + content[content.index("</span>", content.index("views")) :]
    )


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


@pytest.fixture
def post():
    """A post of an edition between two others, about a session, with an attachment."""
    edition = make_edition()
    make_post(title_ko="이전 소식", title_en="Earlier news", slug="earlier", published_at=hours_ago(30))
    post = make_post(edition=edition, published_at=hours_ago(20))
    post.sessions.add(make_session(edition, title_ko="개막식", title_en="Opening ceremony"))
    make_attachment(post, upload("report.pdf", b"%PDF-1.4"))
    make_post(title_ko="다음 소식", title_en="Later news", slug="later", published_at=hours_ago(10))
    return post


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_article_and_its_links_are_rendered_once_then_read_from_the_cache(cached, post, language):
    page = cached(article_url(post, language))

    assert f"<h1>{getattr(post, f'title_{language}')}</h1>" in page
    assert {"ko": " download>자료집</a>", "en": " download>Booklet</a>"}[language] in page
    assert {"ko": "개막식</a>", "en": "Opening ceremony</a>"}[language] in page
    assert {"ko": "<span>이전 글</span> 이전 소식</a>", "en": "<span>Previous</span> Earlier news</a>"}[
        language
    ] in page
    assert {"ko": "<span>다음 글</span> 다음 소식</a>", "en": "<span>Next</span> Later news</a>"}[language] in page


def edit_the_title(post):
    post.title_ko, post.title_en = "고친 제목", "Edited title"
    post.save()
    return {"ko": "<h1>고친 제목</h1>", "en": "<h1>Edited title</h1>"}


def edit_the_body(post):
    post.body_ko, post.body_en = "<p>고친 본문</p>", "<p>Edited body</p>"
    post.save()
    return {
        "ko": '<div class="article__body"><p>고친 본문</p></div>',
        "en": '<div class="article__body"><p>Edited body</p></div>',
    }


def edit_the_summary(post):
    post.summary_ko, post.summary_en = "고친 요약", "Edited summary"
    post.save()
    return {"ko": '<p class="article__summary">고친 요약</p>', "en": '<p class="article__summary">Edited summary</p>'}


def edit_the_korean_body_alone(post):
    post.body_ko = "<p>고친 본문</p>"
    post.save()
    # The English text was translated from the Korean one before it changed.
    return {"ko": "<p>고친 본문</p>", "en": "This translation may be out of date."}


def rename_the_category(post):
    post.category.name_ko, post.category.name_en = "바뀐 분류", "Renamed category"
    post.category.save()
    return {"ko": ">바뀐 분류</a>", "en": ">Renamed category</a>"}


def change_the_edition(post):
    post.edition.theme_ko, post.edition.theme_en = "바뀐 주제", "Changed theme"
    post.edition.save()
    return {"ko": ": 바뀐 주제</a>", "en": ": Changed theme</a>"}


def rename_the_session(post):
    session = post.sessions.get()
    session.title_ko, session.title_en = "바뀐 세션", "Renamed session"
    session.save()
    return {"ko": ">바뀐 세션</a>", "en": ">Renamed session</a>"}


def link_a_session(post):
    post.sessions.add(make_session(post.edition, title_ko="새로 이은 세션", title_en="Newly linked session"))
    return {"ko": ">새로 이은 세션</a>", "en": ">Newly linked session</a>"}


def add_an_attachment(post):
    make_attachment(post, upload("booklet.pdf", b"%PDF-1.4"), title_ko="새 자료집", title_en="New booklet")
    return {"ko": ">새 자료집</a>", "en": ">New booklet</a>"}


def rename_the_attachment(post):
    attachment = post.attachments.get()
    attachment.title_ko, attachment.title_en = "바뀐 자료집", "Renamed booklet"
    attachment.save()
    return {"ko": ">바뀐 자료집</a>", "en": ">Renamed booklet</a>"}


def rename_the_previous_post(post):
    previous = Post.objects.published().before(post).first()
    previous.title_ko, previous.title_en = "바뀐 이웃", "Renamed neighbour"
    previous.save()
    return {"ko": "<span>이전 글</span> 바뀐 이웃</a>", "en": "<span>Previous</span> Renamed neighbour</a>"}


def rename_the_next_post(post):
    following = Post.objects.published().after(post).first()
    following.title_ko, following.title_en = "바뀐 이웃", "Renamed neighbour"
    following.save()
    return {"ko": "<span>다음 글</span> 바뀐 이웃</a>", "en": "<span>Next</span> Renamed neighbour</a>"}


def publish_a_new_neighbour(post):
    make_post(
        title_ko="새 이웃", title_en="New neighbour", published_at=post.published_at + datetime.timedelta(hours=1)
    )
    return {"ko": "<span>다음 글</span> 새 이웃</a>", "en": "<span>Next</span> New neighbour</a>"}


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize(
    "change",
    [
        edit_the_title,
        edit_the_body,
        edit_the_summary,
        edit_the_korean_body_alone,
        rename_the_category,
        change_the_edition,
        rename_the_session,
        link_a_session,
        add_an_attachment,
        rename_the_attachment,
        rename_the_previous_post,
        rename_the_next_post,
        publish_a_new_neighbour,
    ],
)
def test_every_thing_the_article_shows_shows_changed_on_the_next_render(cached, post, change, language):
    address = article_url(post, language)
    before = cached(address)

    shown = change(post)[language]

    assert shown not in article(before)
    assert shown in article(get(address))


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_session_shows_once_its_edition_is_published(cached, post, language):
    """Only the sessions of published editions are shown: the article depends on which are."""
    edition = make_edition(number=12, year=2022, is_published=False)
    post.sessions.add(make_session(edition, title_ko="다음 포럼 세션", title_en="Next forum session"))
    address = article_url(post, language)
    shown = {"ko": ">다음 포럼 세션</a>", "en": ">Next forum session</a>"}[language]
    assert shown not in cached(address)

    edition.is_published = True
    edition.save()

    assert shown in article(get(address))


@pytest.mark.parametrize(("language", "before"), [("ko", "관련 정보"), ("en", "Related")])
def test_an_interface_string_saved_in_rosetta_shows_on_the_next_render(
    cached, post, translator_client, tmp_path, settings, language, before
):
    shutil.copytree(settings.BASE_DIR / "locale", tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    settings.ROSETTA_EXCLUDED_PATHS = [str(settings.BASE_DIR / "locale")]
    call_command("compilemessages", locale=[language], verbosity=0)
    address = article_url(post, language)
    assert f'<h2 id="related-heading">{before}</h2>' in cached(address)

    save_in_rosetta(translator_client, tmp_path / "locale", language, "Related", "함께 볼 정보")

    assert '<h2 id="related-heading">함께 볼 정보</h2>' in get(address)


def test_a_fragment_is_not_kept_when_what_it_shows_changed_while_it_rendered(fragment_cache, post):
    token = object_token(Post, post.pk)

    def read():
        return Fragments.read(["part"], of=token, tokens={"part": [token]})

    def render_during_an_edit():
        bump(token)  # An editor saves the post after the fragment read it.
        return "<p>old text</p>"

    with translation.override("ko"):
        assert read().render("part", render_during_an_edit) == "<p>old text</p>"
        assert read().found == {}
        assert read().render("part", lambda: "<p>new text</p>") == "<p>new text</p>"
        assert read().render("part", lambda: "<p>not rendered</p>") == "<p>new text</p>"


def test_a_page_kept_with_a_fragment_from_the_cache_depends_on_what_the_fragment_shows(
    fragment_cache, post, settings, django_assert_num_queries
):
    """The page cache records the objects a page loads: the neighbours of a page whose links
    come from the cache are not loaded, and still make it stale when they change."""
    settings.PAGE_CACHE = True
    address = article_url(post)
    reader = Client()
    assert reader.get(address, HTTP_USER_AGENT=BROWSER)["X-Page-Cache"] == "miss"
    post.summary_ko = "고친 요약"
    post.save()  # The page and the article are stale; the links to the neighbours are not.

    # The post, its attachments, its sessions: no neighbour (and this reader was counted).
    with django_assert_num_queries(3):
        assert reader.get(address, HTTP_USER_AGENT=BROWSER)["X-Page-Cache"] == "miss"
    rename_the_previous_post(post)

    response = reader.get(address, HTTP_USER_AGENT=BROWSER)
    assert response["X-Page-Cache"] == "miss"
    assert "<span>이전 글</span> 바뀐 이웃</a>" in response.content.decode()


def test_a_scheduled_post_shows_as_the_next_post_at_its_time(settings, time_machine, django_assert_num_queries):
    """It changes its neighbour's links without any save: the links are kept until it is due
    (with the local-memory cache, whose clock the test moves)."""
    settings.PAGE_CACHE = False
    now = timezone.now()
    time_machine.move_to(now, tick=False)
    newest = make_post(published_at=now - datetime.timedelta(hours=1))
    make_post(title_ko="예약한 소식", published_at=now + datetime.timedelta(minutes=10))
    address = article_url(newest)
    get(address)
    with django_assert_num_queries(2):
        assert "<span>다음 글</span>" not in get(address)

    time_machine.move_to(now + datetime.timedelta(minutes=10, seconds=2), tick=False)

    assert "<span>다음 글</span> 예약한 소식</a>" in get(address)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_preview_of_draft_changes_is_never_kept_for_readers(cached, post, client, language):
    client.force_login(make_staff())
    post.save_draft({"title_ko": "초안 제목", "title_en": "Draft title"})
    with translation.override(language):
        preview = client.get(post.get_preview_url()).content.decode()
    assert {"ko": "<h1>초안 제목</h1>", "en": "<h1>Draft title</h1>"}[language] in preview

    page = cached(article_url(post, language))

    assert f"<h1>{getattr(post, f'title_{language}')}</h1>" in page


# The cards of the lists (news/templatetags/news_cards.py).


def cards(address):
    """The cards of a list page, as a new reader gets them."""
    page = lxml.html.fromstring(get(address))
    return "".join(lxml.html.tostring(card, encoding="unicode") for card in page.xpath('//article[@class="card"]'))


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_list_reads_its_cards_from_the_cache_until_their_post_or_category_changes(fragment_cache, language):
    category = make_category()
    first = make_post(category, title_ko="첫 소식", title_en="First news")
    second = make_post(category, title_ko="둘째", title_en="Second")
    addresses = [f"/{language}/news/", f"/{language}/"]
    before = [cards(address) for address in addresses]
    # Changed without a signal, the cache is not told: the cards kept are what readers get.
    Post.objects.filter(pk=first.pk).update(title_ko="몰래 고친 소식", title_en="Quietly changed")
    assert [cards(address) for address in addresses] == before

    second.title_ko, second.title_en = "고친 둘째", "Changed second"
    second.save()
    second_title = {"ko": "고친 둘째", "en": "Changed second"}[language]
    assert all(second_title in cards(address) and "Quietly" not in cards(address) for address in addresses)

    category.name_ko, category.name_en = "바뀐 분류", "Renamed category"
    category.save()
    renamed, quietly = {"ko": ("바뀐 분류", "몰래 고친 소식"), "en": ("Renamed category", "Quietly changed")}[language]
    for address in addresses:
        shown = cards(address)
        # Each card names its category twice: on the panel of a post without a cover, and above its summary.
        assert (shown.count(renamed), quietly in shown) == (4, True)


def test_staff_get_cards_rendered_from_the_database(fragment_cache):
    post = make_post(title_ko="첫 소식")
    cards("/ko/news/")
    Post.objects.filter(pk=post.pk).update(title_ko="몰래 고친 소식")
    client = Client()
    client.force_login(make_staff())

    assert "몰래 고친 소식" in client.get("/ko/news/").content.decode()

"""Cached pages made again when, and only when, what they show changes (common/page_cache.py),
with the local-memory cache of development and with Redis as in production."""

import datetime
import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone, translation
from pytest_django.asserts import assertContains

from common.page_cache import bump_content_version, cached_or_rendered, keep_rendered_page, page_key
from news.models import Post
from tests.factories import (
    make_attachment,
    make_category,
    make_edition,
    make_organization,
    make_partner,
    make_post,
    make_session,
    upload,
)
from tests.pages import BROWSER

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["local memory", "redis"])
def page_cache(request):
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    else:
        cache.clear()


def get(address):
    """A new reader's request: (X-Page-Cache, page)."""
    response = Client().get(address, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    return response["X-Page-Cache"], response.content.decode()


def cached(address):
    """Render the page, and check that the next reader gets it from the cache."""
    get(address)
    assert get(address)[0] == "hit"


def article(post, language="ko"):
    with translation.override(language):
        return post.get_absolute_url()


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


@pytest.fixture
def archive():
    """Five posts an hour apart, the oldest first: each article links its neighbours."""
    return [make_post(title_ko=f"소식 {n}", title_en=f"News {n}", published_at=hours_ago(10 - n)) for n in range(5)]


def test_an_edit_of_one_post_leaves_the_pages_of_unrelated_posts_cached(page_cache, archive):
    oldest, neighbour, _, _, newest = archive
    for post in archive:
        cached(article(post))
    cached("/en/news/feed/")

    oldest.title_ko = "고친 소식"
    oldest.save()

    assert get(article(newest))[0] == "hit"
    assert get("/ko/news/feed/")[0] == "miss"  # It lists the oldest post too.
    assert get("/en/news/feed/")[0] == "miss"
    source, page = get(article(oldest))
    assert (source, "고친 소식" in page) == ("miss", True)
    # The neighbour's "previous" link shows the new title.
    source, page = get(article(neighbour))
    assert (source, "<span>이전 글</span> 고친 소식</a>" in page) == ("miss", True)


def test_a_post_on_a_later_page_leaves_the_first_page_of_the_list_cached(page_cache, settings):
    posts = [make_post(published_at=hours_ago(n)) for n in range(25)]
    cached("/ko/news/")
    cached("/ko/news/?page=2")

    posts[-1].title_ko = "둘째 쪽 소식"
    posts[-1].save()

    assert get("/ko/news/")[0] == "hit"
    source, page = get("/ko/news/?page=2")
    assert (source, "둘째 쪽 소식" in page) == ("miss", True)


def test_publishing_a_post_makes_the_lists_and_its_new_neighbours_render_again(page_cache, archive):
    draft = make_post(title_ko="새 소식", status=Post.Status.DRAFT)
    for address in ("/ko/", "/ko/news/", "/ko/news/feed/", *(article(post) for post in archive)):
        cached(address)

    Post.objects.filter(pk=draft.pk).publish_now()

    # It is the newest post now, after the last of the archive, which links to it.
    for address in ("/ko/", "/ko/news/", "/ko/news/feed/", article(archive[-1])):
        source, page = get(address)
        assert (address, source, "새 소식" in page) == (address, "miss", True)
    assert [get(article(post))[0] for post in archive[:-1]] == ["hit"] * 4


def test_a_post_moved_between_two_others_changes_their_links(page_cache, archive):
    for post in archive:
        cached(article(post))
    moved = archive[4]

    moved.published_at = hours_ago(7.5)  # Between the 3rd and the 4th.
    moved.save()

    sources = [get(article(post))[0] for post in archive]
    # The 3rd has it as its next post now; the 4th has it before, no longer after.
    assert sources == ["hit", "hit", "miss", "miss", "miss"]
    assertContains(Client().get(article(archive[2]), HTTP_USER_AGENT=BROWSER), "<span>다음 글</span> 소식 4")


def test_a_post_published_in_one_category_and_edition_leaves_the_lists_of_the_others_cached(page_cache):
    news, notices = make_category("news", "뉴스"), make_category("notices", "공지")
    eleventh, twelfth = make_edition(11, 2021), make_edition(12, 2022)
    make_post(category=news, edition=eleventh)
    moving = make_post(category=notices, edition=twelfth, title_ko="옮길 소식")
    draft = make_post(category=news, edition=eleventh, title_ko="새 소식", status=Post.Status.DRAFT)
    lists = ["/ko/news/", "/ko/news/?category=news", "/ko/news/?category=notices", "/ko/news/?edition=11"]
    lists += ["/ko/news/?edition=12", "/ko/news/?category=news&edition=11", "/ko/news/?category=notices&edition=11"]
    for address in lists:
        cached(address)

    Post.objects.filter(pk=draft.pk).publish_now()

    shown = [(source, "새 소식" in page) for source, page in map(get, lists)]
    assert shown == [
        ("miss", True),
        ("miss", True),
        ("hit", False),
        ("miss", True),
        ("hit", False),
        ("miss", True),
        ("miss", False),  # Filtered by both, it depends on each: its edition's list changed.
    ]

    # A post moved to another category: the lists of both render again, its edition's and
    # the other edition's lists stay cached.
    moving.category = news
    moving.save()

    shown = [(source, "옮길 소식" in page) for source, page in map(get, lists)]
    assert shown == [
        ("miss", True),
        ("miss", True),
        ("miss", False),
        ("hit", False),
        ("miss", True),
        ("miss", False),
        ("miss", False),
    ]


def change_category(post):
    post.category.name_ko = "바뀐 분류"
    post.category.save()
    return "바뀐 분류"


def change_edition(post):
    post.edition.theme_ko = "바뀐 주제"
    post.edition.save()
    return "바뀐 주제"


def change_session(post):
    session = post.sessions.get()
    session.title_ko = "바뀐 세션"
    session.save()
    return "바뀐 세션"


def link_a_session(post):
    post.sessions.add(make_session(post.edition, title_ko="새로 이은 세션"))
    return "새로 이은 세션"


def add_an_attachment(post):
    make_attachment(post, upload("booklet.pdf", b"%PDF-1.4"), title_ko="새 자료집")
    return "새 자료집"


def rename_an_attachment(post):
    attachment = post.attachments.get()
    attachment.title_ko = "바뀐 자료집"
    attachment.save()
    return "바뀐 자료집"


def change_a_neighbour(post):
    neighbour = Post.objects.published().before(post).first()
    neighbour.title_ko = "바뀐 이웃"
    neighbour.save()
    return "바뀐 이웃"


def publish_a_new_neighbour(post):
    make_post(title_ko="새 이웃", published_at=post.published_at + datetime.timedelta(minutes=1))
    return "새 이웃"


@pytest.mark.parametrize(
    "change",
    [
        change_category,
        change_edition,
        change_session,
        link_a_session,
        add_an_attachment,
        rename_an_attachment,
        change_a_neighbour,
        publish_a_new_neighbour,
    ],
)
def test_every_thing_an_article_shows_makes_it_render_again(page_cache, change):
    edition = make_edition()
    make_post(title_ko="이전 소식", published_at=hours_ago(30))
    post = make_post(edition=edition, published_at=hours_ago(20))
    post.sessions.add(make_session(edition))
    make_attachment(post, upload("report.pdf", b"%PDF-1.4"))
    make_post(title_ko="다음 소식", published_at=hours_ago(10))
    cached(article(post))

    shown = change(post)

    source, page = get(article(post))
    assert (source, shown in page) == ("miss", True)


def test_a_partner_changed_makes_the_home_page_render_again(page_cache):
    organization = make_organization(name_ko="옛 이름")
    make_partner(make_edition(), organization)
    make_post()
    cached("/ko/")

    organization.name_ko = "새 이름"
    organization.save()

    source, page = get("/ko/")
    assert (source, "새 이름" in page) == ("miss", True)


def test_one_render_for_many_readers_of_a_page_not_cached(page_cache, settings):
    settings.PAGE_CACHE_WAIT_SECONDS = 5
    renders = []
    started = threading.Barrier(8)

    def render():
        renders.append(1)
        threading.Event().wait(0.3)
        return HttpResponse("<p>page</p>"), (b"<p>page</p>", None)

    def reader(results):
        request = RequestFactory().get("/ko/stampede/")
        started.wait()
        found, source = cached_or_rendered(request, "page:ko:stampede", render, lists=())
        # As PageCacheMiddleware does once the response has all its headers.
        keep_rendered_page(request, found)
        results.append((found, source))

    results = []
    threads = [threading.Thread(target=reader, args=(results,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(renders) == 1
    assert sorted(source for _, source in results) == ["miss"] + ["wait"] * 7
    assert {found.content for found, source in results if source == "wait"} == {b"<p>page</p>"}


def held_up_render(key, address, language="ko"):
    """Another worker's render of the page under `key`, held up until `.release()`: a
    thread (start() returns once the render has begun); it keeps no page."""
    begun, released = threading.Event(), threading.Event()

    def render():
        begun.set()
        released.wait(5)
        return HttpResponse("<p>not kept</p>"), None

    def run():
        with translation.override(language):
            request = RequestFactory().get(address)
            cached_or_rendered(request, key, render, lists=())

    thread = threading.Thread(target=run)
    thread.start()
    begun.wait(5)
    thread.release = lambda: (released.set(), thread.join())
    return thread


def test_while_a_changed_page_renders_again_its_readers_get_the_previous_version_at_once(page_cache):
    renders = []
    begun, released = threading.Event(), threading.Event()

    def render(text, held_up=False):
        def rendered():
            renders.append(text)
            if held_up:
                begun.set()
                released.wait(5)
            return HttpResponse(text), (text.encode(), None)

        return rendered

    def read(render):
        request = RequestFactory().get("/ko/changing/")
        found, source = cached_or_rendered(request, "page:ko:changing", render, lists=())
        keep_rendered_page(request, found)
        return source, found.content

    read(render("<p>before</p>"))
    bump_content_version()
    renderer = threading.Thread(target=read, args=(render("<p>after</p>", held_up=True),))
    renderer.start()
    begun.wait(5)

    assert read(render("<p>not rendered</p>")) == ("stale", b"<p>before</p>")
    released.set()
    renderer.join()
    assert read(render("<p>not rendered</p>")) == ("hit", b"<p>after</p>")
    assert renders == ["<p>before</p>", "<p>after</p>"]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_readers_of_an_edited_article_get_its_previous_version_while_it_renders(page_cache, language):
    post = make_post(title_ko="첫 제목", title_en="First title")
    address = article(post, language)
    cached(address)
    post.title_ko, post.title_en = "고친 제목", "Corrected title"
    post.save()
    renderer = held_up_render(article_key(address, language), address, language)

    source, page = get(address)
    renderer.release()

    before, after = {"ko": ("첫 제목", "고친 제목"), "en": ("First title", "Corrected title")}[language]
    assert (source, f"<h1>{before}</h1>" in page) == ("stale", True)
    source, page = get(address)
    assert (source, f"<h1>{after}</h1>" in page) == ("miss", True)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_process_rendering_as_many_pages_as_it_may_serves_other_changed_pages_as_they_were(
    page_cache, settings, language
):
    settings.PAGE_CACHE_RENDERS_AT_ONCE = 1
    rendering = make_post(title_ko="다시 만드는 소식", title_en="News made again")
    changed = make_post(title_ko="고친 소식", title_en="Corrected news")
    new = make_post(title_ko="새 소식", title_en="New news")
    for post in (rendering, changed):
        cached(article(post, language))
    for post in (rendering, changed):
        post.title_ko, post.title_en = f"{post.title_ko}!", f"{post.title_en}!"
        post.save()
    address = article(rendering, language)
    renderer = held_up_render(article_key(address, language), address, language)

    changed_while_rendering, new_while_rendering = (get(article(post, language)) for post in (changed, new))
    renderer.release()
    changed_after = get(article(changed, language))

    titles = {"ko": ("고친 소식", "새 소식", "고친 소식!"), "en": ("Corrected news", "New news", "Corrected news!")}
    pages = zip([changed_while_rendering, new_while_rendering, changed_after], titles[language], strict=True)
    assert [(source, f"<h1>{title}</h1>" in page) for (source, page), title in pages] == [
        ("stale", True),
        ("miss", True),
        ("miss", True),
    ]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_an_unpublished_article_is_never_served_in_its_previous_version(page_cache, settings, language):
    settings.PAGE_CACHE_WAIT_SECONDS = 0.1
    post = make_post(title_ko="내릴 소식", title_en="News taken down")
    address = article(post, language)
    cached(address)
    post.status = Post.Status.DRAFT
    post.save()
    assert Client().get(address, HTTP_USER_AGENT=BROWSER).status_code == 404

    # Another request renders it again meanwhile: its readers get no previous version.
    renderer = held_up_render(article_key(address, language), address, language)
    response = Client().get(address, HTTP_USER_AGENT=BROWSER)
    renderer.release()

    assert response.status_code == 404


def article_key(address, language):
    request = RequestFactory().get(address)
    request.user = AnonymousUser()
    with translation.override(language):
        return page_key(request)


# The requests that reached the end of the middleware (test_a_cached_page_is_answered_…).
reached_the_view = []


class NoteRequestsReachingTheView:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reached_the_view.append(request.get_full_path())
        return self.get_response(request)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_cached_page_is_answered_before_the_middleware_with_the_headers_it_gave(page_cache, settings, language):
    post = make_post(title_ko="광주 소식", title_en="Gwangju news")
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.NoteRequestsReachingTheView"]
    reached_the_view.clear()
    home, news = f"/{language}/", f"/{language}/news/"
    addresses = [home, news, f"{news}?utm_source=newsletter", article(post, language)]
    first = {address: Client().get(address, HTTP_USER_AGENT=BROWSER) for address in addresses}
    again = {address: Client().get(address, HTTP_USER_AGENT=BROWSER) for address in addresses}

    # Only the address with a parameter the list does not read reaches the view again: it
    # is redirected, and no page is kept for it.
    assert reached_the_view == [*addresses, addresses[2]]
    assert again[addresses[2]].status_code == 301
    assert [again[address]["X-Page-Cache"] for address in addresses[:2]] == ["hit", "hit"]
    assert again[addresses[3]]["X-Page-Cache"] == "hit"
    per_request = {"X-Request-ID", "X-Page-Cache", "ETag", "Content-Length"}
    for address in (addresses[0], addresses[1], addresses[3]):
        rendered = {name: value for name, value in first[address].items() if name not in per_request}
        served = {name: value for name, value in again[address].items() if name not in per_request}
        assert served == rendered
        assert served["Content-Language"] == language
        assert again[address]["X-Request-ID"] != first[address]["X-Request-ID"]
    # The second reader of the article is counted, and gets the cookie that remembers it.
    views = {"ko": "조회 2", "en": "Views 2"}[language]
    assertContains(again[addresses[3]], f'<span class="views">{views}</span>')
    assert "whrcf_seen" in again[addresses[3]].cookies

"""Cached pages made again when, and only when, what they show changes (common/page_cache.py),
with the local-memory cache of development and with Redis as in production."""

import datetime
import threading

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from pytest_django.asserts import assertContains

from common.page_cache import cached_or_rendered, cached_page
from news.models import Post
from tests.factories import (
    make_attachment,
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
        return "rendered", ("<p>page</p>", "text/html")

    def reader(results):
        started.wait()
        results.append(
            cached_or_rendered("page:ko:stampede", lambda: cached_page("page:ko:stampede"), render, lists=())
        )

    results = []
    threads = [threading.Thread(target=reader, args=(results,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(renders) == 1
    assert sorted(source for _, source in results) == ["miss"] + ["wait"] * 7
    assert {found[0] for found, source in results if source == "wait"} == {"<p>page</p>"}

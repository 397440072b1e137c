"""The Redis cache backend (common/cache.py), and the srcsets each process remembers."""

import pytest
from django.core.cache import cache

from common.images import stored_srcset
from tests.factories import make_png, make_post
from tests.pages import BROWSER, srcset_of


@pytest.mark.usefixtures("redis_cache")
def test_redis_cache_keeps_one_client_and_still_caches():
    cache.set_many({"greeting": "안녕하세요", "count": 3})
    cache.incr("count")

    assert cache.get_many(["greeting", "count", "missing"]) == {"greeting": "안녕하세요", "count": 4}
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    assert cache._cache.get_client() is client


@pytest.mark.django_db
def test_a_covers_srcset_is_worked_out_once_per_process(client):
    post = make_post(cover=make_png(size=(1200, 600)))
    stored_srcset.cache_clear()

    korean = client.get(f"/ko/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)
    english = client.get(f"/en/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)

    srcset, _sizes = srcset_of(korean)
    assert srcset_of(english)[0] == srcset
    assert [width for _url, width in srcset] == [480, 960, 1200]
    assert (stored_srcset.cache_info().misses, stored_srcset.cache_info().hits) == (1, 1)


@pytest.mark.django_db
def test_another_media_storage_forgets_the_remembered_srcsets(client, settings, tmp_path):
    post = make_post(cover=make_png(size=(1200, 600)))
    client.get(f"/en/news/{post.pk}/{post.slug}/", HTTP_USER_AGENT=BROWSER)
    assert stored_srcset.cache_info().currsize == 1

    settings.MEDIA_ROOT = tmp_path / "other-media"

    assert stored_srcset.cache_info().currsize == 0

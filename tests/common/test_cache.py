"""The Redis cache backend (common/cache.py)."""

import pytest
from django.core.cache import cache


@pytest.mark.usefixtures("redis_cache")
def test_redis_cache_keeps_one_client_and_still_caches():
    cache.set_many({"greeting": "안녕하세요", "count": 3})
    cache.incr("count")

    assert cache.get_many(["greeting", "count", "missing"]) == {"greeting": "안녕하세요", "count": 4}
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    assert cache._cache.get_client() is client

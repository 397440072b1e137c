"""The Redis cache backend (common/cache.py): one client per pool and, on a redis-server of
the test's own, an accelerator: a Redis that is down or hung is a miss, not an error, and
costs one timeout per interval."""

import time

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


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_cache_keeps_values_while_redis_answers(private_redis):
    cache.set("greeting", "안녕하세요", 60)

    assert cache.get("greeting") == "안녕하세요"
    assert cache.get_many(["greeting", "other"]) == {"greeting": "안녕하세요"}


def test_a_stopped_redis_is_a_miss_and_left_alone_until_the_retry_interval(private_redis):
    cache.set("greeting", "hello", 60)
    private_redis.stop()

    first = cache.get("greeting", "missing")
    rest, took = timed(lambda: [cache.get("greeting", "missing") for _ in range(200)])

    assert first == "missing"
    assert rest == ["missing"] * 200
    assert took < 0.05
    assert cache.set("greeting", "hello again", 60) is None
    assert cache.add("new", 1) is False
    assert cache.run_script("return 1", [], [], fallback="no Redis") == "no Redis"


def test_a_hung_redis_costs_one_timeout_per_interval_not_a_hang(private_redis):
    private_redis.pause()

    first, first_took = timed(lambda: cache.get("greeting", "missing"))
    rest, rest_took = timed(lambda: [cache.get("greeting", "missing") for _ in range(200)])
    time.sleep(0.6)
    retried, retry_took = timed(lambda: cache.get("greeting", "missing"))

    assert (first, rest, retried) == ("missing", ["missing"] * 200, "missing")
    assert 0.25 < first_took < 1.5
    assert rest_took < 0.05
    assert 0.25 < retry_took < 1.5


def test_redis_is_used_again_once_it_is_back(private_redis):
    cache.set("greeting", "before", 60)
    private_redis.stop()
    cache.get("greeting")
    private_redis.start()
    time.sleep(0.6)

    cache.set("greeting", "after", 60)

    assert cache.get("greeting") == "after"

"""Django's Redis cache, keeping its Redis clients; and Lua scripts run beside its entries.

Django's client makes a new `redis.Redis` for every cache call, and each one builds its
table of about 170 response callbacks: about 0.1 ms a call, several calls a page. The
connection pools were already shared; this keeps one client per pool as well. A cache
object belongs to one thread (`django.core.cache.caches`), and a client is thread-safe.
"""

import functools

import redis as redis_py
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if id(pool) not in self._clients:
            self._clients[id(pool)] = self._client(connection_pool=pool)
        return self._clients[id(pool)]


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient


def run_script(source, keys, args):
    """Run the Lua script `source` on the default cache's Redis, where it sees the cache's
    entries: `keys` are cache keys, turned into the Redis keys the cache stores them under."""
    script = registered_script(settings.CACHES["default"]["LOCATION"], source)
    return script(keys=[cache.make_and_validate_key(key) for key in keys], args=args)


@functools.cache
def registered_script(location, source):
    return redis_py.Redis.from_url(location).register_script(source)

"""Django's Redis cache, keeping its Redis clients.

Django's client makes a new `redis.Redis` for every cache call, and each one builds its
table of about 170 response callbacks: about 0.1 ms a call, several calls a page. The
connection pools were already shared; this keeps one client per pool as well. A cache
object belongs to one thread (`django.core.cache.caches`), and a client is thread-safe.
"""

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

"""Django's Redis cache, made an accelerator rather than a dependency, and Lua scripts run
beside its entries.

- **Failures are misses.** Redis down, hung past the socket timeouts of `CACHES` or
  loading its snapshot: a read finds nothing, a write keeps nothing, a script returns
  its fallback, and the site carries on from the database.
- **A circuit breaker** per process and server: after a failure, the process leaves Redis
  alone for `REDIS_RETRY_SECONDS`, then one call tries again. A dead Redis costs one
  timeout per interval, not one per request.
- **One client per connection pool.** Django's client makes a new `redis.Redis` for
  every cache call, and each one builds its table of about 170 response callbacks: about
  0.1 ms a call, several calls a page. A cache object belongs to one thread
  (`django.core.cache.caches`); a client, the pools and the breaker are thread-safe.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends import redis
from redis.backoff import NoBackoff
from redis.exceptions import BusyLoadingError, ConnectionError, ResponseError, TimeoutError
from redis.retry import Retry

logger = logging.getLogger(__name__)

# Redis did not answer in time, or not at all, or is loading its data after a restart.
UNAVAILABLE = (ConnectionError, TimeoutError, BusyLoadingError)


class CircuitBreaker:
    """Whether to call Redis now: not for `retry_seconds` after a failure, then once."""

    def __init__(self, retry_seconds):
        self.retry_seconds = retry_seconds
        self.closed_after = 0.0
        self.lock = threading.Lock()

    @property
    def is_open(self):
        return time.monotonic() < self.closed_after

    def allows_call(self):
        if not self.closed_after:
            return True
        with self.lock:
            if self.is_open:
                return False
            # This call tries Redis again; the others wait for another interval.
            self.closed_after = time.monotonic() + self.retry_seconds
            return True

    def failed(self, error):
        if not self.is_open:
            logger.warning("Redis unavailable for %s s: %s", self.retry_seconds, error)
        self.closed_after = time.monotonic() + self.retry_seconds

    def succeeded(self):
        if self.closed_after:
            logger.warning("Redis available again")
            self.closed_after = 0.0


BREAKERS = {}


def breaker_for(location):
    return BREAKERS.setdefault(location, CircuitBreaker(settings.REDIS_RETRY_SECONDS))


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, servers, **options):
        # A connection broken by a restart of Redis is tried once more, on a new
        # connection; a timeout is not (the breaker's business).
        options = {"retry": Retry(NoBackoff(), 1), "retry_on_error": [ConnectionError], **options}
        super().__init__(servers, **options)
        self._clients = {}
        self._scripts = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if id(pool) not in self._clients:
            self._clients[id(pool)] = self._client(connection_pool=pool)
        return self._clients[id(pool)]

    def run_script(self, source, keys, args):
        if source not in self._scripts:
            self._scripts[source] = self.get_client(write=True).register_script(source)
        return self._scripts[source](keys=keys, args=args)


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
        self.breaker = breaker_for(server)

    def guarded(self, operation, fallback, *args, **kwargs):
        """`operation(*args, **kwargs)`, or `fallback` when Redis cannot answer it."""
        if not self.breaker.allows_call():
            return fallback
        try:
            result = operation(*args, **kwargs)
        except UNAVAILABLE as error:
            self.breaker.failed(error)
            return fallback
        except ResponseError as error:
            # Out of memory (maxmemory with noeviction) and the like: this write is lost,
            # but Redis answers, and reads go on.
            logger.warning("Redis refused a command: %s", error)
            return fallback
        self.breaker.succeeded()
        return result

    def run_script(self, source, keys, args, fallback=None):
        """Run the Lua script `source` on this cache's Redis, where it sees the cache's
        entries: `keys` are cache keys, turned into the Redis keys the cache stores them
        under. `fallback` when Redis cannot run it."""
        keys = [self.make_and_validate_key(key) for key in keys]
        return self.guarded(self._cache.run_script, fallback, source, keys, args)

    def get(self, key, default=None, version=None):
        return self.guarded(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self.guarded(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self.guarded(super().has_key, False, key, version)

    def add(self, key, value, timeout=redis.DEFAULT_TIMEOUT, version=None):
        return self.guarded(super().add, False, key, value, timeout, version)

    def set(self, key, value, timeout=redis.DEFAULT_TIMEOUT, version=None):
        return self.guarded(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=redis.DEFAULT_TIMEOUT, version=None):
        return self.guarded(super().set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=redis.DEFAULT_TIMEOUT, version=None):
        return self.guarded(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self.guarded(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self.guarded(super().delete_many, None, keys, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self.guarded(super().incr, missing, key, delta, version)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (Redis is unavailable).")
        return result

    def clear(self):
        return self.guarded(super().clear, False)

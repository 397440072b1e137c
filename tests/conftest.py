import os
import uuid

import pytest
import redis
from django.core.cache import cache

from tests.factories import make_member

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded and generated files go to a per-test folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page cached by an earlier test is served."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def translator_client(client):
    client.force_login(make_member("Translators", "translator"))
    return client


@pytest.fixture
def editor_client(client):
    client.force_login(make_member("Editors", "editor"))
    return client


@pytest.fixture
def redis_cache(settings):
    """The cache on Redis, as in production (view counts kept there too), under a key
    prefix of this test's own."""
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "common.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    settings.VIEW_COUNT_FLUSH_SECONDS = 60
    yield
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)

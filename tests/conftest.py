import os
import signal
import socket
import subprocess
import time
import uuid

import pytest
import redis
from django.core.cache import cache

from common.cache import BREAKERS
from news.counting import pending_views
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
    # No view of this test is left in this process's memory for the next test.
    pending_views.write()
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def private_redis(tmp_path, settings):
    """A redis-server of this test's own on a free port, which the test may stop, pause
    and restart; the cache (and the view counts shown) on it, as in production."""
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "common.cache.RedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.3},
        }
    }
    settings.REDIS_RETRY_SECONDS = 0.5
    settings.VIEW_COUNT_FLUSH_SECONDS = 60
    yield server
    pending_views.write()
    server.stop()
    BREAKERS.clear()


class RedisServer:
    def __init__(self, folder):
        self.folder = folder
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        command = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--dir",
            str(self.folder),
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.02)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait()

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def save_snapshot(self):
        redis.Redis.from_url(self.url).save()

import os
import signal
import socket
import subprocess
import sys
import time
import uuid

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from common.cache import BREAKERS
from editions.models import Organization
from news.counting import pending_views
from tests.factories import make_declaration, make_edition, make_member, make_organization, make_paragraph, make_staff

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
def staff_client(client):
    """A superuser, logged in: may do everything in the admin."""
    client.force_login(make_staff())
    return client


@pytest.fixture
def translator_client(client):
    """A member of the Translators group who translates into English."""
    client.force_login(make_member("Translators", "translator", languages=["en"]))
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

    def save_snapshot(self):
        redis.Redis.from_url(self.url).save()


@pytest.fixture
def manage():
    """Runs `manage.py` in a process of its own, with `env` over this process's environment."""

    def run(*args, env):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=django_settings.BASE_DIR,
            env=os.environ | env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


@pytest.fixture
def declaration():
    """The 11th forum's declaration with three paragraphs, numbered 1 to 3."""
    declaration = make_declaration(
        make_edition(number=11, year=2021),
        title_ko="제11회 세계인권도시포럼 광주선언문",
        title_en="Gwangju Declaration of the 11th World Human Rights Cities Forum",
    )
    make_paragraph(declaration, text_ko="우리는 모두의 존엄을 지킨다.", text_en="We uphold the dignity of all.")
    make_paragraph(declaration, text_ko="도시는 약속을 지킨다.", text_en="Cities keep their promises.")
    make_paragraph(declaration, text_ko="시민이 함께 만든다.", text_en="Residents shape it together.")
    return declaration


@pytest.fixture
def unesco():
    return make_organization(
        slug="unesco",
        name_ko="유네스코",
        name_en="United Nations Educational, Scientific and Cultural Organization",
        acronym="UNESCO",
        kind=Organization.Kind.UN_BODY,
        website="https://www.unesco.org/",
    )


@pytest.fixture
def migrate():
    """For tests of a data migration: `migrate(targets)` migrates the real database to
    `targets` and returns the apps as they are there. Afterwards the database is migrated
    forward to every app's latest migration, which the tests that follow expect
    (migrating one app back also takes back the other apps' migrations that depend on it)."""

    def migrate_to(targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield migrate_to
    migrate_to(MigrationExecutor(connection).loader.graph.leaf_nodes())

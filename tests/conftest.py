import os
import subprocess
import sys
import uuid

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import cache

from editions.models import Organization
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

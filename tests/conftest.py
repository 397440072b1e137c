import pytest
from django.core.cache import cache

from tests.factories import make_member


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

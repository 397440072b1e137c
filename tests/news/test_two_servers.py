"""Two app-server processes sharing one database count every view exactly once."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import make_post
from tests.pages import BROWSER

READERS_PER_SERVER = 60


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    """The URL of the test database this test runs in, for the server processes."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    return f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"


def wait_until_serving(base_url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"{base_url}/ko/", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(base_url)


def read_as_new_reader(url):
    request = urllib.request.Request(url, headers={"User-Agent": BROWSER})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


@pytest.fixture
def two_servers():
    env = os.environ | {"DATABASE_URL": database_url(), "DJANGO_DEBUG": "1"}
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    base_urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for base_url, process in zip(base_urls, processes, strict=True):
            wait_until_serving(base_url, process)
        yield base_urls
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


@pytest.mark.django_db(transaction=True)
def test_view_count_is_exact_across_two_app_servers(two_servers):
    post = make_post(view_count=114)
    urls = [base_url + post.get_absolute_url() for base_url in two_servers] * READERS_PER_SERVER

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(read_as_new_reader, urls))

    assert statuses == [200] * 2 * READERS_PER_SERVER
    post.refresh_from_db()
    assert post.view_count == 114 + 2 * READERS_PER_SERVER

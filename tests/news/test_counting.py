from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from tests.factories import make_post
from tests.pages import BROWSER

THREADS = 8
REQUESTS_PER_THREAD = 25


def read_as_new_readers(url, count):
    """`count` requests, each from a browser without cookies: `count` distinct readers."""
    try:
        return [Client().get(url, HTTP_USER_AGENT=BROWSER).status_code for _ in range(count)]
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_view_count_loses_nothing_under_concurrent_readers():
    post = make_post(view_count=660)

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(
            pool.map(read_as_new_readers, [post.get_absolute_url()] * THREADS, [REQUESTS_PER_THREAD] * THREADS)
        )

    assert [status for statuses in results for status in statuses] == [200] * THREADS * REQUESTS_PER_THREAD
    post.refresh_from_db()
    assert post.view_count == 660 + THREADS * REQUESTS_PER_THREAD

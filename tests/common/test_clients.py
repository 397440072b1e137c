"""The client's address behind none, one or two proxies (common/clients.py)."""

import pytest
from django.test import RequestFactory

from common.clients import client_address


def request_from(connection_address, forwarded_for=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=connection_address, **headers)


def test_without_proxy_the_connection_is_the_client_whatever_the_header_says(settings):
    settings.PROXY_COUNT = 0

    address = client_address(request_from("198.51.100.7", "203.0.113.66"))

    assert address == "198.51.100.7"


@pytest.mark.parametrize(
    ("forwarded_for", "client"),
    [
        ("198.51.100.7", "198.51.100.7"),
        ("203.0.113.66, 198.51.100.7", "198.51.100.7"),
        ("unknown, , 203.0.113.66,198.51.100.7", "198.51.100.7"),
        ("2001:db8::7", "2001:db8::7"),
    ],
)
def test_behind_one_proxy_the_client_is_the_address_it_appended(settings, forwarded_for, client):
    settings.PROXY_COUNT = 1

    address = client_address(request_from("127.0.0.1", forwarded_for))

    assert address == client


def test_behind_two_proxies_the_client_is_the_address_the_outer_one_saw(settings):
    settings.PROXY_COUNT = 2

    address = client_address(request_from("10.0.0.2", "203.0.113.66, 198.51.100.7, 10.0.0.1"))

    assert address == "198.51.100.7"


@pytest.mark.parametrize("forwarded_for", [None, "", "not-an-address"])
def test_a_request_that_did_not_pass_the_proxy_is_from_its_connection(settings, forwarded_for):
    settings.PROXY_COUNT = 1

    address = client_address(request_from("192.0.2.10", forwarded_for))

    assert address == "192.0.2.10"

"""Which address a request comes from: one rule for everything that tells clients apart
(the login lockout, and any per-client limit)."""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address of the client as the outermost of our own proxies saw it.

    Each of the `PROXY_COUNT` proxies in front of the app appends the address it was
    reached from to X-Forwarded-For (nginx: `$proxy_add_x_forwarded_for`), so the client
    is the PROXY_COUNT-th entry from the right. Entries further left were written by the
    client itself and are never believed. With no proxy, or for a request that did not
    pass through them all (a health check sent straight to the app server), it is the
    address of the connection."""
    connection_address = request.META.get("REMOTE_ADDR") or None
    if not settings.PROXY_COUNT:
        return connection_address
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [entry for entry in forwarded if entry]
    if len(forwarded) < settings.PROXY_COUNT:
        return connection_address
    candidate = forwarded[-settings.PROXY_COUNT]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return connection_address

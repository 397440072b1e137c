import re
import uuid

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.shortcuts import render

from .logging import current_request_id

REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RejectNullCharactersMiddleware:
    """A NUL character in the query string is never a real reader's input, and PostgreSQL
    refuses it in any query (psycopg2 raises ValueError): answer 400 before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in value for value in request.GET.values()):
            return HttpResponseBadRequest("Bad request", content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class RejectLargeRequestsOfVisitorsMiddleware:
    """Only staff upload files: a request body larger than PUBLIC_REQUEST_MAX_BYTES from
    anyone else is answered 413 from its Content-Length alone, before CSRF or a form reads
    the body (Django would write a large upload to a temporary file first). Placed after
    AuthenticationMiddleware, before any view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if body_length(request) > settings.PUBLIC_REQUEST_MAX_BYTES and not request.user.is_staff:
            return render(request, "413.html", status=413)
        return self.get_response(request)


def body_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestIdMiddleware:
    """Every request gets an id (the proxy's X-Request-ID when it looks sane), logged with
    each record of the request and returned in the response, to follow one request
    through proxy, app server and logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = current_request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


class PermissionsPolicyMiddleware:
    """Django has no setting for Permissions-Policy: the site needs no powerful feature."""

    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.POLICY)
        return response

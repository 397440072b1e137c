from django.http import HttpResponseBadRequest


class RejectNullCharactersMiddleware:
    """A NUL character in the query string is never a real reader's input, and PostgreSQL
    refuses it in any query (psycopg2 raises ValueError): answer 400 before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in value for value in request.GET.values()):
            return HttpResponseBadRequest("Bad request", content_type="text/plain; charset=utf-8")
        return self.get_response(request)

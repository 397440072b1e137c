import math
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import Count
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django_ratelimit.core import get_usage

from common.clients import client_address
from editions.models import Declaration, Organization, Session
from news.models import Post

from .models import SearchEntry
from .query import parse

# On the page of all kinds, the first results of each; a kind's own page has them all.
RESULTS_PER_KIND = 5
RESULTS_PER_PAGE = 20
# How each kind's objects are read for their results.
LOADERS = {
    SearchEntry.Kind.NEWS: lambda: Post.objects.for_listing(),
    SearchEntry.Kind.SESSION: lambda: Session.objects.select_related("edition"),
    SearchEntry.Kind.ORGANIZATION: lambda: Organization.objects.only("slug", "name", "acronym"),
    SearchEntry.Kind.DECLARATION: lambda: Declaration.objects.select_related("edition"),
}


def client_key(group, request):
    """The reader's address, found as the login lockout finds it (common/clients.py)."""
    return client_address(request) or "unknown"


@require_safe
def search(request):
    """Posts, sessions, organizations and declarations holding every word of `q`, in
    either language, grouped by kind (or one `kind`, page by page). Readers who search
    faster than SEARCH_RATE get a 429; a search slower than SEARCH_TIMEOUT_MS a 503: a
    flood of searches cannot take the site from other readers."""
    usage = get_usage(request, group="search", key=client_key, rate=settings.SEARCH_RATE, increment=True)
    if usage and usage["should_limit"]:
        response = render(request, "search/too_many_searches.html", status=429)
        return unhurried(response, retry_after=max(1, usage["time_left"]))
    query = parse(request.GET.get("q", ""))
    kind = request.GET.get("kind")
    kind = kind if kind in SearchEntry.Kind.values else None
    context = {"query": query, "kind": kind, "search_terms": query.terms}
    if query.is_useful:
        try:
            with statement_timeout(settings.SEARCH_TIMEOUT_MS):
                context |= results(query, kind, page_number(request.GET.get("page")))
        except OperationalError:
            response = render(request, "search/search_too_slow.html", context, status=503)
            return unhurried(response, retry_after=10)
    response = render(request, "search/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def unhurried(response, retry_after):
    response["Retry-After"] = str(retry_after)
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    return response


def page_number(value):
    return int(value) if value and value.isascii() and value.isdigit() and len(value) <= 6 else 1


@contextmanager
def statement_timeout(milliseconds):
    """On PostgreSQL, queries in this block are cancelled after `milliseconds`
    (OperationalError): the index serves every accepted query, and this is the bound if
    one still runs long."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = %s", [int(milliseconds)])
        yield


def results(query, kind, page):
    """The counts of each kind and the ranked results of each (or of `kind`)."""
    entries = SearchEntry.objects.public().matching(query.requirements, query.phrases)
    counts = dict(entries.order_by().values_list("kind").annotate(Count("pk")))
    groups = []
    for each_kind in [kind] if kind else SearchEntry.Kind.values:
        count = counts.get(each_kind, 0)
        if not count:
            continue
        size = RESULTS_PER_PAGE if kind else RESULTS_PER_KIND
        page = min(page, math.ceil(count / size)) if kind else 1
        ranked = entries.filter(kind=each_kind).ranked(query.requirements)
        ids = list(ranked.values_list("object_id", flat=True)[(page - 1) * size : page * size])
        objects = LOADERS[each_kind]().in_bulk(ids)
        groups.append(
            {
                "kind": each_kind,
                "label": SearchEntry.Kind(each_kind).label,
                "count": count,
                "objects": [objects[pk] for pk in ids if pk in objects],
                "page": page,
                "pages": math.ceil(count / size),
            }
        )
    kind_counts = [(value, label, counts[value]) for value, label in SearchEntry.Kind.choices if counts.get(value)]
    return {"kind_counts": kind_counts, "total": sum(counts.values()), "groups": groups}

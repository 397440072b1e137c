import math
import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django_ratelimit.core import get_usage

from common.clients import client_address
from editions.models import Declaration, Organization, Session
from news.models import Post

from .models import SearchEntry, holding
from .query import parse

# On the page of all kinds, the first results of each; a kind's own page has them all.
RESULTS_PER_KIND = 5
RESULTS_PER_PAGE = 20
# Searches this process runs at once (SEARCH_CONCURRENCY); a reader arriving when all are
# taken is asked to try again. The limit per address cannot bound a flood from many
# addresses: this does, so the other pages keep the workers' time.
SEARCH_SLOTS = threading.BoundedSemaphore(settings.SEARCH_CONCURRENCY)
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
    faster than SEARCH_RATE get a 429; a search arriving while SEARCH_CONCURRENCY others
    run in this process, or slower than SEARCH_TIMEOUT_MS, a 503: a flood of searches
    cannot take the site from other readers."""
    usage = get_usage(request, group="search", key=client_key, rate=settings.SEARCH_RATE, increment=True)
    if usage and usage["should_limit"]:
        response = render(request, "search/too_many_searches.html", status=429)
        return unhurried(response, retry_after=max(1, usage["time_left"]))
    query = parse(request.GET.get("q", ""))
    kind = request.GET.get("kind")
    kind = kind if kind in SearchEntry.Kind.values else None
    context = {"query": query, "kind": kind, "search_terms": query.terms}
    if query.is_useful:
        if not SEARCH_SLOTS.acquire(blocking=False):
            response = render(request, "search/search_busy.html", context, status=503)
            return unhurried(response, retry_after=2)
        try:
            with statement_timeout(settings.SEARCH_TIMEOUT_MS):
                context |= results(query, kind, page_number(request.GET.get("page")))
        except OperationalError:
            response = render(request, "search/search_too_slow.html", context, status=503)
            return unhurried(response, retry_after=10)
        finally:
            SEARCH_SLOTS.release()
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
    """The counts of each kind (up to SEARCH_COUNT_LIMIT) and the ranked results of each
    (or of `kind`)."""
    entries = SearchEntry.objects.public().matching(query.requirements, query.phrases)
    bound = settings.SEARCH_COUNT_LIMIT
    counts = {value: entries.filter(kind=value).count_up_to(bound) for value in SearchEntry.Kind.values}
    groups = []
    for each_kind in [kind] if kind else SearchEntry.Kind.values:
        count, more = counts[each_kind]
        if not count:
            continue
        size = RESULTS_PER_PAGE if kind else RESULTS_PER_KIND
        pages = math.ceil(count / size)
        page = min(page, pages) if kind else 1
        ids = ranked_ids(entries.filter(kind=each_kind), query.requirements, more, (page - 1) * size, page * size)
        objects = LOADERS[each_kind]().in_bulk(ids)
        groups.append(
            {
                "kind": each_kind,
                "label": SearchEntry.Kind(each_kind).label,
                "count": count,
                "more": more,
                "objects": [objects[pk] for pk in ids if pk in objects],
                "page": page,
                "pages": pages,
            }
        )
    kind_counts = [(value, label, *counts[value]) for value, label in SearchEntry.Kind.choices if counts[value][0]]
    return {
        "kind_counts": kind_counts,
        "total": sum(count for count, _more in counts.values()),
        "more": any(more for _count, more in counts.values()),
        "groups": groups,
    }


def ranked_ids(entries, requirements, many, start, stop):
    """The object ids of the ranked `entries` from `start` to `stop`. Up to
    SEARCH_COUNT_LIMIT entries are ranked exactly (SearchEntryQuerySet.ranked); `many`
    more are ranked in two tiers, each newest first: every word in the title, then the
    rest. Each tier's page is read along an index (the title terms', kind and date), so
    a page costs the same whether a thousand or fifty thousand entries match."""
    if not many:
        return list(entries.ranked(requirements).values_list("object_id", flat=True)[start:stop])
    in_title = holding("title_terms", requirements)
    first_tier, _more = entries.filter(in_title).count_up_to(stop)
    ids = []
    if start < first_tier:
        ids += entries.filter(in_title).newest_first().values_list("object_id", flat=True)[start:stop]
    if stop > first_tier:
        rest = entries.exclude(in_title).newest_first().values_list("object_id", flat=True)
        ids += rest[max(0, start - first_tier) : stop - first_tier]
    return ids

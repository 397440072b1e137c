import math
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
# The advisory locks (PostgreSQL, this key and a slot number) held by the searches that
# run: at most SEARCH_CONCURRENCY at once in the whole site.
SEARCH_LOCK_KEY = 0x5EA4C4


class SearchBusy(Exception):
    """Every search slot of the site is taken."""


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
    run, or slower than SEARCH_TIMEOUT_MS, a 503: a flood of searches, even from many
    addresses, cannot take the site from other readers."""
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
            with bounded_search(settings.SEARCH_TIMEOUT_MS, settings.SEARCH_CONCURRENCY):
                context |= results(query, kind, page_number(request.GET.get("page")))
        except SearchBusy:
            response = render(request, "search/search_busy.html", context, status=503)
            return unhurried(response, retry_after=2)
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
def bounded_search(milliseconds, slots):
    """On PostgreSQL, a search holds one of `slots` advisory locks for the site (released
    with its transaction, even if its process dies), or raises SearchBusy; its queries
    are cancelled after `milliseconds` (OperationalError): the indexes serve every
    accepted query, and this is the bound if one still runs long. The planner is also
    told to use the indexes: it cannot tell that testing a row's terms costs more than
    finding them in an index, and would read the whole table for a few rows (a search's
    first tier: 7 s instead of 1 ms at 100,000 posts)."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT (SELECT slot FROM generate_series(1, %s) AS slot"
                " WHERE pg_try_advisory_xact_lock(%s, slot) LIMIT 1),"
                " set_config('statement_timeout', %s, true), set_config('enable_seqscan', 'off', true)",
                [slots, SEARCH_LOCK_KEY, str(int(milliseconds))],
            )
            if cursor.fetchone()[0] is None:
                raise SearchBusy
        yield


def results(query, kind, page):
    """The counts of each kind (up to SEARCH_COUNT_LIMIT) and the ranked results of each
    (or of `kind`)."""
    public = SearchEntry.objects.public()
    entries = public.matching(query.requirements, query.phrases)
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
        ids = ranked_ids(public.filter(kind=each_kind), query, more, (page - 1) * size, page * size)
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


def ranked_ids(entries, query, many, start, stop):
    """The object ids of the `entries` matching `query`, ranked, from `start` to `stop`.
    Up to SEARCH_COUNT_LIMIT entries are ranked exactly (SearchEntryQuerySet.ranked);
    `many` more are ranked in two tiers, each newest first: every word in the title, then
    the rest. Each tier's page is read along an index (the title terms', kind and date),
    so a page costs the same whether a thousand or fifty thousand entries match."""
    found = entries.matching(query.requirements, query.phrases)
    if not many:
        return list(found.ranked(query.requirements).values_list("object_id", flat=True)[start:stop])
    # The title's terms are among all the terms: the first tier needs no other test.
    in_title = entries.matching(query.requirements, query.phrases, column="title_terms")
    first_tier = newest_first(in_title, max(settings.SEARCH_COUNT_LIMIT, stop))
    if first_tier is None:
        return list(in_title.newest_first().values_list("object_id", flat=True)[start:stop])
    ids = first_tier[start:stop]
    if stop > len(first_tier):
        rest = found.exclude(holding("title_terms", query.requirements)).newest_first()
        ids += rest.values_list("object_id", flat=True)[max(0, start - len(first_tier)) : stop - len(first_tier)]
    return ids


def newest_first(entries, bound):
    """The object ids of `entries` newest first if there are no more than `bound`, else
    None. Read in any order, then sorted here: few entries are found from an index of
    their terms, where walking the index of dates to find them could read every entry
    of their kind; many are better read along the dates (SearchEntryQuerySet.newest_first)."""
    rows = list(entries.order_by().values_list("date", "pk", "object_id")[: bound + 1])
    if len(rows) > bound:
        return None
    rows.sort(key=lambda row: (row[0] is not None, row[0] and row[0].timestamp(), row[1]), reverse=True)
    return [object_id for _date, _pk, object_id in rows]

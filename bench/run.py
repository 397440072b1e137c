"""`make bench`: the public pages under load, side by side with the framework's floor.

Starts the project under production settings (gunicorn, DEBUG off, PostgreSQL, Redis),
beside it the same project with its page cache off (to measure pages as rendered), and
the floor: the project's own settings and middleware with a view that returns "hello".
wrk drives each target on 127.0.0.1 in rounds that alternate between targets, so all see
the same machine.

1. With SMALL_POSTS posts (1,000), the news list (first and last page, not cached, one
   connection) is timed; the archive is then enlarged to POSTS posts (100,000) and timed
   again: the ratio shows whether lists stay flat as the archive grows.
2. With POSTS posts, every public page: req/s, p50/p99 latency and the ratio to the
   floor; then the queries per page and the EXPLAIN of the hot queries.

The results table replaces the one in README.md (between the bench markers) unless
SMOKE=1 or WRITE_README=0. Everything it starts, it stops.

Environment: POSTS (100000), SMALL_POSTS (1000), ROUNDS (5), DURATION (seconds per run,
5), CONNECTIONS (32), BENCH_DATABASE_URL, BENCH_REDIS_URL; WEB_CONCURRENCY and
GUNICORN_THREADS as for gunicorn.conf.py; SMOKE=1 for a few-second run that only proves
the benchmark works (`make bench-smoke`).
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench.servers import (  # noqa: E402 (the project folder first)
    create_database,
    free_port,
    log,
    manage,
    production_environment,
    start_gunicorn,
    stop,
)

SMOKE = os.environ.get("SMOKE") == "1"
POSTS = int(os.environ.get("POSTS", "300" if SMOKE else "100000"))
SMALL_POSTS = int(os.environ.get("SMALL_POSTS", "100" if SMOKE else "1000"))
POSTS_PER_PAGE = 20
README = PROJECT / "README.md"
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"
ROUNDS = int(os.environ.get("ROUNDS", "1" if SMOKE else "5"))
DURATION = int(os.environ.get("DURATION", "1" if SMOKE else "5"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "32"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/whrcf_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
# The search timed (two Korean words, as readers type them); the server it is timed on
# lets one address search as often as the benchmark asks.
SEARCH_QUERY = "광주 인권"
UNLIMITED_SEARCH = {"SEARCH_RATE": "100000000/m"}


def prepare(env):
    create_database(DATABASE_URL)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo")
    manage(env, "enlarge_demo", "--posts", str(SMALL_POSTS))
    manage(env, "collectstatic", "--no-input", "-v0")
    flush_cache()


def enlarge(env):
    """Bulk inserts send no signals, so the cache is emptied: no page of the smaller archive
    is served."""
    manage(env, "enlarge_demo", "--posts", str(POSTS))
    flush_cache()


def flush_cache():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def wrk(url, connections=CONNECTIONS):
    """(requests/s, p50 ms, p99 ms) of one wrk run."""
    result = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{DURATION}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    errors = re.search(r"Socket errors: .*", result.stdout)
    if errors or " 0 requests in" in result.stdout:
        raise RuntimeError(f"{url}: {errors.group(0) if errors else 'no answer'}\n{result.stdout}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if non_2xx:
        raise RuntimeError(f"{url}: {non_2xx.group(1)} non-2xx responses")

    def percentile(name):
        value, unit = re.search(rf"{name}%\s+([\d.]+)(us|ms|s)\b", result.stdout).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rps, percentile("50"), percentile("99")


def last_page():
    from news.models import Post

    return max(1, -(-Post.objects.published().count() // POSTS_PER_PAGE))


def search_url(base):
    return f"{base}/ko/search/?{urllib.parse.urlencode({'q': SEARCH_QUERY})}"


def list_targets(uncached_base):
    return {
        "news list": f"{uncached_base}/ko/news/",
        "news list, last page": f"{uncached_base}/ko/news/?page={last_page()}",
        f"search “{SEARCH_QUERY}”": search_url(uncached_base),
    }


def targets(app_base, uncached_base, hello_base):
    from editions.models import Edition
    from news.models import Post

    post = Post.objects.published().filter(title_en__gt="").order_by("-published_at").first()
    edition = Edition.objects.published().filter(sessions__isnull=False).first()
    return {
        "floor (hello)": f"{hello_base}/hello",
        "home": f"{app_base}/ko/",
        "news list": f"{app_base}/ko/news/",
        "news list, last page": f"{app_base}/ko/news/?page={last_page()}",
        "article (ko)": f"{app_base}/ko/news/{post.pk}/{post.slug}/",
        "article (en)": f"{app_base}/en/news/{post.pk}/{post.slug}/",
        "article (ko), uncached": f"{uncached_base}/ko/news/{post.pk}/{post.slug}/",
        "edition page": f"{app_base}/ko/forums/{edition.number}/",
        "feed (ko)": f"{app_base}/ko/news/feed/",
    }


def run_rounds(urls, connections=CONNECTIONS):
    """Each target once to warm it up (the first view of an article makes its image
    renditions), then ROUNDS rounds of wrk over all of them."""
    for url in urls.values():
        urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "Mozilla/5.0 (bench)"})).read()
    results = {name: [] for name in urls}
    for number in range(1, ROUNDS + 1):
        log(f"round {number}/{ROUNDS}")
        for name, url in urls.items():
            results[name].append(wrk(url, connections))
    return results


def median_of(runs, index):
    return statistics.median(run[index] for run in runs)


def table(results):
    floor = median_of(results["floor (hello)"], 0)
    lines = [
        "| target | req/s | p50 ms | p99 ms | × floor |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, runs in results.items():
        rps, p50, p99 = (median_of(runs, index) for index in range(3))
        lines.append(f"| {name} | {rps:.0f} | {p50:.1f} | {p99:.1f} | {rps / floor:.3f} |")
    return lines


def scaling_table(small, large):
    lines = [
        f"| not cached, one connection | p50 ms at {SMALL_POSTS:,} posts | p50 ms at {POSTS:,} posts | ratio |",
        "|---|---:|---:|---:|",
    ]
    for name in small:
        before, after = median_of(small[name], 1), median_of(large[name], 1)
        lines.append(f"| {name} | {before:.1f} | {after:.1f} | {after / before:.2f} |")
    return lines


def update_readme(lines):
    text = README.read_text()
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    README.write_text(text[:start] + "\n" + "\n".join(lines) + "\n" + text[end:])


def print_queries(urls):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings

    log("")
    log("queries per page, rendered (page cache off) and counting a new reader; each page")
    log("once beforehand, as a running server has (a process looks its content types up once)")
    with override_settings(PAGE_CACHE=False):
        for name, url in urls.items():
            if name.startswith("floor") or name.endswith("uncached"):
                continue
            path = "/" + url.split("/", 3)[3]
            new_reader().get(path)
            with CaptureQueriesContext(connection) as queries:
                status = new_reader().get(path).status_code
            log(f"  {name:<22} {len(queries):>3} queries (HTTP {status})")


def new_reader():
    from django.test import Client

    return Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT="Mozilla/5.0 (bench)")


def print_explains():
    from editions.models import Edition
    from news.models import Post

    post = Post.objects.published().order_by("-published_at").first()
    hot = {
        "news list page": Post.objects.published().for_listing().pinned_first()[:20],
        "news list, last page (read from the end)": Post.objects.published()
        .for_listing()
        .pinned_first()
        .reverse()[:20],
        "article": Post.objects.published().for_article().filter(pk=post.pk),
        "previous post": Post.objects.published().for_links().before(post)[:1],
        "next post, of the newest post (there is none)": Post.objects.published().for_links().after(post)[:1],
        "edition news": Post.objects.published().for_listing().filter(edition=post.edition_id)[:6],
        "current edition": Edition.objects.published().order_by("-starts_on")[:1],
    }
    log_explains(hot)
    print_search_explains()


def log_explains(querysets):
    for name, queryset in querysets.items():
        log("")
        log(f"EXPLAIN {name}")
        for line in queryset.explain().splitlines():
            log(f"  {line}")


def print_search_explains():
    """The queries of a search with many results (search/views.py), planned as the search
    page plans them (bounded_search)."""
    from django.conf import settings

    from search.models import SearchEntry, holding
    from search.query import parse
    from search.views import bounded_search

    query = parse(SEARCH_QUERY)
    news = SearchEntry.objects.public().filter(kind=SearchEntry.Kind.NEWS)
    found = news.matching(query.requirements, query.phrases)
    in_title = news.matching(query.requirements, query.phrases, column="title_terms")
    hot = {
        "search: news results, counted up to SEARCH_COUNT_LIMIT": found.order_by().values("pk")[
            : settings.SEARCH_COUNT_LIMIT + 1
        ],
        "search: first tier (every word in the title), newest first": in_title.newest_first().values("object_id")[:5],
        "search: the rest, newest first": found.exclude(holding("title_terms", query.requirements))
        .newest_first()
        .values("object_id")[:5],
    }
    with bounded_search(60_000, slots=1):
        log_explains(hot)


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="whrcf-bench-"))
    env = production_environment(workdir, DATABASE_URL, REDIS_URL)
    os.environ.update(env)
    import django

    django.setup()
    log(f"Preparing {SMALL_POSTS} posts on {DATABASE_URL} …")
    prepare(env)
    app_port, uncached_port, hello_port = free_port(), free_port(), free_port()
    servers = []
    try:
        servers.append(start_gunicorn(env, "whrcf.wsgi", app_port, "/healthz"))
        uncached_env = env | {"DJANGO_PAGE_CACHE": "0"} | UNLIMITED_SEARCH
        servers.append(start_gunicorn(uncached_env, "whrcf.wsgi", uncached_port, "/healthz"))
        servers.append(start_gunicorn(env, "bench.hello_wsgi", hello_port, "/hello"))
        uncached_base = f"http://127.0.0.1:{uncached_port}"
        # One connection: the time of one request, not of a queue of them.
        small = run_rounds(list_targets(uncached_base), connections=1)
        log(f"Enlarging to {POSTS} posts …")
        enlarge(env)
        large = run_rounds(list_targets(uncached_base), connections=1)
        urls = targets(f"http://127.0.0.1:{app_port}", uncached_base, f"http://127.0.0.1:{hello_port}")
        results = run_rounds(urls)
        workers, threads = os.environ.get("WEB_CONCURRENCY", "4"), os.environ.get("GUNICORN_THREADS", "2")
        lines = [
            f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, {POSTS:,} posts, PostgreSQL and Redis on "
            f"loopback, gunicorn {workers} workers × {threads} threads; wrk -t2 -c{CONNECTIONS} -d{DURATION}s, "
            f"median of {ROUNDS} rounds.",
            "",
            *table(results),
            "",
            *scaling_table(small, large),
        ]
        log("")
        for line in lines:
            log(line)
        if not SMOKE and os.environ.get("WRITE_README", "1") == "1":
            update_readme(lines)
            log("\nREADME.md: results table updated.")
        print_queries(urls)
        print_explains()
    finally:
        for server in servers:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

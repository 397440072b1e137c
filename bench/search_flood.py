"""`make bench-search-flood`: does a flood of searches take the site from readers?

On an archive already prepared by `make bench` (or `load_demo` and `enlarge_demo`),
starts the project under production settings (gunicorn, DEBUG off, PostgreSQL, Redis)
and measures with wrk:

1. the p50 of the two-word Korean search (bench.run.SEARCH_QUERY) alone, one
   connection, on a server without the limit on searches per reader;
2. the cached article's throughput alone, then while 8 clients (each its own address,
   as a proxy in front reports it) send searches as fast as they are answered: one or
   two characters, and real words. Issue 18 asks for ≥ 0.5 × the throughput alone.

Environment: BENCH_DATABASE_URL, BENCH_REDIS_URL (as bench/run.py), DURATION (10),
FLOOD_CLIENTS (8), PORT (a first port; this uses it and the next one).
"""

import collections
import http.client
import itertools
import os
import shutil
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench.run import DATABASE_URL, REDIS_URL, SEARCH_QUERY, UNLIMITED_SEARCH, search_url  # noqa: E402
from bench.servers import log, manage, production_environment, start_gunicorn, stop  # noqa: E402

DURATION = int(os.environ.get("DURATION", "10"))
FLOOD_CLIENTS = int(os.environ.get("FLOOD_CLIENTS", "8"))
PORT = int(os.environ.get("PORT", "19110"))
# What a flood sends: mostly one and two characters (issue 18), some real words.
FLOOD_QUERIES = ["광", "인", "a", "도시", "시", "UN", "광주", "인권", "광주 인권", "forum", "human rights", "포럼"]


def wrk(url, connections, duration=DURATION):
    import bench.run

    bench.run.DURATION = duration
    return bench.run.wrk(url, connections)


def flood(port, client_number, stop_event, statuses):
    """One client searching as fast as it is answered, from its own address."""
    address = f"198.51.100.{client_number + 1}"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for query in itertools.cycle(FLOOD_QUERIES[client_number % 3 :] + FLOOD_QUERIES[: client_number % 3]):
        if stop_event.is_set():
            break
        path = f"/ko/search/?{urllib.parse.urlencode({'q': query})}"
        try:
            connection.request("GET", path, headers={"X-Forwarded-For": address, "User-Agent": "flood"})
            response = connection.getresponse()
            response.read()
            statuses[response.status] += 1
        except (OSError, http.client.HTTPException):
            statuses["error"] += 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.close()


def article_url(base):
    from news.models import Post

    post = Post.objects.published().filter(title_en__gt="").order_by("-published_at").first()
    return f"{base}/ko/news/{post.pk}/{post.slug}/"


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="whrcf-flood-"))
    env = production_environment(workdir, DATABASE_URL, REDIS_URL) | {"DJANGO_PROXY_COUNT": "1"}
    os.environ.update(env)
    import django

    django.setup()
    from news.models import Post

    manage(env, "collectstatic", "--no-input", "-v0")
    log(f"{Post.objects.published().count():,} published posts on {DATABASE_URL}")
    servers = []
    try:
        servers.append(start_gunicorn(env, "whrcf.wsgi", PORT, "/healthz"))
        servers.append(start_gunicorn(env | UNLIMITED_SEARCH, "whrcf.wsgi", PORT + 1, "/healthz"))
        base, unlimited = f"http://127.0.0.1:{PORT}", f"http://127.0.0.1:{PORT + 1}"
        rps, p50, p99 = wrk(search_url(unlimited), connections=1)
        log(f"search “{SEARCH_QUERY}”, one connection: {rps:.1f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms")

        article = article_url(base)
        wrk(article, connections=8, duration=2)
        alone = wrk(article, connections=32)[0]
        log(f"cached article alone: {alone:.0f} req/s")

        stop_event, statuses = threading.Event(), collections.Counter()
        clients = [threading.Thread(target=flood, args=(PORT, n, stop_event, statuses)) for n in range(FLOOD_CLIENTS)]
        for client in clients:
            client.start()
        try:
            during = wrk(article, connections=32)[0]
        finally:
            stop_event.set()
            for client in clients:
                client.join()
        searches = sum(statuses.values())
        log(f"cached article during a flood of {FLOOD_CLIENTS} searching clients: {during:.0f} req/s")
        answers = dict(sorted(statuses.items(), key=str))
        log(f"searches sent: {searches:,} ({searches / DURATION:.0f}/s); answers by status: {answers}")
        log(f"ratio: {during / alone:.2f} (issue 18 asks for ≥ 0.5)")
    finally:
        for server in servers:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

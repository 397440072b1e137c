"""`make bench-search-flood`: does a flood of searches take the site from readers?

On an archive already prepared by `make bench` (or `load_demo` and `enlarge_demo`),
starts the project under production settings (gunicorn, DEBUG off, PostgreSQL, Redis)
and measures with wrk:

1. the p50 of the two-word Korean search (bench.run.SEARCH_QUERY) alone, one
   connection, on a server without the limit on searches per reader;
2. the cached article's throughput alone, then while 8 clients (each its own address,
   as a proxy in front reports it) send searches as fast as they are answered: one or
   two characters, and real words. Issue 18 asks for ≥ 0.5 × the throughput alone.

Environment: BENCH_DATABASE_URL, BENCH_REDIS_URL (as bench/run.py), BENCH_MEDIA_ROOT
(the uploads of that archive, if not in a fresh folder), DURATION (10),
FLOOD_CLIENTS (8), PORT (a first port; this uses it and the next one).
"""

import collections
import http.client
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import urllib.request
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
    """(req/s, p50 ms, p90 ms, socket errors) of one wrk run; on a shared machine a run
    may see timeouts, which are reported, not fatal. Requests wait up to 10 s."""
    result = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--timeout=10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    errors = re.search(r"Socket errors: .*", result.stdout)

    def percentile(name):
        value, unit = re.search(rf"{name}%\s+([\d.]+)(us|ms|s)\b", result.stdout).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rps, percentile("50"), percentile("90"), errors.group(0) if errors else "no socket errors"


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
    if media_root := os.environ.get("BENCH_MEDIA_ROOT"):
        env["DJANGO_MEDIA_ROOT"] = media_root
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
        _rps, p50, p90, errors = wrk(search_url(unlimited), connections=1)
        log(f"search page “{SEARCH_QUERY}”, one at a time: p50 {p50:.1f} ms, p90 {p90:.1f} ms ({errors})")

        article = article_url(base)
        # Rendered once (and its image renditions made) before it is timed.
        request = urllib.request.Request(article, headers={"User-Agent": "Mozilla/5.0 (bench)"})
        urllib.request.urlopen(request, timeout=60).read()
        alone, _p50, _p90, errors = wrk(article, connections=32)
        log(f"cached article alone: {alone:.0f} req/s ({errors})")

        stop_event, statuses = threading.Event(), collections.Counter()
        clients = [threading.Thread(target=flood, args=(PORT, n, stop_event, statuses)) for n in range(FLOOD_CLIENTS)]
        for client in clients:
            client.start()
        try:
            during, _p50, _p90, errors = wrk(article, connections=32)
        finally:
            stop_event.set()
            for client in clients:
                client.join()
        searches = sum(statuses.values())
        log(f"cached article during a flood of {FLOOD_CLIENTS} searching clients: {during:.0f} req/s ({errors})")
        answers = dict(sorted(statuses.items(), key=str))
        log(f"searches sent: {searches:,} ({searches / DURATION:.0f}/s); answers by status: {answers}")
        log(f"ratio: {during / alone:.2f} (issue 18 asks for ≥ 0.5)")
    finally:
        for server in servers:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

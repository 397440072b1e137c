"""`make bench`: the public pages under load, side by side with the framework's floor.

Starts the project under production settings (gunicorn, DEBUG off, PostgreSQL, Redis) on
an archive enlarged to POSTS posts, and beside it the floor: the project's own settings
and middleware with a view that returns "hello". wrk drives each target on 127.0.0.1 in
rounds that alternate between targets, so both see the same machine. Prints req/s,
p50/p99 latency and the ratio to the floor, then the queries per page and the EXPLAIN of
the hot queries. Everything it starts, it stops.

Environment: POSTS (20000), ROUNDS (3), DURATION (seconds per run, 5), CONNECTIONS (32),
BENCH_DATABASE_URL, BENCH_REDIS_URL; SMOKE=1 for a few-second run that only proves the
benchmark works (`make bench-smoke`).
"""

import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SMOKE = os.environ.get("SMOKE") == "1"
POSTS = int(os.environ.get("POSTS", "300" if SMOKE else "20000"))
ROUNDS = int(os.environ.get("ROUNDS", "1" if SMOKE else "3"))
DURATION = int(os.environ.get("DURATION", "1" if SMOKE else "5"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "32"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/whrcf_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")


def log(message):
    print(message, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_environment(workdir):
    return os.environ | {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_SERVE_MEDIA": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "whrcf.settings",
    }


def create_database():
    """A new, empty benchmark database each run: results never depend on an earlier one."""
    import psycopg2

    name = DATABASE_URL.rsplit("/", 1)[1]
    connection = psycopg2.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=PROJECT, env=env, check=True)


def prepare(env):
    create_database()
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo")
    manage(env, "enlarge_demo", "--posts", str(POSTS))
    manage(env, "collectstatic", "--no-input", "-v0")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def start_gunicorn(env, app, port, ready_path):
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            "--log-level",
            "warning",
            "--no-control-socket",
            app,
        ],
        cwd=PROJECT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}")
            return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise TimeoutError(f"{app} did not start on port {port}")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def wrk(url):
    """(requests/s, p50 ms, p99 ms) of one wrk run."""
    result = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if non_2xx:
        raise RuntimeError(f"{url}: {non_2xx.group(1)} non-2xx responses")

    def percentile(name):
        value, unit = re.search(rf"{name}%\s+([\d.]+)(us|ms|s)\b", result.stdout).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rps, percentile("50"), percentile("99")


def targets(app_base, hello_base):
    import django

    django.setup()
    from editions.models import Edition
    from news.models import Post

    post = Post.objects.published().filter(title_en__gt="").order_by("-published_at").first()
    edition = Edition.objects.published().filter(sessions__isnull=False).first()
    return {
        "floor (hello)": f"{hello_base}/hello",
        "home": f"{app_base}/ko/",
        "news list": f"{app_base}/ko/news/",
        "news list, page 50": f"{app_base}/ko/news/?page=50",
        "article (ko)": f"{app_base}/ko/news/{post.pk}/{post.slug}/",
        "article (en)": f"{app_base}/en/news/{post.pk}/{post.slug}/",
        "edition page": f"{app_base}/ko/forums/{edition.number}/",
    }


def print_table(results):
    floor = statistics.median(rps for rps, _p50, _p99 in results["floor (hello)"])
    log("")
    log(f"{'target':<22} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'× floor':>8}")
    for name, runs in results.items():
        rps = statistics.median(run[0] for run in runs)
        p50 = statistics.median(run[1] for run in runs)
        p99 = statistics.median(run[2] for run in runs)
        log(f"{name:<22} {rps:>9.0f} {p50:>8.1f} {p99:>8.1f} {rps / floor:>8.3f}")


def print_queries(urls):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    log("")
    log("queries per page")
    client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT="Mozilla/5.0 (bench)")
    for name, url in urls.items():
        if name.startswith("floor"):
            continue
        path = "/" + url.split("/", 3)[3]
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        log(f"  {name:<22} {len(queries):>3} queries (HTTP {status})")


def print_explains():
    from editions.models import Edition
    from news.models import Post

    post = Post.objects.published().order_by("-published_at").first()
    hot = {
        "news list page": Post.objects.published().for_listing()[:20],
        "article": Post.objects.published().select_related("category", "edition").filter(pk=post.pk),
        "previous post": Post.objects.published().for_listing().before(post)[:1],
        "edition news": Post.objects.published().for_listing().filter(edition=post.edition_id)[:6],
        "current edition": Edition.objects.published().order_by("-starts_on")[:1],
    }
    for name, queryset in hot.items():
        log("")
        log(f"EXPLAIN {name}")
        for line in queryset.explain().splitlines():
            log(f"  {line}")


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="whrcf-bench-"))
    env = production_environment(workdir)
    os.environ.update(env)
    sys.path.insert(0, str(PROJECT))
    log(f"Preparing {POSTS} posts on {DATABASE_URL} …")
    prepare(env)
    app_port, hello_port = free_port(), free_port()
    app = start_gunicorn(env, "whrcf.wsgi", app_port, "/healthz")
    hello = start_gunicorn(env, "bench.hello_wsgi", hello_port, "/hello")
    try:
        urls = targets(f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{hello_port}")
        results = {name: [] for name in urls}
        for number in range(1, ROUNDS + 1):
            log(f"round {number}/{ROUNDS}")
            for name, url in urls.items():
                results[name].append(wrk(url))
        log(f"\n{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, {POSTS} posts, {ROUNDS} rounds")
        log(f"wrk -t2 -c{CONNECTIONS} -d{DURATION}s per run; medians over the rounds")
        print_table(results)
        print_queries(urls)
        print_explains()
    finally:
        stop(app)
        stop(hello)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

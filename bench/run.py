"""`make bench`: the public pages under load, side by side with the framework's floor.

Starts the project under production settings (gunicorn, DEBUG off, PostgreSQL, Redis),
beside it the same project with its page cache off (to measure pages as rendered), and
the floor: the project's own settings and middleware with a view that returns "hello".
wrk drives each target on 127.0.0.1 in rounds that alternate between targets, so all see
the same machine.

1. With SMALL_POSTS posts (1,000), the news list (first and
   last page, not cached, one connection) is timed; then again with POSTS posts
   (100,000): the ratio shows whether lists stay flat as the archive grows.
2. With POSTS posts, every public page: req/s, p50/p99 latency and the ratio to the
   floor.
3. The forum week (bench/forum_week.py), with POSTS posts: readers over the whole
   archive with a Zipf popularity, a third of them returning with their cookie, while an
   editor corrects a post every 10 s and publishes one every 60 s through the admin:
   req/s, p50/p99, cache hits, renders per second, and the ratios to the floor.
4. The targets of issue 24, each met or missed; then the queries per page and the
   EXPLAIN of the hot queries.

Both archives are made once (enlarging to 100,000 posts takes minutes) and kept, with
their uploads in the system's temporary folder, for the next runs: a kept one is
migrated, and every run leaves it as it found it (the editor's changes are undone, the
cache emptied).

The results table replaces the one in README.md (between the bench markers) unless
SMOKE=1 or WRITE_README=0. Everything it starts, it stops. It exits with 1 when a target
is missed only if BENCH_STRICT=1.

Environment: POSTS (100000), SMALL_POSTS (1000), ROUNDS (5), DURATION (seconds per run,
5), CONNECTIONS (32), DURATION_WEEK (seconds of the forum week, 60), WEEK_REQUESTS (the
readers' sample, 20000), EDITOR_SAVE_SECONDS (10), EDITOR_PUBLISH_SECONDS (60),
BENCH_DATABASE_URL (the kept archive; with SMOKE=1, its name with "_smoke"),
BENCH_SMALL_DATABASE_URL (the archive's name with "_small"), BENCH_REDIS_URL,
BENCH_STRICT, BENCH_PORTS (a range such as 9400-9499 for the servers; free ports the
system picks otherwise); WEB_CONCURRENCY and GUNICORN_THREADS as for gunicorn.conf.py;
SMOKE=1 for a few-second run that only proves the benchmark works (`make bench-smoke`).
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
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench import forum_week  # noqa: E402 (the project folder first)
from bench.servers import (  # noqa: E402
    PYTHON,
    copy_database,
    create_database,
    database_exists,
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
DURATION_WEEK = int(os.environ.get("DURATION_WEEK", "6" if SMOKE else "60"))
WEEK_REQUESTS = int(os.environ.get("WEEK_REQUESTS", "600" if SMOKE else "20000"))
EDITOR_SAVE_SECONDS = float(os.environ.get("EDITOR_SAVE_SECONDS", "2" if SMOKE else "10"))
EDITOR_PUBLISH_SECONDS = float(os.environ.get("EDITOR_PUBLISH_SECONDS", "4" if SMOKE else "60"))
STRICT = os.environ.get("BENCH_STRICT") == "1"
WRK_TIMEOUT = "30s"
# SMOKE=1 keeps its small archive apart: it never replaces the archive of a full run.
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/whrcf_bench") + (
    "_smoke" if SMOKE else ""
)
SMALL_DATABASE_URL = os.environ.get("BENCH_SMALL_DATABASE_URL", f"{DATABASE_URL}_small")
# The kept archives' uploads (covers, renditions) and static files are kept beside them.
KEPT_DIR = Path(tempfile.gettempdir()) / f"whrcf-bench-{DATABASE_URL.rsplit('/', 1)[1]}"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
# The search timed (two Korean words, as readers type them); the server it is timed on
# lets one address search as often as the benchmark asks.
SEARCH_QUERY = "광주 인권"
UNLIMITED_SEARCH = {"SEARCH_RATE": "100000000/m"}
# The server that renders every page.
UNCACHED = {"DJANGO_PAGE_CACHE": "0"} | UNLIMITED_SEARCH


def prepare_small(env):
    """The archive of SMALL_POSTS posts: the kept one, migrated, or a new one."""
    if not kept_archive(env, SMALL_POSTS):
        log(f"Making an archive of {SMALL_POSTS} posts in {SMALL_DATABASE_URL} …")
        create_database(SMALL_DATABASE_URL)
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "load_demo")
        manage(env, "enlarge_demo", "--posts", str(SMALL_POSTS))
    manage(env, "collectstatic", "--no-input", "-v0")


def prepare_archive(env, small_env):
    """The archive of POSTS posts: the kept one, migrated, or a copy of the small one (a
    PostgreSQL template: one load_demo for both) enlarged. Bulk inserts send no signals,
    so the cache is emptied: no page of another archive is served."""
    if not kept_archive(env, POSTS):
        log(f"Making an archive of {POSTS} posts in {DATABASE_URL} (minutes, once) …")
        copy_database(SMALL_DATABASE_URL, DATABASE_URL)
        shutil.rmtree(env["DJANGO_MEDIA_ROOT"], ignore_errors=True)
        shutil.copytree(small_env["DJANGO_MEDIA_ROOT"], env["DJANGO_MEDIA_ROOT"])
        manage(env, "enlarge_demo", "--posts", str(POSTS))
    manage(env, "collectstatic", "--no-input", "-v0")
    flush_cache()


def kept_archive(env, posts):
    """Whether the database of `env` is a kept archive of `posts` published posts with its
    uploads (brought up to date with the project's migrations, as a deployment's)."""
    if not (database_exists(env["DATABASE_URL"]) and Path(env["DJANGO_MEDIA_ROOT"]).is_dir()):
        return False
    manage(env, "migrate", "--no-input", "-v0")
    count = "from news.models import Post; print(Post.objects.published().count())"
    try:
        published = subprocess.run(
            [PYTHON, "manage.py", "shell", "--no-imports", "--command", count],
            cwd=PROJECT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    except subprocess.CalledProcessError:
        return False
    if int(published) != posts:
        return False
    log(f"Reusing the archive of {posts} posts in {env['DATABASE_URL']}.")
    return True


def flush_cache():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


class NoAnswer(RuntimeError):
    pass


def wrk(url, connections=CONNECTIONS):
    """(requests/s, p50 ms, p99 ms) of one wrk run; run again once if not one answer came
    within the run (a worker's first request, on a busy machine, can outlast a SMOKE run)."""
    try:
        output = run_wrk(url, connections, DURATION)
    except NoAnswer:
        output = run_wrk(url, connections, DURATION)
    errors = re.search(r"Socket errors: .*", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(0)}\n{output}")
    return wrk_figures(output)


def run_wrk(url, connections, duration, *options, script_args=()):
    result = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            # wrk's own 2 s would drop the slowest requests of a busy machine from the
            # latencies (and fail the run): every request is timed.
            "--timeout",
            WRK_TIMEOUT,
            *options,
            url,
            *(["--", *script_args] if script_args else []),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    if " 0 requests in" in result.stdout:
        raise NoAnswer(f"{url}: no answer\n{result.stdout}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if non_2xx:
        raise RuntimeError(f"{url}: {non_2xx.group(1)} non-2xx responses")
    return result.stdout


def wrk_figures(output):
    """(requests/s, p50 ms, p99 ms) of a wrk run's output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def percentile(name):
        value, unit = re.search(rf"{name}%\s+([\d.]+)(us|ms|s)\b", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rps, percentile("50"), percentile("99")


def last_page(posts):
    """The news list's last page with `posts` published posts (enlarge_demo makes exactly as
    many)."""
    return max(1, -(-posts // POSTS_PER_PAGE))


def search_url(base):
    return f"{base}/ko/search/?{urllib.parse.urlencode({'q': SEARCH_QUERY})}"


def list_targets(uncached_base, posts):
    return {
        "news list": f"{uncached_base}/ko/news/",
        "news list, last page": f"{uncached_base}/ko/news/?page={last_page(posts)}",
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
        "news list, last page": f"{app_base}/ko/news/?page={last_page(POSTS)}",
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


def run_forum_week(app_base, workdir):
    """The forum week (bench/forum_week.py) on the cached server: its figures, as a dict."""
    log(f"Forum week: a sample of {WEEK_REQUESTS:,} requests …")
    sample = forum_week.readers_sample(WEEK_REQUESTS)
    paths = workdir / "forum-week-paths.txt"
    forum_week.write_paths(sample, paths)
    editor = forum_week.Editor(app_base, DURATION_WEEK, EDITOR_SAVE_SECONDS, EDITOR_PUBLISH_SECONDS)
    try:
        # The editor's drafts are made first: the warm cache is the one the readers meet.
        editor.prepare()
        pages, seconds = forum_week.warm(app_base, sample)
        log(f"Forum week: {pages:,} pages of the sample read once in {seconds:.0f} s; {DURATION_WEEK} s of readers …")
        editor.start()
        output = run_wrk(
            f"{app_base}/",
            CONNECTIONS,
            DURATION_WEEK,
            "--script",
            str(forum_week.SCRIPT),
            script_args=[str(paths), forum_week.BROWSER],
        )
        editor.stop()
    finally:
        editor.stop()
        editor.restore()
    rps, p50, p99 = wrk_figures(output)
    counts = forum_week.parse_counts(output)
    errors = re.search(r"Socket errors: .*", output)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        **counts,
        "socket errors": errors.group(0) if errors else "",
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "seconds": DURATION_WEEK,
        "saves": editor.saves,
        "publications": editor.publications,
        "editor errors": editor.errors,
        "kinds": Counter(kind for kind, _page, _cookie in sample),
        "returning": sum(1 for *_rest, cookie in sample if cookie) / len(sample),
        "english": sum(1 for _kind, page, _cookie in sample if page.startswith("/en/")) / len(sample),
    }


def hit_ratio(week, kinds=("hits", "stale")):
    """The share of pages served from the cache (their previous version included, by
    default) among the pages served from it or rendered."""
    served = week["hits"] + week["stale"] + week["misses"]
    return sum(week[kind] for kind in kinds) / served if served else 0


def week_table(week, results):
    floor_rps, floor_p99 = median_of(results["floor (hello)"], 0), median_of(results["floor (hello)"], 2)
    saves, publications = week["saves"], week["publications"]
    kinds = week["kinds"]
    share = {name: sum(kinds[kind] for kind in group) / kinds.total() for name, group in forum_week.GROUPS.items()}
    lines = [
        f"Forum week: wrk -t2 -c{CONNECTIONS} -d{week['seconds']}s over a sample of {WEEK_REQUESTS:,} requests "
        f"({', '.join(f'{name} {value:.0%}' for name, value in share.items())}; {week['english']:.0%} English, "
        f"{week['returning']:.0%} returning readers with their cookie), every page of the sample read once "
        f"before; an editor saved {len(saves)} posts (median {median_seconds(saves)}) and published "
        f"{len(publications)} (median {median_seconds(publications)}) through the admin meanwhile.",
        "",
        "| forum week | req/s | p50 ms | p99 ms | × floor req/s | × floor p99 | cache hits | stale | renders/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| readers and an editor | {week['rps']:.0f} | {week['p50']:.1f} | {week['p99']:.1f} | "
        f"{week['rps'] / floor_rps:.3f} | {week['p99'] / floor_p99:.2f} | {hit_ratio(week):.1%} | "
        f"{hit_ratio(week, ['stale']):.2%} | "
        f"{week['misses'] / week['seconds']:.1f} |",
    ]
    problems = [*week["editor errors"], *filter(None, [week["socket errors"]])]
    if week["redirects"]:
        problems.append(f"{week['redirects']} redirects")
    if problems:
        lines += ["", f"Problems: {'; '.join(problems)}."]
    return lines


def median_seconds(actions):
    return f"{statistics.median(seconds for seconds, _ok in actions):.2f} s" if actions else "–"


def targets_table(week, results):
    """The targets of issue 24: (lines, whether every one is met)."""
    floor_rps, floor_p99 = median_of(results["floor (hello)"], 0), median_of(results["floor (hello)"], 2)
    no_errors = not (week["editor errors"] or week["socket errors"])
    checks = [
        ("forum week req/s", f"{week['rps'] / floor_rps:.3f}× floor", "≥ 0.5× floor", week["rps"] >= 0.5 * floor_rps),
        ("forum week p99", f"{week['p99'] / floor_p99:.2f}× floor", "≤ 3× floor", week["p99"] <= 3 * floor_p99),
        ("forum week cache hits", f"{hit_ratio(week):.1%}", "≥ 90 %", hit_ratio(week) >= 0.9),
        ("forum week errors", "none" if no_errors else "some", "none", no_errors),
    ]
    for name, goal in (("article (ko)", 0.75), ("article (ko), uncached", 0.08)):
        ratio = median_of(results[name], 0) / floor_rps
        label = "uncached article" if name.endswith("uncached") else "cached article"
        checks.append((f"{label} req/s", f"{ratio:.3f}× floor", f"≥ {goal}× floor", ratio >= goal))
    lines = ["| target | measured | goal | met |", "|---|---:|---:|---|"]
    lines += [
        f"| {name} | {measured} | {goal} | {'yes' if met else '**no**'} |" for name, measured, goal, met in checks
    ]
    return lines, all(met for *_rest, met in checks)


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
    env = production_environment(KEPT_DIR / "archive", DATABASE_URL, REDIS_URL)
    small_env = production_environment(KEPT_DIR / "small", SMALL_DATABASE_URL, REDIS_URL) | UNCACHED
    os.environ.update(env)
    import django

    django.setup()
    servers = []
    try:
        prepare_small(small_env)
        # One connection: the time of one request, not of a queue of them.
        small_port = free_port()
        servers.append(start_gunicorn(small_env, "whrcf.wsgi", small_port, "/healthz"))
        small = run_rounds(list_targets(f"http://127.0.0.1:{small_port}", SMALL_POSTS), connections=1)
        stop(servers.pop())

        prepare_archive(env, small_env)
        app_port, uncached_port, hello_port = free_port(), free_port(), free_port()
        servers.append(start_gunicorn(env, "whrcf.wsgi", app_port, "/healthz"))
        uncached_env = env | UNCACHED
        servers.append(start_gunicorn(uncached_env, "whrcf.wsgi", uncached_port, "/healthz"))
        servers.append(start_gunicorn(env, "bench.hello_wsgi", hello_port, "/hello"))
        app_base, uncached_base = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{uncached_port}"
        large = run_rounds(list_targets(uncached_base, POSTS), connections=1)
        urls = targets(app_base, uncached_base, f"http://127.0.0.1:{hello_port}")
        results = run_rounds(urls)
        week = run_forum_week(app_base, workdir)
        targets_lines, all_met = targets_table(week, results)
        workers, threads = os.environ.get("WEB_CONCURRENCY", "4"), os.environ.get("GUNICORN_THREADS", "2")
        lines = [
            f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, {POSTS:,} posts, PostgreSQL and Redis on "
            f"loopback, gunicorn {workers} workers × {threads} threads; wrk -t2 -c{CONNECTIONS} -d{DURATION}s, "
            f"median of {ROUNDS} rounds.",
            "",
            *table(results),
            "",
            *week_table(week, results),
            "",
            *targets_lines,
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
    if not all_met:
        log("\nSome targets are missed" + (" (BENCH_STRICT=1: failing)." if STRICT else "."))
        if STRICT:
            sys.exit(1)


if __name__ == "__main__":
    main()

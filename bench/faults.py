"""`make check-faults`: the site under load while its Redis and its PostgreSQL fail.

Starts a private PostgreSQL cluster (initdb/pg_ctl) and a private redis-server, each on a
port of its own on 127.0.0.1, and gunicorn with production settings (gunicorn.conf.py,
DEBUG off) on them, with the demo content. Then, for each fault — Redis stopped, killed
and restarted from an older snapshot, paused, out of memory; PostgreSQL stopped; a
worker killed — new readers (no cookie) read an article from READERS threads, and one
returning reader with its cookie; the fault strikes after a few calm seconds, the
service comes back, the readers go on; and when every app process has written its
views, the views counted (an article answered 200 to a new reader) are compared with what
the database gained. It prints a table and fails (exit 1) on any 5xx, on a view lost or
counted twice beyond the documented bound (README, "View counts": none, but for the views
a worker killed outright counted in its last interval), on a count that went down for
the returning reader, or on an uncached page during the database outage that is not a
503 in the reader's language.

Environment: FAULT_SECONDS (5), STEADY_SECONDS (3) before and after each fault, READERS (8).
"""

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench.servers import free_port, log, manage, production_environment, start_gunicorn, stop  # noqa: E402

FAULT_SECONDS = float(os.environ.get("FAULT_SECONDS", "5"))
STEADY_SECONDS = float(os.environ.get("STEADY_SECONDS", "3"))
READERS = int(os.environ.get("READERS", "8"))
WORKERS = 4
FLUSH_SECONDS = 1
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
VIEWS = re.compile(r'<span class="views">[^<0-9]*([0-9,]+)')


class Failure(Exception):
    pass


def postgres_bin(name):
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not candidates:
        raise Failure(f"{name} not found: apt-get install postgresql")
    return str(candidates[-1])


def as_postgres(command):
    """initdb and postgres refuse to run as root: run them as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class PrivatePostgres:
    def __init__(self, workdir):
        self.data = workdir / "postgres"
        self.port = free_port()
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(workdir, "postgres")
            shutil.chown(self.data, "postgres")
        subprocess.run(
            as_postgres([postgres_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync"]),
            check=True,
            capture_output=True,
        )
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/whrcf_faults"

    def pg_ctl(self, *args):
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        command = [postgres_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.data / "log"), *args]
        subprocess.run(as_postgres(command), check=True, capture_output=True)

    def start(self):
        self.pg_ctl("-w", "start")

    def stop(self):
        self.pg_ctl("-m", "fast", "-w", "stop")


class PrivateRedis:
    def __init__(self, workdir):
        self.dir = workdir / "redis"
        self.dir.mkdir()
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self, empty=True):
        if empty:
            (self.dir / "dump.rdb").unlink(missing_ok=True)
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--dir", str(self.dir), "--dbfilename", "dump.rdb"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while self.cli("PING") != "PONG":
            if time.monotonic() > deadline:
                raise Failure("redis-server did not start")
            time.sleep(0.05)

    def cli(self, *command):
        result = subprocess.run(["redis-cli", "-p", str(self.port), *command], capture_output=True, text=True)
        return result.stdout.strip()

    def signal(self, number):
        self.process.send_signal(number)
        if number in (signal.SIGTERM, signal.SIGKILL):
            self.process.wait(timeout=10)


class Readers:
    """New readers reading `path` from threads, each request without a cookie, and one
    returning reader who keeps its cookie: the statuses, and the counts the returning
    reader was shown, in order."""

    def __init__(self, port, path):
        self.port, self.path = port, path
        self.statuses = Counter()
        self.returning_shown = []
        self.running = threading.Event()
        self.lock = threading.Lock()

    def read(self, returning=False):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        cookie = ""
        while self.running.is_set():
            headers = {"User-Agent": BROWSER} | ({"Cookie": cookie} if cookie else {})
            try:
                connection.request("GET", self.path, headers=headers)
                response = connection.getresponse()
                body = response.read().decode()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                status, body = "broken connection", ""
            if returning:
                if status == 200:
                    cookie = (response.getheader("Set-Cookie") or cookie).split(";")[0]
                    self.returning_shown.append(int(VIEWS.search(body).group(1).replace(",", "")))
                time.sleep(0.05)
                continue
            with self.lock:
                self.statuses[status] += 1

    def __enter__(self):
        self.running.set()
        self.threads = [threading.Thread(target=self.read) for _ in range(READERS)]
        self.threads.append(threading.Thread(target=self.read, kwargs={"returning": True}))
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.running.clear()
        for thread in self.threads:
            thread.join()


def database_views(postgres, post_id):
    result = subprocess.run(
        [
            "psql",
            f"postgres://postgres@127.0.0.1:{postgres.port}/whrcf_faults",
            "-Atc",
            f"SELECT view_count FROM news_post WHERE id = {int(post_id)}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout)


def get(port, path, language="ko"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"User-Agent": BROWSER, "Accept-Language": language})
    response = connection.getresponse()
    return response.status, response.read().decode()


def run_fault(name, port, postgres, post, strike, recover, kills_a_worker=False):
    """One fault under load: returns its row of the table. Views may be lost only when a
    worker is killed outright: at most those counted in one interval (by all workers, a
    bound above what the one killed worker counted); and the connections the killed worker
    held break, at most one per reader."""
    before = database_views(postgres, post["id"])
    with Readers(port, post["path"]) as readers:
        time.sleep(STEADY_SECONDS)
        probe = strike()
        time.sleep(FAULT_SECONDS)
        recover()
        time.sleep(STEADY_SECONDS)
    # Every app process writes its views within one interval, or as soon as the database is back.
    deadline = time.monotonic() + 10 * FLUSH_SECONDS
    counted = readers.statuses[200] + 1  # and the returning reader's first view
    stored = database_views(postgres, post["id"]) - before
    while stored < counted and time.monotonic() < deadline:
        time.sleep(FLUSH_SECONDS / 2)
        stored = database_views(postgres, post["id"]) - before
    errors = sum(
        count for status, count in readers.statuses.items() if status != "broken connection" and status >= 500
    )
    broken = readers.statuses["broken connection"]
    duration = 2 * STEADY_SECONDS + FAULT_SECONDS
    shown = readers.returning_shown
    went_down = sum(1 for earlier, later in zip(shown, shown[1:], strict=False) if later < earlier)
    return {
        "fault": name,
        "requests": readers.statuses.total(),
        "5xx": errors,
        "broken": broken,
        "broken allowed": READERS + 1 if kills_a_worker else 0,
        "counted": counted,
        "stored": stored,
        "lost": counted - stored,
        "bound": round(counted / duration * FLUSH_SECONDS) if kills_a_worker else 0,
        "probe": probe,
        "shown went down": went_down,
    }


def main():
    workdir = Path(tempfile.mkdtemp(prefix="whrcf-faults-"))
    postgres = redis = server = None
    rows, failures = [], []
    try:
        postgres = PrivatePostgres(workdir)
        postgres.start()
        subprocess.run(
            ["psql", f"postgres://postgres@127.0.0.1:{postgres.port}/postgres", "-qc", "CREATE DATABASE whrcf_faults"],
            check=True,
        )
        redis = PrivateRedis(workdir)
        redis.start()
        env = production_environment(workdir, postgres.url, redis.url) | {
            "VIEW_COUNT_FLUSH_SECONDS": str(FLUSH_SECONDS),
            "WEB_CONCURRENCY": str(WORKERS),
            "REDIS_RETRY_SECONDS": "1",
        }
        log("Migrating and loading the demo into the private PostgreSQL…")
        manage(env, "migrate", "--no-input", "--verbosity", "0")
        manage(env, "collectstatic", "--no-input", "--verbosity", "0")
        manage(env, "load_demo")
        port = free_port()
        server = start_gunicorn(env, "whrcf.wsgi", port, "/healthz")
        status, home = get(port, "/ko/news/")
        path = re.search(r'href="(/ko/news/[0-9]+/[^"]+/)"', home).group(1)
        post = {"path": path, "id": int(path.split("/")[3])}
        log(f"Readers read {path}; each fault lasts {FAULT_SECONDS:g} s between {STEADY_SECONDS:g} s of calm.")

        def redis_healthz():
            return get(port, "/healthz")[1]

        def stop_redis():
            redis.signal(signal.SIGTERM)
            return redis_healthz()

        def snapshot_then_kill():
            redis.cli("SAVE")
            time.sleep(FAULT_SECONDS / 2)  # views after the snapshot, which the restart forgets
            redis.signal(signal.SIGKILL)
            return redis_healthz()

        def pause_redis():
            redis.signal(signal.SIGSTOP)
            return redis_healthz()

        def fill_redis_memory():
            redis.cli("CONFIG", "SET", "maxmemory-policy", "noeviction")
            used = int(redis.cli("INFO", "memory").split("used_memory:")[1].split()[0])
            redis.cli("CONFIG", "SET", "maxmemory", str(used))
            return redis_healthz()

        def free_redis_memory():
            redis.cli("CONFIG", "SET", "maxmemory", "0")

        def stop_postgres():
            postgres.stop()
            # A page number never asked for: a page no cache holds (the list reads `page`).
            return get(port, f"/en/news/?page={time.monotonic_ns()}", "en")

        def kill_worker():
            workers = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
            os.kill(int(workers[0]), signal.SIGKILL)
            return f"worker {workers[0]} killed"

        rows.append(run_fault("Redis stopped, restarted empty", port, postgres, post, stop_redis, redis.start))
        rows.append(
            run_fault(
                "Redis killed, restarted from an older snapshot",
                port,
                postgres,
                post,
                snapshot_then_kill,
                lambda: redis.start(empty=False),
            )
        )
        rows.append(
            run_fault(
                "Redis paused (SIGSTOP)", port, postgres, post, pause_redis, lambda: redis.signal(signal.SIGCONT)
            )
        )
        rows.append(
            run_fault("Redis out of memory (noeviction)", port, postgres, post, fill_redis_memory, free_redis_memory)
        )
        rows.append(run_fault("PostgreSQL stopped, restarted", port, postgres, post, stop_postgres, postgres.start))
        rows.append(
            run_fault(
                "one gunicorn worker kill -9",
                port,
                postgres,
                post,
                kill_worker,
                lambda: None,
                kills_a_worker=True,
            )
        )
    except Failure as failure:
        failures.append(str(failure))
    finally:
        if server is not None:
            stop(server)
        if redis is not None and redis.process is not None and redis.process.poll() is None:
            redis.signal(signal.SIGCONT)
            redis.signal(signal.SIGKILL)
        if postgres is not None:
            subprocess.run(
                as_postgres([postgres_bin("pg_ctl"), "-D", str(postgres.data), "-m", "immediate", "stop"]),
                capture_output=True,
            )
        shutil.rmtree(workdir, ignore_errors=True)

    log(
        "| fault | requests | 5xx | broken connections | views counted | views stored | lost | lost allowed "
        "| count went down for a returning reader |"
    )
    log("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        log(
            f"| {row['fault']} | {row['requests']:,} | {row['5xx']} | {row['broken']} | {row['counted']:,} "
            f"| {row['stored']:,} | {row['lost']} | {row['bound']} | {row['shown went down']} |"
        )
        if row["5xx"]:
            failures.append(f"{row['fault']}: {row['5xx']} answers were 5xx")
        if row["broken"] > row["broken allowed"]:
            failures.append(f"{row['fault']}: {row['broken']} broken connections")
        if row["shown went down"]:
            failures.append(
                f"{row['fault']}: the returning reader saw the count go down {row['shown went down']} times"
            )
        if not 0 <= row["lost"] <= row["bound"]:
            failures.append(
                f"{row['fault']}: {row['lost']} views lost (allowed: {row['bound']}; negative: counted twice)"
            )
    for row in rows:
        log(f"{row['fault']}: during the fault, {row['probe'] if isinstance(row['probe'], str) else row['probe'][0]}")
    outage = next((row for row in rows if row["fault"].startswith("PostgreSQL")), None)
    if outage is not None:
        status, body = outage["probe"]
        if status != 503 or "temporarily unavailable" not in body:
            failures.append(f"an uncached page during the database outage answered {status}, not the English 503 page")
    for failure in failures:
        log(f"FAILED: {failure}")
    if failures:
        sys.exit(1)
    log("ok: no 5xx and no view lost beyond the documented bound")


if __name__ == "__main__":
    main()

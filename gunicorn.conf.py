"""gunicorn settings for production (`make prod`); each can be overridden by environment.

Workers and threads were chosen by measurement on the 2-core machine (README,
"Deploying"): with `make bench` at 5,000 posts, 3 rounds of 4 s, the cached article
served 353 req/s with 2 workers × 4 threads, 812 with 4 × 1 and 893 with 4 × 2 (0.39,
0.50 and 0.66 of the floor measured in the same run). Cached pages are CPU work, so more
processes beat more threads; a second thread per worker covers the waits on PostgreSQL
and Redis.
"""

import gc
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
# Recycle workers now and then so a slow leak can never take a server down. Not too often:
# a new worker spends about 3 s of CPU before it answers well (0.3 s loading the project,
# 2.5 s the Korean analyser of search, then its first pages compile their templates). At
# 5,000 requests a server answering 2,000 a second replaced a worker every few seconds;
# beside 100,000 (which recycled none), the hello floor measured 1,600-2,073 req/s over six
# runs instead of 1,970-2,055. At 50,000, a forum week's 2,000 req/s still replaced one of
# the four workers every 25 s, 6 % of the machine's two cores: at 1,000,000 every 8 minutes.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000000"))
max_requests_jitter = max_requests // 10
timeout = 30
graceful_timeout = 30
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
access_log_format = (
    '{"time": "%(t)s", "request_id": "%({x-request-id}o)s", "method": "%(m)s", "path": "%(U)s", '
    '"status": %(s)s, "bytes": %(B)s, "duration_ms": %(M)s}'
)
errorlog = "-"


def write_pending_views():
    from news.counting import pending_views

    pending_views.write()


def worker_exit(server, worker):
    """A worker leaving (restart, max_requests, shutdown) writes the views it counted."""
    write_pending_views()


def worker_abort(worker):
    """So does a worker stopped for hanging past `timeout` (SIGABRT): only one killed
    outright (SIGKILL, the OOM killer) loses the views of its last interval."""
    write_pending_views()


def post_worker_init(worker):
    """Load the Korean analyser of search (about a second) before the worker takes
    requests, not during a reader's first search. Then what is loaded by now (the
    project, Django, the analyser's Python side: some 70,000 objects) is set apart from
    the garbage collector, which would otherwise go through it all in each full
    collection (14 ms measured), pausing the worker's requests."""
    from common.analysis import kiwi

    kiwi()
    gc.collect()
    gc.freeze()

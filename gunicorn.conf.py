"""gunicorn settings for production (`make prod`); each can be overridden by environment.

Workers and threads were chosen by measurement on the 2-core machine (README, "Deploying"):
the article page waits on the database for its view-count UPDATE, so threads help a
little beyond one process per core.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# Recycle workers now and then so a slow leak can never take a server down.
max_requests = 5000
max_requests_jitter = 500
timeout = 30
graceful_timeout = 30
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
access_log_format = (
    '{"time": "%(t)s", "request_id": "%({x-request-id}o)s", "method": "%(m)s", "path": "%(U)s", '
    '"status": %(s)s, "bytes": %(B)s, "duration_ms": %(M)s}'
)
errorlog = "-"

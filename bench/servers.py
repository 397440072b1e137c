"""Starting and stopping the project under gunicorn with production settings, for
`make bench` and `make check-two-servers`."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg2
from psycopg2 import sql

PROJECT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def log(message):
    print(message, flush=True)


def free_port():
    """A free port: the system's choice, or the first free one of BENCH_PORTS ("9400-9499")
    when a machine shared by several runs gives each its range."""
    first, _dash, last = os.environ.get("BENCH_PORTS", "0-0").partition("-")
    for port in range(int(first), int(last or first) + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            if port == 0 or port not in taken_ports:
                taken_ports.add(port)
                return sock.getsockname()[1]
    raise OSError(f"no free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


# Ports handed out and maybe not bound yet (a server starting): not handed out again.
taken_ports = set()


def production_environment(workdir, database_url, redis_url):
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
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "whrcf.settings",
    }


def create_database(database_url):
    """A new, empty database each run: results never depend on an earlier one."""
    server_url, name = database_url.rsplit("/", 1)
    connection = psycopg2.connect(f"{server_url}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


def copy_database(source_url, database_url):
    """A new database made from `source_url`'s (nobody may be connected to it)."""
    server_url, source = source_url.rsplit("/", 1)
    name = database_url.rsplit("/", 1)[1]
    connection = psycopg2.connect(f"{server_url}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        # A server just stopped may leave a session open for a moment: a template must have none.
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [source])
        cursor.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(source)))
    connection.close()


def database_exists(database_url):
    server_url, name = database_url.rsplit("/", 1)
    connection = psycopg2.connect(f"{server_url}/postgres")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            return cursor.fetchone() is not None
    finally:
        connection.close()


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=PROJECT, env=env, check=True)


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

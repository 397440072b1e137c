"""`make check-nginx`: the site behind a real nginx, configured by deploy/nginx.conf.

Starts two gunicorn servers with production settings (one PostgreSQL database, one Redis)
and Debian's nginx in front of them, each on 127.0.0.1, in a folder of its own, and
proves through nginx what a deployment on the open internet needs. It fails (exit 1)
unless:

- 30 wrong passwords, each with a forged X-Forwarded-For, are locked out at the 5th, and
  the lockout is kept under the address nginx saw; meanwhile an honest client, from
  another address, logs in with the right password;
- a draft's attachment and an unpublished declaration's PDF answer 404 to a reader, at
  their download addresses and at their media addresses, and 200 with the file under its
  own name to staff (sent by nginx after the app's X-Accel-Redirect); a public
  attachment is downloaded and counted;
- a public image revalidated with If-Modified-Since answers 304, through nginx and from
  gunicorn itself;
- static files are served by nginx, and a request body over the upload limit is refused
  by nginx with 413 while one under it reaches the app (whose own limit for visitors refuses it).

Distinct clients are distinct loopback addresses (127.0.0.2, 127.0.0.3): Linux routes
all of 127.0.0.0/8 to the loopback interface.
"""

import functools
import http.client
import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from string import Template

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

DATABASE_URL = os.environ.get("CHECK_NGINX_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/whrcf_nginx")
REDIS_URL = os.environ.get("CHECK_NGINX_REDIS_URL", "redis://127.0.0.1:6379/4")
# Three consecutive ports (nginx, two gunicorns) from this one, or any free ones.
BASE_PORT = int(os.environ.get("CHECK_NGINX_BASE_PORT", "0"))
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
ADMIN_USERNAME, ADMIN_PASSWORD = "nginx-check-admin", "a-long-check-password"
ATTACKER, HONEST, READER = "127.0.0.2", "127.0.0.3", "127.0.0.4"
WRONG_PASSWORDS = 30
MEGABYTE = 1024 * 1024


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)
    log(f"ok: {message}")


class Client:
    """A browser at one loopback address, with its own cookies."""

    def __init__(self, address):
        connection = functools.partial(http.client.HTTPConnection, source_address=(address, 0))

        class FromAddress(urllib.request.HTTPHandler):
            def http_open(self, request):
                return self.do_open(connection, request)

        self.opener = urllib.request.build_opener(
            FromAddress, urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, url, **headers):
        return self.send(urllib.request.Request(url, headers={"User-Agent": BROWSER} | headers))

    def post(self, url, fields, **headers):
        data = urllib.parse.urlencode(fields).encode()
        return self.send(urllib.request.Request(url, data=data, headers={"User-Agent": BROWSER} | headers))

    def send(self, request):
        """(status, headers, body); redirects are followed."""
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def login(self, base, password, forged_for=None):
        """The status of the answer to a login form posted with `password`."""
        _status, _headers, form = self.get(f"{base}/admin/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1].decode()
        fields = {"username": ADMIN_USERNAME, "password": password, "csrfmiddlewaretoken": token}
        headers = {"X-Forwarded-For": forged_for} if forged_for else {}
        status, _headers, _body = self.post(f"{base}/admin/login/?next=/admin/", fields, **headers)
        return status


def write_nginx_config(folder, port, app_ports, static_root, media_root):
    """deploy/nginx.conf, filled in as its header says, inside a main file of the check's own."""
    site = Template((PROJECT / "deploy" / "nginx.conf").read_text()).safe_substitute(
        WHRCF_LISTEN=f"127.0.0.1:{port}",
        WHRCF_SERVER_NAME="127.0.0.1",
        WHRCF_APP_SERVERS=" ".join(f"server 127.0.0.1:{app_port};" for app_port in app_ports),
        WHRCF_STATIC_ROOT=str(static_root),
        WHRCF_MEDIA_ROOT=str(media_root),
    )
    if re.search(r"\$\{WHRCF_[A-Z_]+\}", site):
        raise Failure("deploy/nginx.conf names a value the check does not fill in")
    (folder / "whrcf.conf").write_text(site)
    shutil.copy("/etc/nginx/mime.types", folder / "mime.types")
    temp_paths = "\n".join(
        f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"""daemon off;
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    include mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
{temp_paths}
    include whrcf.conf;
}}
"""
    )


def start_nginx(folder, port):
    command = [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")]
    subprocess.run([*command, "-t", "-q"], check=True)
    process = subprocess.Popen(command, start_new_session=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz")
            return process
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise Failure(f"nginx did not start on port {port}: {(folder / 'error.log').read_text()}")


def send_body(port, size):
    """Who refuses an anonymous POST of `size` bytes and how: ("nginx" or "app", status).
    The app's pages are in the reader's language; nginx's own error pages are not."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("POST", "/ko/")
    connection.putheader("Content-Type", "application/octet-stream")
    connection.putheader("Content-Length", str(size))
    connection.endheaders()
    try:
        chunk = b"x" * MEGABYTE
        for sent in range(0, size, MEGABYTE):
            connection.send(chunk[: min(MEGABYTE, size - sent)])
    except (BrokenPipeError, ConnectionResetError):
        pass  # nginx answered before the body was sent, as it should for too large a body.
    response = connection.getresponse()
    answered_by = "app" if b'<html lang="ko">' in response.read() else "nginx"
    connection.close()
    return answered_by, response.status


def check_login_lockout(site):
    attacker, honest = Client(ATTACKER), Client(HONEST)
    statuses = [attacker.login(site, f"wrong-{n}", forged_for=f"198.51.100.{n}") for n in range(WRONG_PASSWORDS)]
    locked_at = statuses.index(429) + 1 if 429 in statuses else None
    log(f"wrong passwords, each with a forged X-Forwarded-For: first 429 at attempt {locked_at} of {WRONG_PASSWORDS}")
    check(locked_at == 5, "30 wrong passwords with forged addresses are locked out at the 5th")
    check(statuses[4:] == [429] * (WRONG_PASSWORDS - 4), f"and stay locked: {statuses.count(429)} of 30 answered 429")

    from axes.models import AccessAttempt

    addresses = sorted(set(AccessAttempt.objects.values_list("ip_address", flat=True)))
    check(addresses == [ATTACKER], f"the failures are kept under the address nginx saw: {addresses}")
    check(honest.login(site, ADMIN_PASSWORD) == 200, "an honest client at another address logs in meanwhile")
    status, _headers, body = honest.get(f"{site}/admin/")
    check(status == 200 and b'id="user-tools"' in body, "and reaches the admin")
    return honest


def check_private_files(site, staff):
    from django.core.files.base import ContentFile

    from editions.models import Declaration
    from news.models import Attachment, Post

    reader = Client(READER)
    draft = Post.objects.filter(status=Post.Status.DRAFT).first()
    draft_file = b"%PDF-1.4 draft programme"
    attachment = Attachment.objects.create(
        post=draft, title_ko="초안 자료", title_en="Draft notes", file=ContentFile(draft_file, name="초안 자료집.pdf")
    )
    download = f"{site}{attachment.get_absolute_url()}"
    answers = [
        reader.get(download)[0],
        reader.get(f"{site}/media/{urllib.parse.quote(attachment.file.name)}")[0],
        reader.get(f"{site}/protected-media/{urllib.parse.quote(attachment.file.name)}")[0],
    ]
    check(answers == [404, 404, 404], "a draft's attachment: 404 to a reader at its download, media, internal address")
    status, headers, body = staff.get(download)
    check(
        (status, body, headers["Content-Type"]) == (200, draft_file, "application/pdf"),
        f"a draft's attachment: 200 to staff, {len(body)} bytes, application/pdf",
    )
    check(
        headers["Content-Disposition"] == f"attachment; filename*=utf-8''{urllib.parse.quote('초안_자료집.pdf')}"
        and headers["X-Content-Type-Options"] == "nosniff"
        and "private" in headers["Cache-Control"].split(", ")
        and "X-Accel-Redirect" not in headers,
        "under its own name (초안_자료집.pdf), nosniff, private, sent by nginx (no X-Accel-Redirect to the browser)",
    )

    public = Attachment.objects.filter(post__in=Post.objects.published()).first()
    before = public.download_count
    status, _headers, body = reader.get(f"{site}{public.get_absolute_url()}")
    public.refresh_from_db()
    check(
        (status, len(body), public.download_count) == (200, public.size, before + 1),
        f"a public attachment: 200 to a reader, {len(body):,} bytes, counted ({before} → {public.download_count})",
    )

    declaration = Declaration.objects.exclude(pdf="").select_related("edition").first()
    pdf = declaration.pdf.read()
    Declaration.objects.filter(pk=declaration.pk).update(is_published=False)
    pdf_url = f"{site}/en/forums/{declaration.edition.number}/declaration/pdf/"
    answers = [reader.get(pdf_url)[0], reader.get(f"{site}/media/{urllib.parse.quote(declaration.pdf.name)}")[0]]
    status, headers, body = staff.get(pdf_url)
    Declaration.objects.filter(pk=declaration.pk).update(is_published=True)
    check(answers == [404, 404], "an unpublished declaration's PDF: 404 to a reader at its download and media address")
    shown_as = f'inline; filename="{Path(declaration.pdf.name).name}"'
    check(
        (status, body == pdf, headers["Content-Type"], headers["Content-Disposition"])
        == (200, True, "application/pdf", shown_as),
        f"an unpublished declaration's PDF: 200 to staff, {len(body):,} bytes, {shown_as}",
    )


def check_revalidation(site, app):
    from news.models import Post

    cover = Post.objects.published().exclude(cover="").first().cover.name
    for name, base in (("nginx", site), ("gunicorn itself", app)):
        client = Client(READER)
        status, headers, body = client.get(f"{base}/media/{cover}")
        again = client.get(f"{base}/media/{cover}", **{"If-Modified-Since": headers["Last-Modified"]})[0]
        check(
            (status, again) == (200, 304) and headers["Content-Type"].startswith("image/"),
            f"a public image ({len(body):,} bytes, {headers['Content-Type']}) revalidated through {name}: {again}",
        )
        check(
            headers.get("Cache-Control") == "public, max-age=86400",
            f"and kept by the browser for a day: Cache-Control {headers.get('Cache-Control')!r}",
        )


def check_static_and_body_limit(site, port):
    client = Client(HONEST)
    _status, _headers, page = client.get(f"{site}/en/")
    stylesheet = re.search(rb'href="(/static/[^"]+\.css)"', page)[1].decode()
    status, headers, _body = client.get(f"{site}{stylesheet}")
    check(
        (status, headers["Cache-Control"]) == (200, "public, max-age=31536000, immutable"),
        f"{stylesheet} is served by nginx with a year's caching",
    )
    too_large, within = send_body(port, 33 * MEGABYTE), send_body(port, 31 * MEGABYTE)
    check(too_large == ("nginx", 413), "a 33 MB request body is refused by nginx: 413")
    check(within == ("app", 413), "a 31 MB one reaches the app, which refuses it from a visitor in Korean: 413")


def main():
    workdir = Path(tempfile.mkdtemp(prefix="whrcf-nginx-"))
    workdir.chmod(0o755)  # nginx's workers run as another user when the check runs as root
    env = production_environment(workdir, DATABASE_URL, REDIS_URL) | {
        "WEB_CONCURRENCY": "1",
        "DEMO_ADMIN_USERNAME": ADMIN_USERNAME,
        "DEMO_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "DJANGO_MEDIA_ACCEL_REDIRECT_URL": "/protected-media/",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    env.pop("DJANGO_PROXY_COUNT", None)  # the documented default is what is checked
    os.environ.update(env)
    import django
    import redis

    django.setup()

    started = time.monotonic()
    create_database(DATABASE_URL)
    manage(env, "migrate", "--no-input", "-v0")
    log(f"database: {time.monotonic() - started:.1f} s")
    manage(env, "load_demo")
    log(f"demo: {time.monotonic() - started:.1f} s")
    manage(env, "collectstatic", "--no-input", "-v0")
    redis.Redis.from_url(REDIS_URL).flushdb()
    log(f"set up in {time.monotonic() - started:.1f} s")

    processes = []
    try:
        ports = [BASE_PORT + offset for offset in range(3)] if BASE_PORT else [free_port() for _ in range(3)]
        nginx_port, app_ports = ports[0], ports[1:]
        started = time.monotonic()
        processes += [start_gunicorn(env, "whrcf.wsgi", app_port, "/healthz") for app_port in app_ports]
        (workdir / "nginx").mkdir()
        write_nginx_config(workdir / "nginx", nginx_port, app_ports, workdir / "static", workdir / "media")
        processes.append(start_nginx(workdir / "nginx", nginx_port))
        site, app = f"http://127.0.0.1:{nginx_port}", f"http://127.0.0.1:{app_ports[0]}"

        staff = check_login_lockout(site)
        check_private_files(site, staff)
        check_revalidation(site, app)
        check_static_and_body_limit(site, nginx_port)
        log(f"servers started and checked in {time.monotonic() - started:.1f} s")
    except Failure as failure:
        log(f"FAILED: {failure}")
        sys.exit(1)
    finally:
        for process in processes:
            stop(process)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

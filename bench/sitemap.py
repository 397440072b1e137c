"""`make check-sitemap`: the sitemap at archive scale, on PostgreSQL under gunicorn.

With POSTS published posts (100,000 by default; SMOKE=1: 2,000), it asks gunicorn (one
worker, production settings, DEBUG off) for /sitemap.xml and every section page it lists,
first as rendered (the cache empty) and then again from the cache, and parses each with
lxml. It prints each page's times and URLs, and fails unless every published post is listed
in each of its languages, each page holds at most 5,000 URLs and, but for SMOKE, each
page is served from the cache in under a second. The time to render a page is printed, not
checked: it is paid once per page and content change, and depends on the machine's load.

The database, SITEMAP_DATABASE_URL, is made and enlarged only when it does not hold POSTS
published posts yet, so that a second run measures at once. Everything it starts, it stops.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from lxml import etree

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench.servers import (  # noqa: E402 (the project folder first)
    PYTHON,
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
POSTS = int(os.environ.get("POSTS", "2000" if SMOKE else "100000"))
DATABASE_URL = os.environ.get("SITEMAP_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/whrcf_sitemap")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_URLS_PER_PAGE = 5_000
# /ko/news/38/a-slug/, or /ko/news/38/ for a post with no slug.
ARTICLE_ADDRESS = re.compile(r"/\w\w/news/\d+/(?:[\w-]+/)?")
MAX_SECONDS = 1.0

# Run inside the project: the published posts' addresses in each of their languages.
PUBLISHED_ADDRESSES = """
import json
from news.models import Post
print(json.dumps([
    f"/{code}/news/{post.pk}/{post.slug}/" if post.slug else f"/{code}/news/{post.pk}/"
    for post in Post.objects.published().for_sitemap().iterator(chunk_size=5000)
    for code in post.languages
]))
"""


def django(env, code):
    command = [PYTHON, "manage.py", "shell", "--no-imports", "--command", code]
    return subprocess.run(command, cwd=PROJECT, env=env, check=True, capture_output=True, text=True).stdout


def prepare_database(env):
    """The database of POSTS published posts is made once and kept for the next runs; a
    kept one is first brought up to date with the project's migrations, as a deployment's."""
    try:
        if database_exists(DATABASE_URL):
            manage(env, "migrate", "--no-input", "-v0")
        addresses = json.loads(django(env, PUBLISHED_ADDRESSES))
        if len({address.split("/")[3] for address in addresses}) == POSTS:
            return addresses
    except subprocess.CalledProcessError:
        pass
    log(f"Making a database of {POSTS} published posts…")
    create_database(DATABASE_URL)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo")
    manage(env, "enlarge_demo", "--posts", str(POSTS))
    return json.loads(django(env, PUBLISHED_ADDRESSES))


def fetch(base_url, address):
    started = time.perf_counter()
    with urllib.request.urlopen(base_url + address, timeout=60) as response:
        body = response.read()
    return time.perf_counter() - started, etree.fromstring(body)


def main():
    failures = []
    with tempfile.TemporaryDirectory() as workdir:
        one_worker = {"WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "1"}
        env = production_environment(Path(workdir), DATABASE_URL, "") | one_worker
        published = prepare_database(env)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = start_gunicorn(env, "whrcf.wsgi", port, "/healthz")
        try:
            seconds, index = fetch(base_url, "/sitemap.xml")
            assert index.tag == f"{SITEMAP}sitemapindex", index.tag
            pages = [loc.text.removeprefix(base_url) for loc in index.iter(f"{SITEMAP}loc")]
            log(f"/sitemap.xml: {len(pages)} section pages, {seconds:.3f} s")
            log(f"{'page':<32} {'URLs':>7} {'rendered s':>11} {'cached s':>9}")
            listed = []
            for page in pages:
                rendered, urlset = fetch(base_url, page)
                cached, _again = fetch(base_url, page)
                assert urlset.tag == f"{SITEMAP}urlset", urlset.tag
                locations = [loc.text.removeprefix(base_url) for loc in urlset.iterfind(f"{SITEMAP}url/{SITEMAP}loc")]
                listed += locations
                log(f"{page:<32} {len(locations):>7} {rendered:>11.3f} {cached:>9.3f}")
                if len(locations) > MAX_URLS_PER_PAGE:
                    failures.append(f"{page} lists {len(locations)} URLs")
                if not SMOKE and cached >= MAX_SECONDS:
                    failures.append(f"{page} took {cached:.3f} s from the cache")
        finally:
            stop(server)
    listed_posts = [address for address in listed if ARTICLE_ADDRESS.fullmatch(address)]
    posts = {address.split("/")[3] for address in published}
    log(
        f"Published posts: {len(posts)}, listed: {len({address.split('/')[3] for address in listed_posts})}; "
        f"their addresses in each language: {len(published)}, listed: {len(listed_posts)}"
    )
    if sorted(listed_posts) != sorted(published):
        failures.append("the posts listed are not the published posts in each of their languages")
    for failure in failures:
        log(f"FAILED: {failure}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

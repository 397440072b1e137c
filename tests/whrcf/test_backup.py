"""`manage.py backup` and `manage.py restore`: a backup restored into a new, empty
database and media folder serves the same posts and files."""

import datetime
import json
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import psycopg2
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from psycopg2 import sql

from news.models import Post
from tests.factories import make_attachment, make_post

PDF = b"%PDF-1.4\n% WHRCF programme\n%%EOF\n"

# Run inside the restored site: each post's article and first attachment, as a reader gets them.
READ_BACK = """
import json
from django.test import Client
from news.models import Post
client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT="Mozilla/5.0")
pages = {}
for post in Post.objects.order_by("pk"):
    article = client.get(f"/ko/news/{post.pk}/{post.slug}/")
    attachment = post.attachments.first()
    download = client.get(attachment.get_absolute_url()) if attachment else None
    pages[post.title_ko] = [
        article.status_code,
        post.title_ko in article.content.decode(),
        download and b"".join(download.streaming_content).decode(),
    ]
print(json.dumps(pages, ensure_ascii=False))
"""

COUNT_POSTS = "from news.models import Post; print(Post.objects.count())"


@pytest.fixture
def empty_database(tmp_path):
    """The DATABASE_URL of a new, empty database of the engine under test."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    database = connection.settings_dict
    name = f"whrcf_restore_{uuid.uuid4().hex[:12]}"
    server = psycopg2.connect(
        dbname="postgres", user=database["USER"], host=database["HOST"], port=database["PORT"] or 5432
    )
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield f"postgres://{database['USER']}@{database['HOST']}:{database['PORT'] or 5432}/{name}"
    with server.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
    server.close()


@pytest.mark.django_db(transaction=True)
def test_restored_backup_serves_the_same_posts_and_files(tmp_path, empty_database, manage):
    first = make_post(title_ko="백업할 소식", title_en="News to keep")
    make_attachment(first, ContentFile(PDF, name="programme.pdf"))
    make_post(title_ko="두 번째 소식", title_en="Second news")
    call_command("backup", str(tmp_path / "backups"), stdout=StringIO())
    [backup] = (tmp_path / "backups").iterdir()
    restored = {"DATABASE_URL": empty_database, "DJANGO_MEDIA_ROOT": str(tmp_path / "restored-media")}

    restore = manage("restore", str(backup), env=restored)
    served = manage("shell", "--no-imports", "--command", READ_BACK, env=restored)

    assert restore.stdout.startswith("Restored 2 posts from the backup of "), restore.stderr
    assert json.loads(served.stdout) == {
        "백업할 소식": [200, True, PDF.decode()],
        "두 번째 소식": [200, True, None],
    }, served.stderr


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    make_post()
    call_command("backup", str(tmp_path), stdout=StringIO())
    [backup] = tmp_path.glob("backup-*")

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(backup))

    assert str(refused.value) == "The database is not empty: restore into a new one, or pass --replace."


def test_restore_refuses_a_folder_that_is_no_backup(tmp_path):
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(tmp_path))

    assert str(refused.value) == f"{tmp_path} is not a backup made by `manage.py backup`."


def write_posts_until(stop):
    """Another app server's writes: posts saved one after another until `stop` is set."""
    try:
        while not stop.is_set():
            make_post(title_ko="백업 중에 쓴 소식")
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_manifest_counts_the_posts_the_backup_holds_while_posts_are_written(tmp_path, empty_database, manage):
    make_post(title_ko="백업할 소식")
    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        writer = pool.submit(write_posts_until, stop)
        time.sleep(0.2)
        try:
            call_command("backup", str(tmp_path / "backups"), stdout=StringIO())
            time.sleep(0.2)
        finally:
            stop.set()
        writer.result()
    [backup] = (tmp_path / "backups").iterdir()
    manifest = json.loads((backup / "manifest.json").read_text())
    restored = {"DATABASE_URL": empty_database, "DJANGO_MEDIA_ROOT": str(tmp_path / "restored-media")}

    manage("restore", str(backup), env=restored)
    counted = manage("shell", "--no-imports", "--command", COUNT_POSTS, env=restored)

    assert int(counted.stdout) == manifest["posts"], counted.stderr
    assert 1 < manifest["posts"] < Post.objects.count()


@pytest.mark.django_db(transaction=True)
def test_two_backups_in_the_same_second_get_two_folders(tmp_path, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 24, 9, 30, 5, tzinfo=datetime.UTC), tick=False)
    make_post()

    for _ in range(3):
        call_command("backup", str(tmp_path), stdout=StringIO())

    assert sorted(folder.name for folder in tmp_path.glob("backup-*")) == [
        "backup-20261124-093005",
        "backup-20261124-093005-2",
        "backup-20261124-093005-3",
    ]

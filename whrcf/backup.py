"""
Backups of the site: the database and the uploaded files, in one folder.

    backup-20261124-0930/
        database.dump      pg_dump --format=custom (PostgreSQL), or
        database.sqlite3   an online copy made with SQLite's backup API
        media.tar.gz       MEDIA_ROOT, when uploads are kept on local disk
        manifest.json      when, which database engine, how many posts (counted in the
                           dumped snapshot: what a restore gives back)

The app servers write their views to the database every VIEW_COUNT_FLUSH_SECONDS: a backup
holds every view counted until then.
A restore goes into an empty database (create it, point DATABASE_URL at it) and an empty
or missing MEDIA_ROOT; `--replace` overwrites what is there.
"""

import itertools
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone

POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"


def postgres_environment():
    """libpq settings for pg_dump and pg_restore, from the Django connection: the password
    goes in the environment, never on a command line."""
    database = connection.settings_dict
    env = {"PGDATABASE": database["NAME"], "PGUSER": database["USER"] or "", "PGPASSWORD": database["PASSWORD"] or ""}
    env |= {"PGHOST": database["HOST"] or "", "PGPORT": str(database["PORT"] or "")}
    return {name: value for name, value in env.items() if value}


def run(command, env):
    result = subprocess.run(command, env=os.environ | env, capture_output=True, text=True)
    if result.returncode:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")


def media_on_local_disk():
    return settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def make_backup(parent):
    folder = new_backup_folder(Path(parent))
    if connection.vendor == "postgresql":
        posts = dump_postgres(folder / POSTGRES_DUMP)
    elif connection.vendor == "sqlite":
        posts = copy_sqlite(folder / SQLITE_COPY)
    else:
        raise CommandError(f"Backups of {connection.vendor} databases are not supported.")
    media = Path(settings.MEDIA_ROOT)
    if media_on_local_disk() and media.is_dir():
        with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
            archive.add(media, arcname=".")
    manifest = {
        "created": timezone.now().isoformat(),
        "database": connection.vendor,
        "posts": posts,
        "media": (folder / MEDIA_ARCHIVE).exists(),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return folder, manifest


def new_backup_folder(parent):
    """A new folder backup-YYYYMMDD-HHMMSS, or backup-YYYYMMDD-HHMMSS-2 (-3, …) when a backup
    was made in the same second: never one that exists, even with two backups at once."""
    name = f"backup-{timezone.now():%Y%m%d-%H%M%S}"
    parent.mkdir(parents=True, exist_ok=True)
    for attempt in itertools.count(1):
        folder = parent / (name if attempt == 1 else f"{name}-{attempt}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder


def dump_postgres(path):
    """pg_dump into `path`; returns the number of posts in the dump. The posts are counted in
    a transaction whose snapshot pg_dump then dumps (`--snapshot`), so a post written
    meanwhile is in neither."""
    from news.models import Post

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        [snapshot] = cursor.fetchone()
        posts = Post.objects.count()
        command = ["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}", "--file", str(path)]
        run(command, postgres_environment())
    return posts


def copy_sqlite(path):
    """An online copy of the SQLite database into `path`; returns the number of posts in the
    copy, counted there."""
    from news.models import Post

    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
        [posts] = copy.execute(f'SELECT COUNT(*) FROM "{Post._meta.db_table}"').fetchone()
    copy.close()
    return posts


def restore_backup(folder, replace=False):
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        raise CommandError(f"{folder} is not a backup made by `manage.py backup`.") from None
    if manifest["database"] != connection.vendor:
        raise CommandError(f"This backup is of a {manifest['database']} database, not {connection.vendor}.")
    if connection.introspection.table_names() and not replace:
        raise CommandError("The database is not empty: restore into a new one, or pass --replace.")
    media = Path(settings.MEDIA_ROOT)
    if manifest["media"] and media.is_dir() and any(media.iterdir()) and not replace:
        raise CommandError(f"{media} is not empty: restore into an empty folder, or pass --replace.")
    if connection.vendor == "postgresql":
        options = ["--clean", "--if-exists"] if replace else []
        run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                *options,
                "--dbname",
                connection.settings_dict["NAME"],
                str(folder / POSTGRES_DUMP),
            ],
            postgres_environment(),
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(folder / SQLITE_COPY) as copy:
            copy.backup(connection.connection)
    if manifest["media"]:
        if replace and media.is_dir():
            shutil.rmtree(media)
        media.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / MEDIA_ARCHIVE, "r:gz") as archive:
            archive.extractall(media, filter="data")
    return manifest

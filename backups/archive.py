"""Backing up and restoring the site: the database and the media folder, in one folder.

SQLite is copied with its online backup API, so the site may keep running (and writing)
meanwhile; PostgreSQL with pg_dump's custom format and pg_restore. Uploaded media go into a
tar.gz. A manifest records every table's row count as the copy holds it (not as the live
database has it a moment later, when visitors may have written more), and a restore checks it
got them all.
Nothing here knows about the apps whose tables it copies.
"""

import json
import os
import sqlite3
import subprocess
import tarfile
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone

SQLITE_FILE, PG_FILE, MEDIA_FILE, MANIFEST_FILE = (
    "database.sqlite3",
    "database.pgdump",
    "media.tar.gz",
    "manifest.json",
)


def row_counts():
    """{table: rows} for every table of the default database."""
    with connection.cursor() as cursor:
        return _count(cursor, connection.introspection.table_names(cursor))


def _count(cursor, tables):
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (table names from the database itself)
        counts[table] = cursor.fetchone()[0]
    return counts


def _sqlite_copy_counts(path):
    """The counts of the copied file, by the table list Django's introspection gives."""
    with closing(sqlite3.connect(path)) as copy:
        tables = [
            name
            for (name,) in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'sqlite_sequence'"
            )
        ]
        return _count(copy.cursor(), tables)


def _postgres(program, *args):
    """Run a PostgreSQL client program against the default database."""
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    target = ["--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432)]
    target += ["--username", db.get("USER") or "postgres", "--dbname", db["NAME"]]
    result = subprocess.run([program, *target, *args], env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode:
        raise CommandError(f"{program} failed: {result.stderr.strip()}")


def _pg_dump(path):
    """pg_dump inside a snapshot this connection exports and then counts in: the counts are
    those of the dump, whatever is written meanwhile."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _postgres("pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}", f"--file={path}")
        return _count(cursor, connection.introspection.table_names(cursor))


def back_up(folder):
    """Write the database, the media and the manifest into `folder` (which must not exist)."""
    folder = Path(folder)
    folder.mkdir(parents=True)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(folder / SQLITE_FILE)) as target:
            connection.connection.backup(target)
        rows = _sqlite_copy_counts(folder / SQLITE_FILE)
    elif connection.vendor == "postgresql":
        rows = _pg_dump(folder / PG_FILE)
    else:
        raise CommandError(f"No backup method for {connection.vendor}.")
    with tarfile.open(folder / MEDIA_FILE, "w:gz") as media:
        if Path(settings.MEDIA_ROOT).is_dir():
            media.add(settings.MEDIA_ROOT, arcname=".")
    manifest = {"vendor": connection.vendor, "created": timezone.now().isoformat(), "rows": rows}
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2))
    return manifest


def restore(folder, replace=False):
    """Load a backup folder into the default database and the media folder; returns the
    manifest after checking every table holds the rows it recorded."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text())
    except (OSError, ValueError) as error:
        raise CommandError(f"{folder} is not a backup made by backup_site: {error}") from error
    if manifest["vendor"] != connection.vendor:
        raise CommandError(
            f"This backup is of {manifest['vendor']}; the database here is {connection.vendor}."
        )
    if connection.introspection.table_names() and not replace:
        raise CommandError("The database is not empty: restore into a fresh one, or pass --replace.")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(folder / SQLITE_FILE) as source:
            source.backup(connection.connection)
        source.close()
    else:
        _postgres("pg_restore", "--no-owner", "--clean", "--if-exists", str(folder / PG_FILE))
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA_FILE) as media:
        media.extractall(settings.MEDIA_ROOT, filter="data")
    if (found := row_counts()) != manifest["rows"]:
        wrong = sorted(table for table in manifest["rows"] if found.get(table) != manifest["rows"][table])
        raise CommandError(f"Restored, but these tables differ from the backup: {', '.join(wrong)}")
    return manifest

"""Backups: backup_site and restore_site bring the database and the media folder back in a
fresh database, with the same pages, revisions, comments and leads, on SQLite and PostgreSQL."""

import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

import psycopg
import pytest

from tests import production_support
from tests.production_support import manage, prepare_demo_site, production_env

demo_site = production_support.demo_site
COUNTED = ["wagtailcore_page", "wagtailcore_revision", "comments_comment", "leads_lead"]


def counts(query):
    return {table: query(f"SELECT count(*) FROM {table}") for table in COUNTED}


def sqlite_counts(path):
    with sqlite3.connect(path) as db:
        found = counts(lambda sql: db.execute(sql).fetchone()[0])
    db.close()
    return found


def media_files(root):
    return sorted(str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file())


def check_media_restored(source, target):
    assert media_files(target) == media_files(source)
    assert any(name.startswith("original_images/") for name in media_files(target))


def test_sqlite_backup_restores_into_a_fresh_database(demo_site, tmp_path):
    """Backed up from the demo site, restored into a new SQLite file and media folder: same counts, same files."""
    data_dir, port = demo_site
    source = production_env(data_dir, port)
    manage(source, "backup_site", str(tmp_path / "backup"))
    fresh = tmp_path / "fresh"
    target = production_env(fresh, port)
    fresh.mkdir()
    output = manage(target, "restore_site", str(tmp_path / "backup")).stdout.decode()
    assert "every count as backed up" in output
    original = sqlite_counts(data_dir / "site.sqlite3")
    assert all(original[table] > 0 for table in COUNTED), original
    assert sqlite_counts(fresh / "site.sqlite3") == original
    check_media_restored(data_dir / "media", fresh / "media")
    manage(target, "migrate", "--check")  # the restored schema lacks no migration


def test_restore_refuses_a_database_that_holds_data(demo_site, tmp_path):
    """restore_site never overwrites a live database unless told to with --replace."""
    data_dir, port = demo_site
    env = production_env(data_dir, port)
    manage(env, "backup_site", str(tmp_path / "backup"))
    refused = subprocess.run(
        [sys.executable, "manage.py", "restore_site", str(tmp_path / "backup")],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 1 and "The database is not empty" in refused.stderr


def postgres_url(suffix):
    db = settings.DATABASES["default"]
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}_{suffix}"


def recreate(url):
    parts = urlsplit(url)
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parts.path[1:]}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{parts.path[1:]}"')


on_postgresql = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="runs with the suite on PostgreSQL (scratch databases beside the test database)",
)


def postgres_demo_site(tmp_path, name):
    """A demo site on a fresh scratch database `<name>_source`, and an empty `<name>_target`:
    (source URL, target URL, the source's production environment)."""
    source_url, target_url = postgres_url(f"{name}_source"), postgres_url(f"{name}_target")
    for url in (source_url, target_url):
        recreate(url)
    (tmp_path / "source").mkdir()
    source = production_env(tmp_path / "source", 8000, DATABASE_URL=source_url)
    prepare_demo_site(source)
    return source_url, target_url, source


def postgres_counts(url):
    with psycopg.connect(url) as conn:
        return counts(lambda sql: conn.execute(sql).fetchone()[0])


@on_postgresql
def test_postgresql_backup_restores_into_a_fresh_database(tmp_path):
    """pg_dump of a demo site, pg_restore into a new database: same pages, revisions, comments and leads."""
    source_url, target_url, source = postgres_demo_site(tmp_path, "backup")
    manage(source, "backup_site", str(tmp_path / "backup"))
    target = production_env(tmp_path / "target", 8000, DATABASE_URL=target_url)
    output = manage(target, "restore_site", str(tmp_path / "backup")).stdout.decode()
    assert "every count as backed up" in output
    original = postgres_counts(source_url)
    assert all(original[table] > 0 for table in COUNTED), original
    assert postgres_counts(target_url) == original
    check_media_restored(tmp_path / "source" / "media", tmp_path / "target" / "media")


@contextmanager
def visitors_writing(connect):
    """Another process's writes while the backup runs: sessions inserted as fast as they go."""
    stop, written = threading.Event(), []

    def write():
        with connect() as db:
            while not stop.is_set():
                key = f"backup-race-{len(written)}"
                db.execute(
                    "INSERT INTO django_session (session_key, session_data, expire_date) "
                    f"VALUES ('{key}', 'x', '2099-01-01')"
                )
                db.commit()
                written.append(key)
                time.sleep(0.005)

    thread = threading.Thread(target=write)
    thread.start()
    try:
        yield written
    finally:
        stop.set()
        thread.join()


def test_a_backup_taken_while_visitors_write_restores_with_its_own_counts(demo_site, tmp_path):
    """The manifest counts what the copy holds, not the live database a moment later."""
    data_dir, port = demo_site
    with visitors_writing(lambda: sqlite3.connect(data_dir / "site.sqlite3", timeout=10)) as written:
        manage(production_env(data_dir, port), "backup_site", str(tmp_path / "backup"))
    assert len(written) > 5  # the writes really overlapped the backup
    (tmp_path / "fresh").mkdir()
    output = manage(production_env(tmp_path / "fresh", port), "restore_site", str(tmp_path / "backup"))
    assert "every count as backed up" in output.stdout.decode()


@on_postgresql
def test_a_postgresql_backup_taken_while_visitors_write_restores_with_its_own_counts(tmp_path):
    source_url, target_url, source = postgres_demo_site(tmp_path, "race")
    with visitors_writing(lambda: psycopg.connect(source_url)) as written:
        manage(source, "backup_site", str(tmp_path / "backup"))
    assert len(written) > 5
    target = production_env(tmp_path / "target", 8000, DATABASE_URL=target_url)
    output = manage(target, "restore_site", str(tmp_path / "backup")).stdout.decode()
    assert "every count as backed up" in output

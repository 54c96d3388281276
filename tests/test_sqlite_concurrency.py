"""The embedded SQLite database takes writes from several worker processes at once."""

import threading

from django.conf import settings
from django.db import connections, transaction

import pytest

ON_SQLITE = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


@pytest.fixture
def shared_file_connections(tmp_path, django_db_blocker):
    """Two aliases on one SQLite file with the site's settings, as two gunicorn workers have.
    Outside the test database: these connections are the subject of the test."""
    aliases = ("worker_a", "worker_b")
    for alias in aliases:
        connections.settings[alias] = {
            **connections["default"].settings_dict,
            "NAME": str(tmp_path / "shared.sqlite3"),
        }
    with django_db_blocker.unblock():
        yield aliases
    for alias in aliases:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


@pytest.mark.skipif(not ON_SQLITE, reason="SQLite settings")
def test_sqlite_file_uses_wal_and_normal_sync(shared_file_connections):
    """A SQLite file opened by the site is in WAL mode with synchronous=NORMAL."""
    with connections[shared_file_connections[0]].cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == settings.SQLITE_BUSY_TIMEOUT


@pytest.mark.skipif(not ON_SQLITE, reason="SQLite settings")
def test_a_read_then_write_waits_for_another_writer_instead_of_failing(shared_file_connections):
    """While one worker is mid-write, another worker's read-then-write waits its turn and succeeds."""
    first, second = shared_file_connections
    with connections[first].cursor() as cursor:
        cursor.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, who TEXT)")
    written, release = threading.Event(), threading.Event()

    def slow_writer():
        with transaction.atomic(using=second):
            connections[second].cursor().execute("INSERT INTO visit (who) VALUES ('b')")
            written.set()
            release.wait(5)
        connections[second].close()

    thread = threading.Thread(target=slow_writer)
    thread.start()
    assert written.wait(5)
    threading.Timer(0.5, release.set).start()
    with transaction.atomic(using=first):
        cursor = connections[first].cursor()
        count = cursor.execute("SELECT count(*) FROM visit").fetchone()[0]
        cursor.execute("INSERT INTO visit (who) VALUES (%s)", [f"a after {count}"])
    thread.join()
    rows = connections[first].cursor().execute("SELECT who FROM visit ORDER BY id").fetchall()
    assert rows == [("b",), ("a after 1",)]


@pytest.mark.skipif(ON_SQLITE, reason="PostgreSQL settings")
def test_postgresql_keeps_its_defaults():
    """On PostgreSQL none of the SQLite options are set."""
    options = settings.DATABASES["default"].get("OPTIONS", {})
    assert not {"init_command", "transaction_mode", "timeout"} & set(options)

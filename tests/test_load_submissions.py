"""Concurrent visitors lose nothing: bench/load_submissions.py at a smaller size, on the
database the suite runs on (a scratch `<name>_load` database on PostgreSQL)."""

import subprocess
import sys

from django.conf import settings

LEADS, COMMENTS = 100, 50


def scratch_postgres_url():
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return None
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}_load"


def test_concurrent_submissions_are_each_stored_exactly_once():
    """16 clients posting leads and comments at once to 2 gunicorn workers: no 5xx, none lost."""
    command = [sys.executable, "bench/load_submissions.py", f"--leads={LEADS}", f"--comments={COMMENTS}"]
    if url := scratch_postgres_url():
        command.append(f"--postgres={url}")
    result = subprocess.run(command, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert f"comment   302  {COMMENTS}" in result.stdout
    assert f"stored in the database: {LEADS + COMMENTS} of {LEADS + COMMENTS} accepted" in result.stdout

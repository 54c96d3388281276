"""SQL queries per public page, anonymous, second request (warm caches).

Usage: DJANGO_SETTINGS_MODULE=... python bench/query_counts.py / /articles/ /search/?q=seo ...
Runs against the configured database (e.g. a copy with demo content loaded).
"""

import os
import sys

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.dev")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main(paths):
    client = Client(SERVER_NAME="127.0.0.1")
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        print(f"{len(queries):4d} queries  {response.status_code}  {path}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["/"])

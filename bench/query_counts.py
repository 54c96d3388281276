"""SQL queries per request, anonymous, second request (warm caches), in process.

Usage: DJANGO_SETTINGS_MODULE=... python bench/query_counts.py [--json] / /articles/ /search/?q=seo ...
A path given as POST:/path/?urlencoded-body is posted (form-encoded) instead. Runs against
the configured database (e.g. a copy with demo content loaded) from the project in the
current directory, so bench/run.py also counts the peer project's page with it.
"""

import json
import os
import sys

import django

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.dev")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def fetch(client, spec):
    if spec.startswith("POST:"):
        path, _, body = spec.removeprefix("POST:").partition("?")
        return client.post(path, body, content_type="application/x-www-form-urlencoded")
    return client.get(spec)


def main(specs, as_json):
    client = Client(SERVER_NAME="127.0.0.1")
    counts = {}
    for spec in specs:
        fetch(client, spec)
        with CaptureQueriesContext(connection) as queries:
            response = fetch(client, spec)
        counts[spec] = {"queries": len(queries), "status": response.status_code}
        if not as_json:
            print(f"{len(queries):4d} queries  {response.status_code}  {spec}")
    if as_json:
        print(json.dumps(counts))


if __name__ == "__main__":
    as_json = "--json" in sys.argv[1:]
    main([arg for arg in sys.argv[1:] if arg != "--json"] or ["/"], as_json)

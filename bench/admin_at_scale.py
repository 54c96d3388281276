#!/usr/bin/env python3
"""The Wagtail admin at scale on PostgreSQL: lead list, filter, search, dashboard, comments.

Seeds a PostgreSQL database with the demo site plus 100,000 leads and 50,000 comments (on a
few articles; bulk inserts, about a minute), then times each admin page in process with
Django's test client, logged in as a superuser, DEBUG off (the test settings): the median of
3 runs after one warm-up, the SQL queries it made, and EXPLAIN (ANALYZE) of its slowest
queries on the lead or comment table. Run it again on the same database to measure after a change: it migrates first
(new indexes included) and seeds only what is missing.

    bench/admin_at_scale.py postgres://postgres@127.0.0.1:5432/scale_admin
    bench/admin_at_scale.py URL --fresh            # drop and seed the database again
    bench/admin_at_scale.py URL --explain 0        # timings only
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
FIRST = "Ada Ben Chloe Dev Emma Femi Grace Hugo Iris Jack Kemi Liam Maya Noah Omar Priya Quinn Rosa Sam Tara"
LAST = "Okafor Smith Jones Patel Novak Garcia Chen Murphy Kowalski Rossi Silva Haddad Berg Dubois Lee Shah"
COMPANIES = ["", "Cole's Bakery", "Harbour Gym", "Fischer Design", "Reid & Sons", "Blue Fern Ltd"]
SEARCHED = "Kowalski"  # one surname in 16: about 6,000 matching leads


def recreate_database(url):
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(urlsplit(url)._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def seed(leads, comments):
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from articles.models import ArticlePage
    from comments.models import Comment
    from leads.models import Lead

    call_command("migrate", verbosity=0)
    if not ArticlePage.objects.exists():
        call_command("load_demo_content", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    rng, now = random.Random(11), timezone.now()  # noqa: S311 (repeatable test data, no secrets)
    pages = list(ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True))
    owners = [None, *User.objects.filter(is_staff=True).values_list("pk", flat=True)]
    statuses = [
        s
        for s, weight in zip(Lead.Status.values, (10, 20, 15, 10, 25, 20), strict=True)
        for _ in range(weight)
    ]
    missing = leads - Lead.objects.count()
    started = time.perf_counter()
    for start in range(0, max(missing, 0), 5000):
        batch = []
        for n in range(start, min(start + 5000, missing)):
            first, last = rng.choice(FIRST.split()), rng.choice(LAST.split())
            batch.append(
                Lead(
                    name=f"{first} {last}",
                    email=f"{first}.{last}.{n}@example.org".lower(),
                    phone=f"+44 20 7946 {n % 10000:04d}",
                    company=rng.choice(COMPANIES),
                    service=rng.choice(["seo", "smm", "ppc", ""]),
                    message="We would like to hear what you can do for us.",
                    form=rng.choice(Lead.Form.values),
                    status=rng.choice(statuses),
                    source_page_id=rng.choice([None, *pages]),
                    owner_id=rng.choice(owners),
                    created=now - timedelta(minutes=rng.randrange(2 * 365 * 24 * 60)),
                )
            )
        Lead.objects.bulk_create(batch)
    thread_pages = pages[:5]
    weights = {"approved": 70, "pending": 10, "spam": 15, "removed": 5}
    statuses = [s for s, weight in weights.items() for _ in range(weight)]
    missing_comments = comments - Comment.objects.count()
    for start in range(0, max(missing_comments, 0), 5000):
        batch = []
        for n in range(start, min(start + 5000, missing_comments)):
            first, last = rng.choice(FIRST.split()), rng.choice(LAST.split())
            batch.append(
                Comment(
                    page_id=thread_pages[n % len(thread_pages)],
                    name=f"{first} {last}",
                    email=f"{first}.{n}@example.net".lower(),
                    body=f"<p>Comment {n}: thanks, this helped with our local search.</p>",
                    status=rng.choice(statuses),
                    created_at=now - timedelta(minutes=rng.randrange(365 * 24 * 60)),
                )
            )
        Comment.objects.bulk_create(batch)
    if missing > 0 or missing_comments > 0:
        print(
            f"Seeded {max(missing, 0)} leads, {max(missing_comments, 0)} comments "
            f"in {time.perf_counter() - started:.0f} s"
        )
    # As autovacuum leaves them: planner statistics and the visibility map (index-only scans).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE leads_lead, comments_comment")
    print(f"Database: {Lead.objects.count()} leads, {Comment.objects.count()} comments")


def pages_to_measure():
    from django.urls import reverse

    leads = reverse("leads_admin:index")
    comments = reverse("wagtailsnippets_comments_comment:list")
    return [
        ("lead list", leads),
        ("leads, status=new", leads + "?" + urlencode({"status": "new"})),
        ("lead search", leads + "?" + urlencode({"q": SEARCHED})),
        ("dashboard", reverse("wagtailadmin_home")),
        ("comment list", comments),
        ("comments, pending", comments + "?" + urlencode({"status": "pending"})),
    ]


def measure(explain):
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(User.objects.filter(is_superuser=True).first())
    plans = []
    # CPU ms: this process only (not PostgreSQL's), steadier than wall time on a busy machine.
    print(f"{'page':<20} {'median ms':>9} {'runs (ms)':<16} {'CPU ms':>6} {'queries':>7}")
    for label, url in pages_to_measure():
        assert client.get(url).status_code == 200, url  # warm-up
        runs, cpu = [], []
        for _ in range(3):
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            runs.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            assert response.status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        shown = " ".join(f"{run:.0f}" for run in runs)
        print(
            f"{label:<20} {statistics.median(runs):9.0f} {shown:<16} {statistics.median(cpu):6.0f} {len(queries):7d}"
        )
        ours = [
            q
            for q in queries.captured_queries
            if '"leads_lead"' in q["sql"] or '"comments_comment"' in q["sql"]
        ]
        slowest = sorted(ours, key=lambda q: -float(q["time"]))[:explain]
        plans.extend((label, query["sql"]) for query in slowest)
    for label, sql in plans:
        sql = re.sub(r'^DECLARE "[^"]+" NO SCROLL CURSOR WITH HOLD FOR ', "", sql)  # .iterator() in PG
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE) " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(f"\n--- {label}: {sql[:300]}{'…' if len(sql) > 300 else ''}\n{plan}")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("database_url", help="postgres://... (a scratch database)")
    parser.add_argument("--fresh", action="store_true", help="drop and create the database first")
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--comments", type=int, default=50_000)
    parser.add_argument(
        "--explain",
        type=int,
        default=4,
        help="slowest queries on the lead or comment table explained per page",
    )
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        parser.error("a PostgreSQL URL: the figures are for PostgreSQL")
    if args.fresh:
        recreate_database(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    seed(args.leads, args.comments)
    measure(args.explain)


if __name__ == "__main__":
    main()

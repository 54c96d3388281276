#!/usr/bin/env python3
"""Concurrent lead and comment submissions against gunicorn, counted in the database.

Serves the demo site with gunicorn (2 workers) under `site_project.settings.loadtest` (the
production settings with the spam limits relaxed) on a fresh SQLite file or PostgreSQL
database, sends lead submissions (callback and contact alternating) and comment submissions
from concurrent clients, each carrying its own marker, then checks in the database that
every accepted submission is stored exactly once and no refused one is; that no answer is a
5xx; and that every refusal tells the visitor why. Prints answers by status, p50/p99
latency and submissions per second; exits 1 when a check fails.

    bench/load_submissions.py                                   # SQLite, full size
    bench/load_submissions.py --postgres postgres://postgres@127.0.0.1:5432/wt8_load
    bench/load_submissions.py --leads 200 --comments 100        # a quicker run

`--postgres` names a scratch database: it is dropped and created afresh.
"""

import argparse
import collections
import html
import http.client
import json
import os
import queue
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
# Text the templates put refusal reasons in: field errors and the form's alert.
REASON = re.compile(r'class="[^"]*(?:invalid-feedback|alert)[^"]*"[^>]*>(.*?)</(?:div|p|span|ul)>', re.S)
COUNT_SCRIPT = """
import json, re
from comments.models import Comment
from leads.models import Lead
run = {run!r}
pattern = re.compile(re.escape(run) + r"-[LC]\\d+")
found = [m for text in Lead.objects.filter(message__contains=run).values_list("message", flat=True)
         for m in pattern.findall(text)]
found += [m for text in Comment.objects.filter(body__contains=run).values_list("body", flat=True)
          for m in pattern.findall(text)]
print(json.dumps(found))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    return subprocess.run(  # noqa: S603 (our own manage.py)
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def recreate_postgres(url):
    """Drop and create the scratch database the URL names (connecting to `postgres`)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare(database_url, data_dir, port):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.loadtest",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(data_dir / "static"),
        "MEDIA_ROOT": str(data_dir / "media"),
        "PAGE_CACHE_DIR": str(data_dir / "page-cache"),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input")
    demo_help = manage(env, "load_demo_content", "--help")
    manage(env, "load_demo_content", *(["--force"] if "--force" in demo_help else []))
    return env


def start_server(env, port, workers, log_path):
    server = subprocess.Popen(  # noqa: S603 (our own gunicorn)
        [PYTHON.parent / "gunicorn", "site_project.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", str(workers), "--no-control-socket"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log_path.open("w"),  # gunicorn's log and Django's (tracebacks of any 500)
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if request(port, "GET", "/")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 30 s; see " + str(log_path))


def request(port, method, path, fields=None, origin=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if fields else {}
        if origin:
            headers["Origin"] = origin
        conn.request(method, path, body=urlencode(fields) if fields else None, headers=headers)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def find_targets(port):
    """The contact page's form token and an article whose comment form is open."""
    status, page = request(port, "GET", "/contact/")
    token = re.search(r'name="issued" value="([^"]+)"', page).group(1)
    status, listing = request(port, "GET", "/articles/")
    for path in dict.fromkeys(re.findall(r'href="(/articles/[a-z0-9-]+/)"', listing)):
        status, article = request(port, "GET", path)
        action = re.search(r'action="(/comments/post/\d+/)', article)
        if status == 200 and action:
            return token, path, action.group(1)
    raise SystemExit("no article with an open comment form in the demo content")


def submissions(run, leads, comments, token, article_path, comment_path):
    """(marker, kind, path, fields) for every submission: fresh data and a marker each."""
    year = str(datetime.now(timezone.utc).year)
    common = {"issued": token, "homepage_url": "", "consent": "on"}
    for n in range(leads):
        marker = f"{run}-L{n:05d}"
        if n % 2:
            fields = {"name": f"Casey Loader {n}", "email": f"casey.{run}.{n}@example.org"}
            fields |= {"service": "seo", "company": "Load & Co", "message": f"Contact request {marker}"}
            yield marker, "contact", "/contact/", {**common, **fields, "form": "contact"}
        else:
            fields = {"name": f"Robin Loader {n}", "phone": "+44 20 7946 0958", "call_time": "morning"}
            fields |= {"message": f"Callback request {marker}", "source_url": article_path}
            yield marker, "callback", "/leads/callback/", {**common, **fields, "form": "callback"}
    for n in range(comments):
        marker = f"{run}-C{n:05d}"
        fields = {"name": f"Reader {n}", "email": f"reader.{run}.{n}@example.com", "website": ""}
        fields |= {"body": f"<p>Comment number {n} from the load run: {marker}</p>", "answer": year}
        yield marker, "comment", comment_path, {**fields, "issued": token, "homepage_url": "", "parent": ""}


def share_done(item, args):
    """How far through its own kind a submission is: sorting by it interleaves leads and comments."""
    number = int(item[0].rsplit("-", 1)[1][1:])
    return number / (args.comments if item[1] == "comment" else args.leads)


def page_title(body):
    match = re.search(r"<title>(.*?)</title>", body, re.S)
    return " ".join(match.group(1).split()) if match else body[:200]


def refusal_reason(body):
    reasons = [
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split()) for text in REASON.findall(body)
    ]
    return "; ".join(reason for reason in reasons if reason)


def run_clients(port, work, clients):
    origin = f"http://127.0.0.1:{port}"
    jobs = queue.Queue()
    for item in work:
        jobs.put(item)
    results, lock = [], threading.Lock()

    def client():
        while True:
            try:
                marker, kind, path, fields = jobs.get_nowait()
            except queue.Empty:
                return
            started = time.perf_counter()
            try:
                status, body = request(port, "POST", path, fields, origin=origin)
            except OSError as error:
                status, body = 0, f"connection error: {error}"
            elapsed = time.perf_counter() - started
            reason = refusal_reason(body) if 400 <= status < 500 else page_title(body)
            with lock:
                results.append((marker, kind, status, elapsed, reason))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def report(results, wall, stored, label):
    """Print the figures; return the list of failed checks."""
    failures = []
    by_status = collections.Counter((kind, status) for _, kind, status, _, _ in results)
    latencies = sorted(elapsed for *_, elapsed, _ in results)
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    print(f"\n{label}: {len(results)} submissions from the clients in {wall:.1f} s")
    for (kind, status), count in sorted(by_status.items()):
        print(f"  {kind:<9} {status:>3}  {count}")
    print(f"  latency p50 {p50:.0f} ms, p99 {p99:.0f} ms; {len(results) / wall:.1f} submissions/s")
    counts = collections.Counter(stored)
    accepted = {marker for marker, _, status, _, _ in results if status in (301, 302, 303)}
    refused = [(marker, status, reason) for marker, _, status, _, reason in results if marker not in accepted]
    for reason, count in collections.Counter(reason for *_, reason in refused).most_common(5):
        print(f"  refused ({count}): {reason[:160]}")
    if server_errors := [r for r in results if r[2] == 0 or r[2] >= 500]:
        failures.append(
            f"{len(server_errors)} answers were 5xx or no answer, e.g. {server_errors[0][4][:200]}"
        )
    if missing := [marker for marker in accepted if counts[marker] != 1]:
        failures.append(f"{len(missing)} accepted submissions not stored exactly once, e.g. {missing[0]}")
    if stored_refused := [marker for marker, *_ in refused if counts[marker]]:
        failures.append(f"{len(stored_refused)} refused submissions were stored anyway")
    if silent := [marker for marker, status, reason in refused if 400 <= status < 500 and not reason]:
        failures.append(f"{len(silent)} refusals gave no reason")
    print(f"  stored in the database: {sum(counts.values())} of {len(accepted)} accepted")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", metavar="URL", help="scratch PostgreSQL database (recreated)")
    parser.add_argument("--leads", type=int, default=2000)
    parser.add_argument("--comments", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="load-submissions-") as tmp:
        data_dir = Path(tmp)
        if args.postgres:
            recreate_postgres(args.postgres)
        database_url = args.postgres or f"sqlite:///{data_dir / 'site.sqlite3'}"
        label = "PostgreSQL" if args.postgres else "SQLite"
        env = prepare(database_url, data_dir, port)
        server = start_server(env, port, args.workers, data_dir / "gunicorn.log")
        try:
            token, article_path, comment_path = find_targets(port)
            run = f"run{secrets.token_hex(4)}"
            work = list(submissions(run, args.leads, args.comments, token, article_path, comment_path))
            # Leads and comments interleaved, as visitors would send them.
            work.sort(key=lambda item: share_done(item, args))
            results, wall = run_clients(port, work, args.clients)
        finally:
            server.terminate()
            server.wait(timeout=30)
        stored = json.loads(manage(env, "shell", "-v", "0", "-c", COUNT_SCRIPT.format(run=run)))
        failures = report(results, wall, stored, label)
        if failures:
            log = (data_dir / "gunicorn.log").read_text()[-3000:]
            print("\nFAILED:\n  " + "\n  ".join(failures) + "\n\ngunicorn log (end):\n" + log)
            return 1
    print("  OK: every accepted submission stored exactly once, no 5xx, every refusal explained")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The side-by-side bench: our pages against a stock Wagtail page and a static file, in one run.

Builds the demo site (plus an article with a table, images and 30 threaded approved comments,
bench/build_article.py) on a fresh SQLite file and serves it with gunicorn (2 workers) twice,
with the page cache on (PAGE_CACHE_SECONDS unset: the default) and off (PAGE_CACHE_SECONDS=0);
builds a stock `wagtail start` peer (bench/peer.py) and serves it with gunicorn (2 workers);
then drives every target with wrk in interleaved rounds, counts SQL queries per request in
process against the same databases (bench/query_counts.py), prints the table and writes
bench/RESULTS.md. Exits 1 when a target answers with an error.

    bench/run.py                  # the full run (about 4 minutes)
    bench/run.py --smoke          # 1 round of 1 s, no RESULTS.md: checks the bench still works
"""

import argparse
import http.client
import json
import os
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import peer
import report

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = Path(sys.executable)
SITE_SETTINGS = "site_project.settings.loadtest"  # production, per-IP limits lifted
LEAD_FIELDS = {
    "name": "Bench Visitor BENCHN",
    "email": "bench.BENCHN@example.org",
    "service": "seo",
    "company": "Bench & Co",
    "message": "Contact request BENCHN from the bench run.",
    "consent": "on",
}


@dataclass
class Target:
    name: str
    label: str
    port: int
    path: str
    body: str | None = None  # form-encoded POST body; GET when None


class PageParser(HTMLParser):
    """The first stylesheet link and the hidden inputs of the page's POST forms."""

    def __init__(self):
        super().__init__()
        self.stylesheet, self.hidden, self.in_post_form = None, {}, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet" and self.stylesheet is None:
            self.stylesheet = attrs.get("href")
        elif tag == "form":
            self.in_post_form = (attrs.get("method") or "").lower() == "post"
        elif tag == "input" and self.in_post_form and attrs.get("type") == "hidden" and attrs.get("name"):
            self.hidden[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_post_form = False


def parse(body):
    parser = PageParser()
    parser.feed(body)
    return parser


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port, path, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://127.0.0.1:{port}"}
        conn.request("POST" if body else "GET", path, body=body, headers=headers if body else {})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def manage(env, *args, cwd=ROOT):
    return subprocess.run(  # noqa: S603 (our own scripts)
        [PYTHON, *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout


def site_env(base, data, port, page_cache):
    env = {
        **base,
        "DJANGO_SETTINGS_MODULE": SITE_SETTINGS,
        "SITE_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"sqlite:///{data / 'site.sqlite3'}",
        "STATIC_ROOT": str(data / "static"),
        "MEDIA_ROOT": str(data / "media"),
        "PAGE_CACHE_DIR": str(data / "page-cache"),
    }
    env.pop("PAGE_CACHE_SECONDS", None)  # on: the site's default lifetime
    if not page_cache:
        env["PAGE_CACHE_SECONDS"] = "0"
    return env


def build_site(env):
    """Fresh database with the demo content and the bench article; returns the article's path."""
    manage(env, "manage.py", "migrate", "--no-input", "-v0")
    manage(env, "manage.py", "collectstatic", "--no-input", "-v0")
    manage(env, "manage.py", "load_demo_content", "--force")
    return manage(env, "bench/build_article.py").strip().splitlines()[-1]


def start_server(app, port, env, cwd, log):
    server = subprocess.Popen(  # noqa: S603 (our own gunicorn)
        [PYTHON.parent / "gunicorn", app, "--bind", f"127.0.0.1:{port}", "--workers", "2"]
        + ["--no-control-socket"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if request(port, "/")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn ({app}) did not answer on port {port} within 60 s; see {log}")


def wrk(target, args, seconds):
    env = {**os.environ}
    if target.body:
        env |= {"BENCH_POST_BODY": target.body, "BENCH_ORIGIN": f"http://127.0.0.1:{target.port}"}
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--timeout", "10s"]
    command += ["-s", str(BENCH / "wrk.lua"), f"http://127.0.0.1:{target.port}{target.path}"]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout  # noqa: S603
    line = next(line for line in out.splitlines() if line.startswith("BENCH_JSON "))
    return json.loads(line.removeprefix("BENCH_JSON "))


def preflight(targets):
    """Every target answers as it should before it is timed: 200, and a redirect for the post."""
    for target in targets:
        body = target.body.replace("BENCHN", "preflight") if target.body else None
        status, page = request(target.port, target.path, body)
        if status != (302 if body else 200):
            raise SystemExit(f"{target.label}: {target.path} answered {status}:\n{page[:2000]}")


def count_queries(targets, envs, peer_dir):
    """{target name: SQL queries of a warm request}, counted in process per server's settings."""
    counts = {}
    for key, cwd in (("uncached", ROOT), ("cached", ROOT), ("peer", peer_dir)):
        mine = [t for t in targets if t.port == envs[key][1]]
        specs = {
            t.name: f"POST:{t.path}?{t.body.replace('BENCHN', 'queries')}" if t.body else t.path for t in mine
        }
        out = manage(envs[key][0], BENCH / "query_counts.py", "--json", *specs.values(), cwd=cwd)
        found = json.loads(out.strip().splitlines()[-1])
        counts |= {name: found[spec]["queries"] for name, spec in specs.items()}
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=6, help="length of one wrk round (default 6)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--port-base", type=int, default=0, help="use this port and the next two (default: free ports)"
    )
    parser.add_argument("--note", default="", help="a line for RESULTS.md, e.g. that the machine was busy")
    parser.add_argument(
        "--smoke", action="store_true", help="1 round of 1 s at -t1 -c2, no warm-up, RESULTS.md untouched"
    )
    args = parser.parse_args()
    if args.smoke:  # few connections, so a slow page still completes requests within the second
        args.seconds, args.rounds, args.threads, args.connections = 1, 1, 1, 2
    command = shlex.join(["bench/run.py", *sys.argv[1:]])
    ports = [args.port_base + n for n in range(3)] if args.port_base else [free_port() for _ in range(3)]
    data = Path(tempfile.mkdtemp(prefix="bench-"))
    base = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base["SECRET_KEY"] = secrets.token_urlsafe(50)
    cached, uncached = (site_env(base, data, ports[n], page_cache=n == 0) for n in range(2))
    servers = []
    load_before = os.getloadavg()[0]
    try:
        print(f"Building the site and the peer in {data} ...", flush=True)
        with ThreadPoolExecutor(2) as pool:
            site_job = pool.submit(build_site, uncached)
            peer_job = pool.submit(peer.build, data / "peer", base)
            article, (peer_env, peer_path) = site_job.result(), peer_job.result()
        for app, port, env, cwd, name in (
            ("site_project.wsgi", ports[0], cached, ROOT, "cached"),
            ("site_project.wsgi", ports[1], uncached, ROOT, "uncached"),
            ("peer.wsgi", ports[2], peer_env, data / "peer", "peer"),
        ):
            servers.append(start_server(app, port, env, cwd, data / f"gunicorn-{name}.log"))
        home = parse(request(ports[1], "/")[1])
        if not home.stylesheet:
            raise SystemExit("the home page links no stylesheet: no static reference to measure")
        lead_body = urlencode({**parse(request(ports[1], "/contact/")[1]).hidden, **LEAD_FIELDS})
        targets = [
            Target("static", "the site's stylesheet, same gunicorn + WhiteNoise", ports[1], home.stylesheet),
            Target("peer", "stock `wagtail start` BlogPage, ~1,500 words and a table", ports[2], peer_path),
            Target("article-cached", "our article, 30 threaded comments, page cache on", ports[0], article),
            Target("article", "our article, 30 threaded comments, page cache off", ports[1], article),
            Target("home", "our home page, page cache off", ports[1], "/"),
            Target("index", "our article index, page cache off", ports[1], "/articles/"),
            Target("search", "search `/search/?q=seo`", ports[1], "/search/?q=seo"),
            Target("lead", "a lead submission (POST /contact/)", ports[1], "/contact/", lead_body),
        ]
        preflight(targets)
        if not args.smoke:
            for target in targets:  # warm-up, not counted: page cache, worker imports, SQLite pages
                wrk(target, args, 1)
        rounds = {t.name: [] for t in targets}
        for n in range(args.rounds):
            print(f"Round {n + 1} of {args.rounds} ...", flush=True)
            for target in targets:
                rounds[target.name].append(wrk(target, args, args.seconds))
        envs = {"cached": (cached, ports[0]), "uncached": (uncached, ports[1]), "peer": (peer_env, ports[2])}
        queries = count_queries(targets, envs, data / "peer")
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
    figures = {name: report.summarise(r) for name, r in rounds.items()}
    print()
    print(report.table(targets, figures, queries))
    failed = [t.label for t in targets if figures[t.name]["errors"] or not figures[t.name]["requests"]]
    if failed:
        print("\nFAILED: errors or no answers for: " + "; ".join(failed) + f"\nLogs in {data}")
        return 1
    if not args.smoke:
        markdown = report.results_markdown(args, command, targets, figures, queries, load_before, args.note)
        (BENCH / "RESULTS.md").write_text(markdown)
        print("\nWritten to bench/RESULTS.md")
    shutil.rmtree(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())

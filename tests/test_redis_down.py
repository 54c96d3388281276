"""Redis stopped, or at an address that never answers: under the production settings every
public page still renders, every form still saves, and the rate limit fails open, logged."""

import re
import socket
import sqlite3
import subprocess
import time
from urllib.parse import urlencode, urlsplit

import pytest

from tests import production_support
from tests.production_support import fetch, free_port, production_env, start_gunicorn, stop

# Well past REDIS_SOCKET_TIMEOUT (0.5 s), well short of redis-py's own 5-second default: a
# page that waited on Redis without the short timeout, or once per cache call, fails here.
PAGE_TIMEOUT = 8
LIMIT = 5  # ANTISPAM_RATE_LIMITS' default per IP address
demo_site = production_support.demo_site


@pytest.fixture
def stopped_redis():
    """A redis-server of our own, started and then killed: its port refuses connections."""
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    server.kill()
    server.wait()
    return f"redis://127.0.0.1:{port}/8"


@pytest.fixture
def silent_redis():
    """A socket that listens but never accepts or answers: connections hang, as behind a
    dropped route (once its backlog is full, even the connect hangs)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(0)
    yield f"redis://127.0.0.1:{sock.getsockname()[1]}/8"
    sock.close()


def serve(demo_site, redis_url, tmp_path):
    data_dir, port = demo_site
    env = production_env(data_dir, port, REDIS_URL=redis_url, ANTISPAM_MIN_FILL_SECONDS="0")
    log = tmp_path / "gunicorn.log"
    return start_gunicorn(env, port, log), f"http://127.0.0.1:{port}", log


def public_paths(base):
    status, _, body = fetch(base + "/sitemap.xml", timeout=PAGE_TIMEOUT)
    assert status == 200
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", body.decode())]
    return [*paths, "/contact/", "/search/?q=seo", "/feeds/rss/", "/robots.txt", "/nowhere/"]


def post(base, path, fields):
    data = urlencode(fields).encode()
    return fetch(base + path, data=data, headers={"Origin": base}, timeout=PAGE_TIMEOUT)[0]


def check_site_survives(base, data_dir, log, marker):
    paths = public_paths(base)
    assert len(paths) > 10
    article = None
    for path in paths:
        status, _, body = fetch(base + path, timeout=PAGE_TIMEOUT)
        assert status == (404 if path == "/nowhere/" else 200), path
        html = body.decode()
        for image in re.findall(r'src="(/media/[^"]+)"', html)[:2]:
            assert fetch(base + image, timeout=PAGE_TIMEOUT)[0] == 200, image
        if article is None and (match := re.search(r'action="(/comments/post/\d+/)', html)):
            article = match.group(1)
    _, _, contact = fetch(base + "/contact/", timeout=PAGE_TIMEOUT)
    token = re.search(r'name="issued" value="([^"]+)"', contact.decode()).group(1)
    lead = {"consent": "on", "issued": token, "homepage_url": "", "name": "Sam Redis"}
    # Past the per-IP limit: with the counter's store down, the limit is not applied.
    for n in range(LIMIT + 2):
        callback = {**lead, "phone": "+44 20 7946 0958", "call_time": "any", "message": f"{marker}-cb-{n}"}
        assert post(base, "/leads/callback/", callback) == 302
        comment = {"issued": token, "homepage_url": "", "parent": "", "name": "Sam", "website": ""}
        comment |= {"email": f"sam{n}@example.org", "body": f"{marker}-c-{n}", "answer": time.strftime("%Y")}
        assert post(base, article, comment) == 302
    contact_fields = {**lead, "email": "sam@example.org", "service": "seo", "message": f"{marker}-contact"}
    assert post(base, "/contact/", contact_fields) == 302
    with sqlite3.connect(data_dir / "site.sqlite3") as db:
        count = f"SELECT count(*) FROM {{}} WHERE {{}} LIKE '%{marker}-%'"
        assert db.execute(count.format("leads_lead", "message")).fetchone()[0] == LIMIT + 3
        assert db.execute(count.format("comments_comment", "body")).fetchone()[0] == LIMIT + 2
    assert "Redis cache unavailable" in log.read_text()


def test_site_works_with_redis_stopped(demo_site, stopped_redis, tmp_path):
    """Redis stopped: pages render, leads and comments save, the rate limit fails open, logged."""
    server, base, log = serve(demo_site, stopped_redis, tmp_path)
    try:
        check_site_survives(base, demo_site[0], log, "redis-stopped")
    finally:
        stop(server)


def test_site_works_with_redis_that_never_answers(demo_site, silent_redis, tmp_path):
    """Redis silent: each wait ends at the short socket timeout and the site carries on."""
    server, base, log = serve(demo_site, silent_redis, tmp_path)
    try:
        check_site_survives(base, demo_site[0], log, "redis-silent")
    finally:
        stop(server)


def test_fail_open_cache_works_as_a_cache_while_redis_is_up():
    """With Redis answering, the fail-open cache stores, counts and forgets like Django's own."""
    from site_project.cache import FailOpenRedisCache

    cache = FailOpenRedisCache("redis://127.0.0.1:6379/8", {"KEY_PREFIX": f"t{time.monotonic_ns()}"})
    assert cache.add("count", 0, timeout=30)
    assert cache.incr("count") == 1
    cache.set("page", {"html": "<p>hi</p>"}, timeout=30)
    assert cache.get("page") == {"html": "<p>hi</p>"}
    assert cache.get_many(["count", "page", "nothing"]) == {"count": 1, "page": {"html": "<p>hi</p>"}}
    cache.delete_many(["count", "page"])
    assert cache.get("page", "gone") == "gone"

"""PostgreSQL unreachable under gunicorn: pages and posts answer the 503 page at once, a post
is shown back unsaved, and once the database is back the resend stores it exactly once."""

import contextlib
import html
import re
import socket
import threading
import time
import uuid
from urllib.parse import urlencode

import psycopg
import pytest

from tests.production_support import fetch, free_port, prepare_demo_site, production_env, start_gunicorn, stop

SERVER = "postgres://postgres@127.0.0.1:5432"
ANSWER_WITHIN = 5  # seconds; a refused connection fails at once, nothing may wait on it
MARKER = "pg-unreachable: call me about SEO"


class Proxy:
    """A TCP proxy in front of PostgreSQL. cut() closes its listener and every connection, so
    the site's workers lose theirs and new ones are refused; restore() listens again on the port."""

    def __init__(self):
        self.port, self.conns = 0, []
        self.restore()

    def restore(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.port = self.listener.getsockname()[1]
        self.listener.listen(50)
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
                upstream = socket.create_connection(("127.0.0.1", 5432), timeout=2)
            except OSError:
                return  # the listener was cut
            upstream.settimeout(None)
            self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    def pipe(self, a, b):
        with contextlib.suppress(OSError):
            while data := a.recv(65536):
                b.sendall(data)
        for sock in (a, b):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def cut(self):
        for sock in [self.listener, *self.conns]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() too
            sock.close()
        self.conns = []


@pytest.fixture
def scratch_database():
    """A PostgreSQL database of this test's own (unique name: parallel runs never share it)."""
    name = f"pg_unreachable_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(f"{SERVER}/postgres", autocommit=True, connect_timeout=2)
    except psycopg.OperationalError as error:
        pytest.skip(
            f"needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust): {str(error).splitlines()[0]}"
        )
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def timed_fetch(url, data=None, headers=None):
    started = time.monotonic()
    status, headers, body = fetch(url, data, headers, timeout=ANSWER_WITHIN * 2)
    assert time.monotonic() - started < ANSWER_WITHIN, f"{url} took too long"
    return status, headers, body.decode()


def stored_leads(name):
    with psycopg.connect(f"{SERVER}/{name}", connect_timeout=2) as conn:
        return conn.execute("SELECT count(*) FROM leads_lead WHERE message = %s", [MARKER]).fetchone()[0]


def test_unreachable_postgres_answers_503_and_the_resend_is_stored_once(scratch_database, tmp_path):
    """Proxy cut: pages and the callback post answer 503 at once; proxy back: the resend saves one lead."""
    proxy = Proxy()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    database_url = f"postgres://postgres@127.0.0.1:{proxy.port}/{scratch_database}"
    # No fill-time wait: the test posts the form the moment it has read it.
    env = production_env(tmp_path, port, DATABASE_URL=database_url, ANTISPAM_MIN_FILL_SECONDS="0")
    prepare_demo_site(env)
    server = start_gunicorn(env, port, tmp_path / "gunicorn.log", workers=2)
    try:
        status, _, contact = timed_fetch(base + "/contact/")
        assert status == 200
        token = re.search(r'name="issued" value="([^"]+)"', contact).group(1)
        fields = {"name": "Down Test", "phone": "+44 20 7946 0958", "call_time": "any", "consent": "on"}
        fields |= {"message": MARKER, "issued": token, "homepage_url": "", "form": "callback"}

        proxy.cut()
        with pytest.raises(OSError):  # the real part fails: new connections are refused
            socket.create_connection(("127.0.0.1", proxy.port), timeout=1)
        for path in ("/", "/contact/", "/articles/"):
            status, headers, page = timed_fetch(base + path)
            assert status == 503 and "Retry-After" in headers, path
            assert "Briefly unavailable" in page and "Traceback" not in page, path
        status, headers, page = timed_fetch(
            base + "/leads/callback/", urlencode(fields).encode(), {"Origin": base}
        )
        assert status == 503 and "Retry-After" in headers
        assert "nothing you sent was saved" in page and MARKER in page
        assert "Traceback" not in page

        proxy.restore()
        resend_to = re.search(r'<form method="post" action="([^"]+)"', page).group(1)
        hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page)
        resend = urlencode([(name, html.unescape(value)) for name, value in hidden]).encode()
        status, _, _ = timed_fetch(base + resend_to, resend, {"Origin": base})
        assert status == 302
        assert stored_leads(scratch_database) == 1
    finally:
        stop(server)
        proxy.cut()

"""Two gunicorn app servers on one PostgreSQL database, one Redis and one media folder, with
one Varnish in front of both: the parts of the site when it runs on more than one machine.

Each piece is the real one: a scratch database created for the module, a Redis database
number of its own (flushed before and after), production settings, the shipped VCL with a
round-robin director over the two servers, and Wagtail's HTTP purge pointed at Varnish.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

import psycopg
import pytest
import redis

from tests.production_support import (
    free_port,
    manage,
    prepare_demo_site,
    production_env,
    start_gunicorn,
    stop,
)

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "default.vcl"
POSTGRES = "postgresql://postgres@127.0.0.1:5432"
# A Redis database number no other test uses (tests/test_redis_down.py uses 8, page cache 2).
REDIS_URL = "redis://127.0.0.1:6379/13"
EDITOR, EDITOR_PASSWORD = "chief", "scale-out-" + secrets.token_urlsafe(12)


@dataclass
class Cluster:
    a: str  # app server A's base URL
    b: str  # app server B's
    varnish: str  # Varnish in front of both
    database_url: str
    media_root: Path

    def sql(self, query, params=()):
        with psycopg.connect(self.database_url, autocommit=True) as connection:
            return connection.execute(query, params).fetchall()


def missing_services():
    """Why the scale-out tests cannot run here, or None."""
    if not shutil.which("varnishd"):
        return "varnishd is missing: apt-get install varnish"
    try:
        psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3).close()
    except psycopg.OperationalError as error:
        return f"PostgreSQL does not answer at {POSTGRES}: {error}"
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=3).ping()
    except redis.RedisError as error:
        return f"Redis does not answer at {REDIS_URL}: {error}"
    return None


def require_services():
    """Skip without PostgreSQL, Redis or varnishd, unless CI (REQUIRE_SERVICES=1) wants them."""
    reason = missing_services()
    if reason and os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)


def two_backend_vcl(port_a, port_b):
    """The shipped VCL with its one backend replaced by the two app servers, taken in turn.
    (Varnish joins subroutines of the same name, so the director's choice runs first.)"""
    backends = f"""import directors;

backend app_a {{
    .host = "127.0.0.1";
    .port = "{port_a}";
}}

backend app_b {{
    .host = "127.0.0.1";
    .port = "{port_b}";
}}

sub vcl_init {{
    new apps = directors.round_robin();
    apps.add_backend(app_a);
    apps.add_backend(app_b);
}}

sub vcl_recv {{
    set req.backend_hint = apps.backend();
}}"""
    shipped = VCL.read_text()
    vcl, replaced = re.subn(r"backend default \{.*?\n\}", lambda _: backends, shipped, flags=re.S)
    assert replaced == 1, "deploy/varnish/default.vcl no longer has one `backend default`"
    return vcl


def start_varnish(vcl_path, work_dir, port):
    process = subprocess.Popen(
        ["varnishd", "-F", "-j", "none", "-n", str(work_dir), "-f", str(vcl_path)]
        + ["-a", f"127.0.0.1:{port}", "-s", "malloc,32m", "-p", "ban_lurker_sleep=0.01"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"varnishd did not start: {process.stderr.read().decode()}") from None
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("varnishd did not open its port")


def flush_redis():
    redis.Redis.from_url(REDIS_URL).flushdb()


def run_cluster(data_dir):
    """Generator: set everything up, yield the Cluster, tear it all down."""
    name = f"scaleout_{secrets.token_hex(6)}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    flush_redis()
    processes = []
    try:
        port_a, port_b, port_varnish = free_port(), free_port(), free_port()
        varnish = f"http://127.0.0.1:{port_varnish}"
        database_url = f"{POSTGRES}/{name}"
        # The same environment for both servers: the public address is Varnish's.
        env = production_env(
            data_dir,
            port_varnish,
            DATABASE_URL=database_url,
            REDIS_URL=REDIS_URL,
            FRONTEND_CACHE_PURGE_URL=varnish,
            PAGE_CACHE_SECONDS="600",
            # Forms are posted by the test as soon as they are fetched.
            ANTISPAM_MIN_FILL_SECONDS="0",
            # The task worker would otherwise try to mail sales about each lead.
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        )
        prepare_demo_site(env)
        manage(
            {**env, "DJANGO_SUPERUSER_PASSWORD": EDITOR_PASSWORD},
            *["createsuperuser", "--no-input", "--username", EDITOR, "--email", "chief@example.com"],
        )
        vcl = data_dir / "two-backends.vcl"
        vcl.write_text(two_backend_vcl(port_a, port_b))
        processes.append(start_varnish(vcl, data_dir / "varnish", port_varnish))
        for port, label in ((port_a, "a"), (port_b, "b")):
            processes.append(start_gunicorn(env, port, data_dir / f"gunicorn-{label}.log"))
        # Wagtail queues each Varnish purge as a task: production's worker sends them.
        processes.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--no-startup-delay"],
                cwd=settings.BASE_DIR,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=(data_dir / "db_worker.log").open("w"),
            )
        )
        yield Cluster(
            a=f"http://127.0.0.1:{port_a}",
            b=f"http://127.0.0.1:{port_b}",
            varnish=varnish,
            database_url=database_url,
            media_root=data_dir / "media",
        )
    finally:
        for process in reversed(processes):
            stop(process)
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        flush_redis()

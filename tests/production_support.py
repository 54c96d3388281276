"""A demo site served by gunicorn under the production settings, for tests of the whole stack."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

import pytest

BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(data_dir, port, **extra):
    return {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"sqlite:///{data_dir / 'site.sqlite3'}",
        "STATIC_ROOT": str(data_dir / "static"),
        "MEDIA_ROOT": str(data_dir / "media"),
        "PAGE_CACHE_DIR": str(data_dir / "page-cache"),
        **extra,
    }


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env, check=True, capture_output=True
    )


def prepare_demo_site(env):
    """Migrate, collect static files and load the demo content (--force where it exists)."""
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input")
    demo_help = manage(env, "load_demo_content", "--help").stdout.decode()
    manage(env, "load_demo_content", *(["--force"] if "--force" in demo_help else []))


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """(data folder, port) of a demo site prepared once for the gunicorn tests that share it."""
    data_dir = tmp_path_factory.mktemp("demo-site")
    port = free_port()
    prepare_demo_site(production_env(data_dir, port))
    return data_dir, port


def fetch(url, data=None, headers=None, timeout=10):
    """(status, headers, body) without following redirects; error answers are returned too."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, data=data, headers=headers or {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def start_gunicorn(env, port, log_path, workers=1):
    server = subprocess.Popen(
        [BIN / "gunicorn", "site_project.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", str(workers), "--no-control-socket"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log_path.open("w"),
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            fetch(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError(f"gunicorn did not start: {log_path.read_text()[-2000:]}")


def stop(server):
    server.terminate()
    server.wait(timeout=10)

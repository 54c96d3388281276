"""gunicorn serves the site under the production settings, static files included."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings

import pytest

BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # loopback only
        return response.status, dict(response.headers), response.read()


@pytest.fixture
def production_server(tmp_path):
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PAGE_CACHE_DIR": str(tmp_path / "page-cache"),
    }
    for command in (
        ["migrate", "--no-input"],
        ["collectstatic", "--no-input"],
        ["load_demo_content", "--force"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
            capture_output=True,
        )
    server = subprocess.Popen(
        [BIN / "gunicorn", "site_project.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            fetch(base + "/")
            break
        except OSError:
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_gunicorn_serves_pages_and_hashed_static_files(production_server):
    """Pages, hashed compressed static files and demo images all load from gunicorn over plain http."""
    status, headers, body = fetch(production_server + "/")
    html = body.decode()
    assert status == 200 and "Northwind Digital" in html
    assert "Strict-Transport-Security" not in headers
    stylesheet = next(
        part.split('"')[0] for part in html.split('href="')[1:] if part.startswith("/static/css/")
    )
    assert stylesheet.count(".") >= 2  # hashed file name, e.g. site.0123abcd.css
    status, headers, _ = fetch(production_server + stylesheet)
    assert status == 200 and "max-age=315360000" in headers.get("Cache-Control", "")
    image = next(part.split('"')[0] for part in html.split('src="')[1:] if part.startswith("/media/"))
    assert fetch(production_server + image)[0] == 200

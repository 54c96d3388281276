"""Varnish (Debian's varnishd) in front of the app with the shipped VCL: public pages come
from Varnish, private ones pass, and a change published in the admin shows through Varnish
on the next request, purged by Wagtail's frontend cache (HTTP backend)."""

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
from pytest_django.live_server_helper import LiveServer

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "default.vcl"
# This project's test servers; each pytest-xdist worker starts in its own part of the range.
PORTS = range(8200, 8240)

pytestmark = [
    pytest.mark.skipif(not shutil.which("varnishd"), reason="varnishd is missing: apt-get install varnish"),
    # The app server's thread must see committed data; the data migrations' rows come back after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def free_port():
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    start = (worker * 4) % len(PORTS)
    for port in [*PORTS[start:], *PORTS[:start]]:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"no free port in {PORTS}")


@pytest.fixture
def app_server():
    server = LiveServer(f"127.0.0.1:{free_port()}")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture
def varnish(app_server, tmp_path, settings):
    """varnishd on a free port with the shipped VCL, its backend the app server; the app
    purges it through Wagtail's HTTP backend."""
    vcl = tmp_path / "default.vcl"
    vcl.write_text(re.sub(r'\.port = "\d+";', f'.port = "{app_server.thread.port}";', VCL.read_text()))
    port = free_port()
    process = subprocess.Popen(
        ["varnishd", "-F", "-j", "none", "-n", str(tmp_path / "varnish"), "-f", str(vcl)]
        + ["-a", f"127.0.0.1:{port}", "-s", "malloc,32m", "-p", "ban_lurker_sleep=0.01"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"varnishd did not start: {process.stderr.read().decode()}")
            time.sleep(0.1)
    settings.PAGE_CACHE_SECONDS = 600
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": base}
    }
    yield base
    process.terminate()
    process.wait(timeout=10)


def get(url, **headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as response:
        return response.headers, response.read().decode()


def through_varnish_twice(url):
    get(url)
    headers, body = get(url)
    assert headers["X-Cache"] == "hit", url
    return body


def publish_in_the_admin(article, title):
    editor = User.objects.create_superuser("chief", "chief@example.com", "pw")
    admin = Client()
    admin.force_login(editor)
    data = nested_form_data(
        {
            "title": title,
            "slug": article.slug,
            "intro": article.intro,
            "body": streamfield(
                [
                    (
                        "paragraph",
                        '{"blocks":[{"key":"a","type":"unstyled","text":"Body",'
                        '"depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
                    )
                ]
            ),
            "article_authors": inline_formset([{"author": a.pk} for a in article.authors]),
            "category": article.category_id or "",
            "comments_open": "on",
            "action-publish": "action-publish",
        }
    )
    response = admin.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_change_published_in_the_admin_shows_through_varnish_at_once(varnish, make_article, organization):
    """An edit published in the admin shows through Varnish at once: article, index, feed, home."""
    article = make_article(title="Ten ways to rank")
    index_url = varnish + article.get_parent().url
    article_url = varnish + article.url
    assert "Ten ways to rank" in through_varnish_twice(article_url)
    assert "Ten ways to rank" in through_varnish_twice(index_url)
    assert "Ten ways to rank" in through_varnish_twice(varnish + "/feeds/rss/")
    publish_in_the_admin(article, "Eleven ways to rank")
    for url in (article_url, index_url, varnish + "/feeds/rss/", varnish + "/"):
        headers, body = get(url)
        assert "Eleven ways to rank" in body and headers["X-Cache"] == "miss", url


def test_private_pages_pass_through_varnish(varnish, make_article, organization):
    """A visitor's ?comment= link, the contact page and staff pages are never kept by Varnish."""
    article = make_article()
    mine = f"{varnish}{article.url}?comment=anything"
    for _ in range(2):
        headers, _body = get(mine)
        assert headers["X-Cache"] == "miss"
    for _ in range(2):
        assert get(varnish + "/contact/")[0]["X-Cache"] == "miss"
    # A logged-in user's page is never stored for visitors.
    get(varnish + article.url, Cookie="sessionid=whatever")
    assert get(varnish + article.url)[0]["X-Cache"] == "miss"


def test_a_purge_from_loopback_drops_the_page(varnish, make_article, organization):
    """A PURGE from the app server's address drops the page from Varnish."""
    article = make_article()
    through_varnish_twice(varnish + article.url)
    purge = urllib.request.Request(varnish + article.url, method="PURGE")
    with urllib.request.urlopen(purge, timeout=10) as response:
        assert response.status == 200
    assert get(varnish + article.url)[0]["X-Cache"] == "miss"

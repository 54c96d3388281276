"""Beyond one machine: two app servers on one PostgreSQL and one Redis, Varnish in front.

A change published through server A shows through server B and through Varnish on the
next request; a sign-in on A holds on B; a visitor's rate limit is counted over both; an
upload made on A is served by B (shared media folder; S3 in tests/test_media_storage.py).
"""

import io
import re
import secrets
import time

import pytest
import requests
from PIL import Image as PILImage

from tests import app_servers
from tests.app_servers import EDITOR, EDITOR_PASSWORD

# Longest wait for the task worker to send Wagtail's purge to Varnish.
PURGE_WAIT = 10
LEAD_LIMIT = 5  # ANTISPAM_RATE_LIMITS["leads"]: submissions per address in 10 minutes

# One cluster for the whole module, so pytest-xdist must keep its tests on one worker.
pytestmark = pytest.mark.xdist_group("scale_out")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    app_servers.require_services()
    yield from app_servers.run_cluster(tmp_path_factory.mktemp("scale-out"))


def csrf_token(session, url):
    response = session.get(url, timeout=10)
    assert response.status_code == 200, url
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def sign_in(base):
    """A requests session signed in to the Wagtail admin through its real login form."""
    session = requests.Session()
    token = csrf_token(session, f"{base}/admin/login/")
    response = session.post(
        f"{base}/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": EDITOR, "password": EDITOR_PASSWORD},
        headers={"Referer": f"{base}/admin/login/"},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:2000]
    return session


def admin_post(session, base, path, data=None, files=None):
    data = {"csrfmiddlewaretoken": csrf_token(session, base + path), **(data or {})}
    return session.post(base + path, data=data, files=files, allow_redirects=False, timeout=30)


def get(url):
    return requests.get(url, allow_redirects=False, timeout=10)


def latest_article(cluster):
    """(id, public path, title) of the newest live article of the demo site."""
    ((page_id, path, title),) = cluster.sql(
        "SELECT p.id, substr(p.url_path, length(root.url_path)), p.title"
        " FROM wagtailcore_page p JOIN articles_articlepage a ON a.page_ptr_id = p.id,"
        " wagtailcore_site s JOIN wagtailcore_page root ON root.id = s.root_page_id"
        " WHERE s.is_default_site AND p.live ORDER BY p.first_published_at DESC LIMIT 1"
    )
    return page_id, path, title


def cached_copy(url, header):
    """Fetch `url` until its cache (named by `header`) answers it: the body. A purge still
    queued from the last change may drop the first copy, so this retries up to PURGE_WAIT."""
    deadline = time.monotonic() + PURGE_WAIT
    while True:
        response = get(url)
        assert response.status_code == 200, url
        if response.headers.get(header) == "hit":
            return response.text
        assert time.monotonic() < deadline, (url, response.headers)
        time.sleep(0.2)


def through_varnish_once_purged(url):
    """Varnish's answer once the task worker has sent Wagtail's queued purge (it polls the
    queue every second); the first answer that is no longer the cached copy."""
    deadline = time.monotonic() + PURGE_WAIT
    while True:
        response = get(url)
        if response.headers.get("X-Cache") == "miss" or time.monotonic() > deadline:
            return response
        time.sleep(0.2)


def publish_new_title(page, base, page_id, title):
    """The editor signs in on `base` in Chromium and publishes a new title for the page."""
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", EDITOR)
    page.fill("input[name=password]", EDITOR_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/pages/{page_id}/edit/")
    page.fill("#id_title", title)
    # "Publish" waits in the footer's action menu, behind its toggle.
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))


@pytest.mark.browser
def test_a_change_published_on_one_server_shows_on_the_other_and_through_varnish(cluster, page):
    """B and Varnish both hold the old article; the editor publishes a new title on A; the
    next request through B and through Varnish shows it. Unpublished on A: 404 on both."""
    page_id, path, old_title = latest_article(cluster)
    for url, header in ((cluster.b + path, "X-Page-Cache"), (cluster.varnish + path, "X-Cache")):
        assert old_title in cached_copy(url, header)
    new_title = f"Scale-out check {secrets.token_hex(3)}"
    publish_new_title(page, cluster.a, page_id, new_title)

    on_b = get(cluster.b + path)  # the very next request: the page cache's generation moved
    through_varnish = through_varnish_once_purged(cluster.varnish + path)
    assert on_b.status_code == 200 and new_title in on_b.text
    assert on_b.headers["X-Page-Cache"] == "miss"
    assert through_varnish.status_code == 200 and new_title in through_varnish.text
    # The article index, also cached through Varnish before the next change, follows too.
    index = path.rstrip("/").rsplit("/", 1)[0] + "/"
    assert new_title in cached_copy(cluster.varnish + index, "X-Cache")

    editor = sign_in(cluster.a)
    assert admin_post(editor, cluster.a, f"/admin/pages/{page_id}/unpublish/").status_code == 302
    assert get(cluster.b + path).status_code == 404
    assert through_varnish_once_purged(cluster.varnish + path).status_code == 404
    assert new_title not in through_varnish_once_purged(cluster.varnish + index).text


def test_a_sign_in_on_one_server_holds_on_the_other(cluster):
    """The session made on A works on B (sessions live in the shared database); signing out
    on B ends it on A too."""
    editor = sign_in(cluster.a)
    dashboard = editor.get(f"{cluster.b}/admin/", allow_redirects=False, timeout=10)
    assert dashboard.status_code == 200 and "wagtailadmin" in dashboard.text
    assert get(f"{cluster.b}/admin/").status_code == 302  # and not without the session
    # The sidebar's sign-out form is drawn by script: post what it would, the cookie's token.
    token = {"csrfmiddlewaretoken": editor.cookies["csrftoken"]}
    signed_out = editor.post(f"{cluster.b}/admin/logout/", data=token, allow_redirects=False, timeout=10)
    assert signed_out.status_code == 302
    assert editor.get(f"{cluster.a}/admin/", allow_redirects=False, timeout=10).status_code == 302


def test_a_visitors_rate_limit_is_counted_over_both_servers(cluster):
    """Callback requests from one address, alternately to A and B: the sixth is refused
    (429) though neither server has seen more than three; none past the limit is saved."""
    contact = get(cluster.a + "/contact/")
    token = re.search(r'name="issued" value="([^"]+)"', contact.text).group(1)
    marker = f"rate-{secrets.token_hex(3)}"
    statuses = []
    for n in range(LEAD_LIMIT + 2):
        base = (cluster.a, cluster.b)[n % 2]
        fields = {"consent": "on", "issued": token, "homepage_url": "", "name": "Sam Twice"}
        fields |= {"phone": "+44 20 7946 0958", "call_time": "any", "message": f"{marker}-{n}"}
        response = requests.post(
            base + "/leads/callback/",
            data=fields,
            headers={"Origin": base},
            allow_redirects=False,
            timeout=10,
        )
        statuses.append(response.status_code)
    assert statuses == [302] * LEAD_LIMIT + [429, 429]
    saved = cluster.sql("SELECT count(*) FROM leads_lead WHERE message LIKE %s", (f"{marker}-%",))
    assert saved == [(LEAD_LIMIT,)]


def png(colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (900, 600), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_upload_on_one_server_is_served_by_the_other(cluster):
    """An image and a document uploaded on A: B serves the original, B makes a rendition
    that A then serves, and B streams the document (one media folder for both)."""
    editor = sign_in(cluster.a)
    picture = png("#2e7d32")
    title = f"Shared upload {secrets.token_hex(3)}"
    response = admin_post(
        editor,
        cluster.a,
        "/admin/images/add/",
        data={"title": title, "description": "A green card", "collection": root_collection(cluster)},
        files={"file": ("shared-upload.png", picture, "image/png")},
    )
    assert response.status_code == 302, response.text[:2000]
    ((image_id, original),) = cluster.sql(
        "SELECT id, file FROM wagtailimages_image WHERE title = %s", (title,)
    )
    served = get(f"{cluster.b}/media/{original}")
    assert served.status_code == 200 and served.content == picture

    # The image's edit page on B renders (and so writes) its preview rendition.
    edit_page = editor.get(f"{cluster.b}/admin/images/{image_id}/", timeout=30)
    assert edit_page.status_code == 200
    rendition = re.search(r'src="(/media/images/shared-upload[^"]+)"', edit_page.text).group(1)
    from_a = get(cluster.a + rendition)
    assert from_a.status_code == 200 and from_a.headers["Content-Type"].startswith("image/")

    document = b"Rate card, shared by every app server.\n"
    response = admin_post(
        editor,
        cluster.a,
        "/admin/documents/add/",
        data={"title": "Rate card", "collection": root_collection(cluster)},
        files={"file": ("rate-card.txt", document, "text/plain")},
    )
    assert response.status_code == 302, response.text[:2000]
    ((document_id,),) = cluster.sql("SELECT id FROM wagtaildocs_document WHERE title = 'Rate card'")
    streamed = get(f"{cluster.b}/documents/{document_id}/rate-card.txt")
    assert streamed.status_code == 200 and streamed.content == document


def root_collection(cluster):
    return cluster.sql("SELECT id FROM wagtailcore_collection WHERE depth = 1")[0][0]

"""The database briefly unavailable: a 503 page in the site's design that says nothing was
saved, shows back what the visitor typed and sends it again; never half a lead or comment."""

import html
import re
import sqlite3
import time
from urllib.parse import urlencode

from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import reverse

import pytest

from articles.views import server_error
from comments import moderation
from comments.models import Comment
from leads.models import Lead, LeadLogEntry
from tests import production_support
from tests.comment_builders import form_data, post_url
from tests.leads_support import callback_data
from tests.production_support import fetch, production_env, start_gunicorn, stop

demo_site = production_support.demo_site


def hidden_inputs(page):
    return re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page)


def test_503_page_renders_without_database():
    """The page names no error, asks to send again and holds what was typed; no query is made."""
    request = RequestFactory().post(
        "/leads/callback/",
        {
            "name": "Priya",
            "message": "Call me <b>after 4</b>\nplease",
            "issued": "token:1",
            "homepage_url": "",
        },
    )
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "nothing you sent was saved" in page
    assert "Call me &lt;b&gt;after 4&lt;/b&gt;<br>please" in page
    assert 'action="/leads/callback/"' in page and ("issued", "token:1") in hidden_inputs(page)
    assert "<dt>Issued</dt>" not in page  # hidden inputs are sent back, not listed
    assert "server closed" not in page and "Traceback" not in page
    assert "/static/css/site.css" in page


def test_other_errors_still_answer_500():
    """Only a database failure is a 503; a bug is still the 500 page."""
    try:
        raise KeyError("bug")
    except KeyError:
        assert server_error(RequestFactory().get("/")).status_code == 500


# --- A write that fails half-way, on the real database ---------------------------------------

FAIL_SQL = {
    "sqlite": [
        "CREATE TRIGGER fail_{name} BEFORE {event} ON {table} "
        "BEGIN INSERT INTO database_gone_away VALUES (1); END"
    ],
    "postgresql": [
        "CREATE FUNCTION fail_{name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION "
        "'database going away' USING ERRCODE = 'admin_shutdown'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER fail_{name} BEFORE {event} ON {table} FOR EACH ROW EXECUTE FUNCTION fail_{name}()",
    ],
}
DROP_SQL = {
    "sqlite": ["DROP TRIGGER fail_{name}"],
    "postgresql": ["DROP TRIGGER fail_{name} ON {table}", "DROP FUNCTION fail_{name}()"],
}


@pytest.fixture
def database_fails_on():
    """database_fails_on(name, event, table): that statement fails with an operational error
    from the database itself, as when the server goes away in the middle of a transaction."""
    made = []

    def fail(name, event, table):
        with connection.cursor() as cursor:
            for sql in FAIL_SQL[connection.vendor]:
                cursor.execute(sql.format(name=name, event=event, table=table))
        made.append((name, table))

    yield fail
    with connection.cursor() as cursor:
        for name, table in made:
            for sql in DROP_SQL[connection.vendor]:
                cursor.execute(sql.format(name=name, table=table))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_lead_without_its_history_when_the_database_fails(make_article, database_fails_on):
    """The lead's first history line fails: no lead is left, and the visitor is asked to send again."""
    make_article()
    database_fails_on("lead_log", "INSERT", LeadLogEntry._meta.db_table)
    response = Client(raise_request_exception=False).post(
        reverse("leads:callback"), callback_data(message="Please ring on Tuesday")
    )
    assert response.status_code == 503
    assert "Please ring on Tuesday" in response.content.decode()
    assert Lead.objects.count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_comment_without_its_approval_when_the_database_fails(make_article, database_fails_on):
    """A returning commenter's comment fails as it is approved: no comment is left half-made."""
    article = make_article()
    browser = Client(raise_request_exception=False)
    browser.post(post_url(article), form_data(body="My first comment"))
    moderation.approve(Comment.objects.get())  # trust earned from this browser
    database_fails_on("approval", "UPDATE OF approved_at", Comment._meta.db_table)
    response = browser.post(post_url(article), form_data(body="Second thoughts on this"))
    assert response.status_code == 503
    assert "Second thoughts on this" in response.content.decode()
    assert Comment.objects.count() == 1


# --- SQLite locked past the busy timeout, under gunicorn -------------------------------------


def test_locked_sqlite_answers_503_and_the_same_submission_can_be_sent_again(demo_site, tmp_path):
    """While another connection holds the write lock, a post gets the 503 page; "send again" then saves it once."""
    data_dir, port = demo_site
    base = f"http://127.0.0.1:{port}"
    env = production_env(data_dir, port, SQLITE_BUSY_TIMEOUT="1", ANTISPAM_MIN_FILL_SECONDS="0")
    server = start_gunicorn(env, port, tmp_path / "gunicorn.log")
    lock = sqlite3.connect(data_dir / "site.sqlite3", isolation_level=None, timeout=10)
    try:
        token = re.search(r'name="issued" value="([^"]+)"', fetch(base + "/contact/")[2].decode()).group(1)
        fields = {"name": "Lock Test", "phone": "+44 20 7946 0958", "call_time": "any", "consent": "on"}
        fields |= {"message": "lock-test: call me about SEO", "issued": token, "homepage_url": ""}
        assert fetch(base + "/")[0] == 200  # its first view writes the image renditions
        lock.execute("BEGIN EXCLUSIVE")
        assert fetch(base + "/")[0] == 200  # reading goes on while the write lock is held
        started = time.monotonic()
        status, headers, body = fetch(
            base + "/leads/callback/", urlencode(fields).encode(), headers={"Origin": base}
        )
        page = body.decode()
        assert status == 503 and headers["Retry-After"] == "30"
        assert time.monotonic() - started < 10  # the busy timeout ended the wait
        assert "nothing you sent was saved" in page and "lock-test: call me about SEO" in page
        assert "Traceback" not in page and "locked" not in page
        assert (
            lock.execute("SELECT count(*) FROM leads_lead WHERE message LIKE 'lock-test%'").fetchone()[0] == 0
        )
        lock.execute("ROLLBACK")
        resend_to = re.search(r'<form method="post" action="([^"]+)"', page).group(1)
        resend = [(name, html.unescape(value)) for name, value in hidden_inputs(page)]
        status, _, _ = fetch(base + resend_to, urlencode(resend).encode(), headers={"Origin": base})
        assert status == 302
        assert (
            lock.execute("SELECT count(*) FROM leads_lead WHERE message LIKE 'lock-test%'").fetchone()[0] == 1
        )
    finally:
        lock.close()
        stop(server)

"""Real Chromium with the Content-Security-Policy on: public pages and the page editor run
without a single violation of the enforced policy."""

from django.contrib.auth.models import User
from django.test import Client

import pytest

from comments.models import Comment
from tests.comment_builders import make_comment
from tests.conftest import mute_editing_session_release, paragraph

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Registered before any page script runs (DevTools injects it, so the policy does not apply).
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.disposition} ${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


@pytest.fixture
def article(organization, make_article, image):
    article = make_article(
        title="Policy-proof article",
        hero_image=image,
        body=[
            paragraph("<p>Search and social, side by side.</p>"),
            {
                "type": "call_to_action",
                "value": {"title": "Want more reach?", "text": "Ask us.", "button_label": "Talk to us"},
            },
        ],
    )
    parent = make_comment(article, body="<p>Great read.</p>")
    make_comment(article, body="<p>Agreed.</p>", parent=parent, status=Comment.Status.APPROVED)
    return article


def visit(browser, live_server, url, session_cookie=None):
    context = mute_editing_session_release(browser.new_context())
    if session_cookie:
        context.add_cookies([{"name": "sessionid", "value": session_cookie, "url": live_server.url}])
    page = context.new_page()
    page.add_init_script(WATCH_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))
    response = page.goto(live_server.url + url, wait_until="load")
    # Deferred scripts and widget set-up; the editor's own requests (editing session, preview)
    # must be answered before the context closes and the test database is flushed.
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__cspViolations")
    context.close()
    return response, violations, [text for text in console if "Content Security Policy" in text]


@pytest.mark.parametrize("name", ["home", "article", "contact", "search"])
def test_public_pages_break_no_rule_of_the_policy(browser, live_server, article, name):
    """Home, an article with comments and the callback form, contact and search: no CSP violation at all."""
    url = {"home": "/", "article": article.url, "contact": "/contact/", "search": "/search/?q=social"}[name]
    response, violations, console = visit(browser, live_server, url)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe" not in policy.split("script-src")[1].split(";")[0]
    assert violations == [] and console == []


def test_a_staff_member_sees_the_article_and_userbar_within_the_policy(browser, live_server, article):
    """Logged in, the article page (with Wagtail's userbar) breaks no rule of the public policy either."""
    client = Client()
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
    response, violations, console = visit(
        browser, live_server, article.url, client.cookies["sessionid"].value
    )
    assert response.headers["cache-control"] == "private, no-store"
    assert violations == [] and console == []


def test_the_page_editor_works_under_the_enforced_admin_policy(browser, live_server, article):
    """The admin's edit view of an article reports no violation of the enforced policy (report-only ones are allowed)."""
    user = User.objects.create_superuser("root", "root@example.com", "pw")
    client = Client()
    client.force_login(user)
    response, violations, console = visit(
        browser, live_server, f"/admin/pages/{article.pk}/edit/", client.cookies["sessionid"].value
    )
    assert response.status == 200
    assert "content-security-policy" in response.headers
    assert [v for v in violations if v.startswith("enforce")] == []
    assert [text for text in console if "report-only" not in text] == []

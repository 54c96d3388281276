"""Security headers: the Content-Security-Policy, the Permissions-Policy and private caching for staff."""

from django.contrib.auth.models import User

import pytest

REQUIRED = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def public_urls(make_article):
    article = make_article(title="Headers article")
    return ["/", article.url, "/contact/", "/contact/thanks/", "/search/?q=rank", "/no-such-page/"]


@pytest.mark.django_db
def test_every_public_page_has_a_strict_policy(client, public_urls):
    """Each public page forbids inline and eval'd script, framing, plugins, base and foreign form targets."""
    for url in public_urls:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert directives(policy)["script-src"] == ["'self'"], url
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, url
        for directive in REQUIRED:
            assert directive in policy, (url, directive)
        assert (
            "camera=()" in response["Permissions-Policy"]
            and "geolocation=()" in response["Permissions-Policy"]
        )


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy_and_a_report_only_strict_one(admin_client):
    """The admin may run Wagtail's inline scripts but still cannot be framed by other sites; the strict policy reports."""
    response = admin_client.get("/admin/")
    enforced = directives(response["Content-Security-Policy"])
    report_only = directives(response["Content-Security-Policy-Report-Only"])
    assert enforced["frame-ancestors"] == ["'self'"] and enforced["object-src"] == ["'none'"]
    assert report_only["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_logged_in_pages_are_private_and_never_stored(client, public_urls):
    """A staff member's pages, public or admin, carry Cache-Control: private, no-store; a visitor's do not."""
    assert "private" not in client.get(public_urls[1]).get("Cache-Control", "")
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
    for url in [*public_urls[:3], "/admin/", "/admin/pages/"]:
        assert client.get(url)["Cache-Control"] == "private, no-store", url

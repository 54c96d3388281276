"""The 500 page: it must render when the database is what failed, so these tests get no database."""

from django.test import RequestFactory
from django.urls import get_resolver

import pytest

from articles.views import server_error


def test_500_page_renders_without_database():
    """The error page renders in the site's design; pytest-django blocks any database query here."""
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Something went wrong</h1>" in html
    assert "Northwind Digital" in html
    assert "/static/css/site.css" in html
    assert '<main id="main"' in html


def test_500_handler_is_the_database_free_view():
    """Unhandled errors on any URL are answered by that view."""
    assert get_resolver().resolve_error_handler(500) is server_error


def test_database_really_is_blocked_here():
    """Guards the first test: a query in this module fails, so the 500 page made none."""
    from wagtail.models import Site

    with pytest.raises(RuntimeError, match="Database access not allowed"):
        Site.objects.count()

"""Anonymous form posts from another site are refused, with what was typed kept."""

import re

from django.test import Client

import pytest

from comments.models import Comment
from leads.models import Lead
from tests.comment_builders import form_data, post_url

from .leads_support import callback_data, contact_data

FOREIGN = [
    {"HTTP_ORIGIN": "https://evil.example"},
    {"HTTP_ORIGIN": "null"},
    {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
    {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "https://blog.testserver"},
    # A spoofable Origin does not outweigh the browser's own Sec-Fetch-Site.
    {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
]
SAME_SITE = [
    {"HTTP_ORIGIN": "http://testserver"},
    {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
    {},  # an old browser or a script: neither header
]


@pytest.fixture
def article(make_article):
    return make_article(title="Origin article")


def forms(article):
    return [
        (post_url(article), form_data(body="My typed comment"), "My typed comment", Comment),
        ("/leads/callback/", callback_data(message="Call me about SEO"), "Call me about SEO", Lead),
        ("/contact/", contact_data(message="A typed enquiry"), "A typed enquiry", Lead),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("headers", FOREIGN)
def test_cross_site_posts_are_refused_with_the_text_kept(article, headers):
    """A post the browser says came from another site is not stored; the 403 page shows what was typed and can send it."""
    for url, data, typed, model in forms(article):
        client = Client()
        response = client.post(url, data, **headers)
        assert response.status_code == 403, url
        html = response.content.decode()
        assert typed in html and "another website" in html
        assert "no-store" in response["Cache-Control"]
        assert not model.objects.exists()
        # Sent again from the refusal page (our own origin), it goes through.
        resent = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
        assert resent["issued"] == data["issued"]
        again = client.post(url, resent, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
        assert again.status_code == 302, url
        model.objects.all().delete()


@pytest.mark.django_db
@pytest.mark.parametrize("headers", SAME_SITE)
def test_same_site_posts_without_a_token_keep_working(article, headers):
    """A form on a cached page, sent without JavaScript or a CSRF token, is accepted from this site."""
    for url, data, _typed, _model in forms(article):
        response = Client(enforce_csrf_checks=True).post(url, data, **headers)
        assert response.status_code == 302, url

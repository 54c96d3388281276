"""An X-Forwarded-For value that is not an IP address never costs a lead or a comment."""

from django.test import RequestFactory
from django.urls import reverse

import pytest

from antispam.defences import client_ip
from comments.models import Comment
from leads.models import Lead
from tests.comment_builders import form_data, post_url

from .leads_support import callback_data, contact_data

NOT_ADDRESSES = ["1.2.3.4:5678", "unknown", "<script>alert(1)</script>", "fe80::1%eth0", "999.1.1.1"]


@pytest.fixture(autouse=True)
def one_trusted_proxy(settings):
    settings.ANTISPAM_PROXY_COUNT = 1


@pytest.mark.parametrize("value", NOT_ADDRESSES)
def test_a_forwarded_value_that_is_not_an_address_is_no_address(value):
    """client_ip gives "" for anything that is not an IP address."""
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=f"{value}")
    assert client_ip(request) == ""


def test_forwarded_addresses_are_still_read():
    """Real IPv4 and IPv6 addresses from the proxy are kept, in normal form."""
    factory = RequestFactory()
    assert client_ip(factory.get("/", HTTP_X_FORWARDED_FOR="10.0.0.9, 203.0.113.7")) == "203.0.113.7"
    assert client_ip(factory.get("/", HTTP_X_FORWARDED_FOR="2001:DB8::0:1")) == "2001:db8::1"


@pytest.mark.django_db
@pytest.mark.parametrize("value", NOT_ADDRESSES)
@pytest.mark.parametrize("form", ["callback", "contact"])
def test_lead_with_a_bad_forwarded_address_is_saved_without_one(client, value, form):
    """The lead is stored (no address recorded) and the visitor gets the thank-you page."""
    url, data = {
        "callback": (reverse("leads:callback"), callback_data()),
        "contact": (reverse("leads:contact"), contact_data()),
    }[form]
    response = client.post(url, data, HTTP_X_FORWARDED_FOR=value)
    assert response.status_code == 302
    assert Lead.objects.get().ip is None


@pytest.mark.django_db
@pytest.mark.parametrize("value", NOT_ADDRESSES)
def test_comment_with_a_bad_forwarded_address_is_saved_without_one(client, make_article, value):
    """The comment is stored (no address recorded) and the writer lands back on the article."""
    article = make_article()
    response = client.post(post_url(article), form_data(), HTTP_X_FORWARDED_FOR=value)
    assert response.status_code == 302
    assert Comment.objects.get().ip_address is None


@pytest.mark.django_db
def test_a_good_forwarded_address_is_stored(client):
    """A real address from the trusted proxy is what the lead records."""
    client.post(reverse("leads:callback"), callback_data(), HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert Lead.objects.get().ip == "203.0.113.7"

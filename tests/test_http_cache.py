"""HTTP caching for a CDN: public pages are shared for CDN_CACHE_SECONDS and revalidate
with their ETag (304); anything one person sees stays private."""

import time

from django.test import Client

import pytest
import time_machine


@pytest.fixture
def article(make_article, organization):
    return make_article()


@pytest.mark.parametrize("page_cache_seconds", [600, 0])
def test_public_pages_are_shared_briefly_and_answer_revalidation_with_304(
    client, article, settings, page_cache_seconds
):
    """Public pages are shared for CDN_CACHE_SECONDS and revalidate to 304, cache on or off."""
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    settings.CDN_CACHE_SECONDS = 45
    first = client.get(article.url)
    cache_control = {part.strip() for part in first["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=0", "s-maxage=45"}
    assert first["ETag"] and first["Last-Modified"]
    # The form tokens differ on every response, the ETag does not.
    with time_machine.travel(time.time() + 5):
        second = client.get(article.url)
    assert second["ETag"] == first["ETag"] and second.content != first.content
    revalidated = client.get(article.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304 and not revalidated.content


def test_last_modified_answers_if_modified_since_from_the_page_cache(client, article, settings):
    """A cached page answers If-Modified-Since with 304."""
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(article.url)
    assert client.get(article.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_gzipped_pages_keep_a_stable_weak_etag(client, article):
    """A gzipped page keeps a weak ETag that still revalidates to 304."""
    first = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip" and first["ETag"].startswith("W/")
    again = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_changed_pages_get_a_new_etag(client, article, django_capture_on_commit_callbacks, settings):
    """A published change gives the page a new ETag, so revalidation fetches it."""
    settings.PAGE_CACHE_SECONDS = 600
    etag = client.get(article.url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "A new title"
        article.save_revision().publish()
    changed = client.get(article.url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_private_pages_are_not_shared(admin_client, article):
    """Staff pages and the contact page are never shared; search results are."""
    assert admin_client.get(article.url)["Cache-Control"] == "private, no-store"
    contact = Client().get("/contact/")
    assert "public" not in contact["Cache-Control"] and "no-store" in contact["Cache-Control"]
    search = Client().get("/search/?q=rank")
    assert "s-maxage" in search["Cache-Control"]  # the same for every visitor

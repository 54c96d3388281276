"""The page cache: anonymous public pages come from the cache, every change readers would
see shows on the next request, and the visitor forms keep working on cached pages."""

import re
import time

from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.http import HttpResponse
from django.test import Client

from wagtail.models import Page

import pytest
import time_machine

from antispam.defences import TOKEN_PLACEHOLDER
from articles.images import draw_image
from articles.models import ArticleIndexPage
from comments import moderation
from comments.models import Comment, CommentSettings
from page_cache.middleware import PageCacheMiddleware
from tests.comment_builders import form_data, make_comment, post_url

TOKEN = re.compile(r'name="issued" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def article(make_article, organization):
    return make_article(title="Ten ways to rank", tags=["local-seo"])


def cached(client, url):
    """GET `url` until it comes from the cache; the body as text."""
    first = client.get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss", url
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit", url
    return second.content.decode()


def fresh(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss", url
    return response.content.decode()


def test_a_second_visitor_gets_the_cached_page_with_its_headers(client, article):
    """A second visitor gets the page from the cache, with its security headers."""
    cached(client, article.url)
    other = Client().get(article.url)
    assert other["X-Page-Cache"] == "hit"
    assert "script-src 'self'" in other["Content-Security-Policy"]
    assert other["Permissions-Policy"] and other["X-Frame-Options"] == "DENY"
    assert "Ten ways to rank" in other.content.decode()


def test_page_cache_seconds_zero_turns_it_off(client, article, settings):
    """PAGE_CACHE_SECONDS=0 renders every request."""
    settings.PAGE_CACHE_SECONDS = 0
    client.get(article.url)
    assert "X-Page-Cache" not in client.get(article.url)


def publish_change(page, **fields):
    revision_page = page.specific
    for name, value in fields.items():
        setattr(revision_page, name, value)
    revision_page.save_revision().publish()


def test_publishing_shows_on_the_next_request(
    client, article, index_page, home, django_capture_on_commit_callbacks
):
    """A published edit shows at once on the article, the index and the home page."""
    for url in (article.url, index_page.url, home.url):
        cached(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        publish_change(article, title="Eleven ways to rank")
    for url in (article.url, index_page.url, home.url):
        assert "Eleven ways to rank" in fresh(client, url), url


def test_unpublishing_shows_on_the_next_request(
    client, article, index_page, django_capture_on_commit_callbacks
):
    """An unpublished article is gone at once, from its address and the index."""
    cached(client, index_page.url)
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert client.get(article.url).status_code == 404
    assert "Ten ways to rank" not in fresh(client, index_page.url)


def test_moving_shows_on_the_next_request(
    client, article, home, index_page, django_capture_on_commit_callbacks
):
    """A moved article leaves its old index and address at once and shows at the new one."""
    other_index = home.add_child(instance=ArticleIndexPage(title="Guides", slug="guides"))
    old_url = article.url
    cached(client, old_url)
    cached(client, index_page.url)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=article.pk).move(other_index, pos="last-child")
    assert client.get(old_url).status_code != 200  # gone, or Wagtail's redirect to the new place
    assert "Ten ways to rank" not in fresh(client, index_page.url)
    assert "Ten ways to rank" in fresh(client, Page.objects.get(pk=article.pk).url)


def test_deleting_shows_on_the_next_request(client, article, index_page, django_capture_on_commit_callbacks):
    """A deleted article is gone at once, from its address and the index."""
    url = article.url
    cached(client, url)
    cached(client, index_page.url)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=article.pk).delete()
    assert client.get(url).status_code == 404
    assert "Ten ways to rank" not in fresh(client, index_page.url)


def test_approving_and_removing_a_comment_show_on_the_next_request(
    client, article, django_capture_on_commit_callbacks
):
    """An approved comment shows at once; a removed one goes at once."""
    with django_capture_on_commit_callbacks(execute=True):
        comment = make_comment(article, body="<p>Held for a moderator.</p>", status=Comment.Status.PENDING)
    assert "Held for a moderator." not in cached(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(comment)
    assert "Held for a moderator." in fresh(client, article.url)
    client.get(article.url)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.remove(comment)
    assert "Held for a moderator." not in fresh(client, article.url)


def test_a_new_pending_comment_keeps_the_cached_page(client, article, django_capture_on_commit_callbacks):
    """A comment awaiting moderation changes nothing public, so the page stays cached."""
    cached(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(article, status=Comment.Status.PENDING)
    assert client.get(article.url)["X-Page-Cache"] == "hit"


def test_organization_settings_show_on_the_next_request(
    client, article, organization, django_capture_on_commit_callbacks
):
    """An Organization settings change shows at once."""
    cached(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        organization.tagline = "Now with a brand new tagline"
        organization.save()
    assert "Now with a brand new tagline" in fresh(client, article.url)


def test_comment_settings_show_on_the_next_request(client, article, home, django_capture_on_commit_callbacks):
    """A comment settings change (closing old articles) shows at once."""
    assert "Comments are closed." not in cached(client, article.url)
    comment_settings = CommentSettings.for_site(home.get_site())
    comment_settings.save()  # created as the page rendered it, unchanged
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        comment_settings.auto_close_days = 1
        comment_settings.save()
        type(article).objects.filter(pk=article.pk).update(first_published_at="2000-01-01T00:00Z")
    assert "Comments are closed." in fresh(client, article.url)


def test_authors_and_categories_show_on_the_next_request(
    client, article, author, category, django_capture_on_commit_callbacks
):
    """Renaming an author or a category shows at once."""
    cached(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        author.name = "Maya Okafor-Reid"
        author.save()
    assert "Maya Okafor-Reid" in fresh(client, article.url)
    client.get(article.url)
    with django_capture_on_commit_callbacks(execute=True):
        category.name = "Search marketing"
        category.save()
    assert "Search marketing" in fresh(client, article.url)


def test_images_show_on_the_next_request(
    client, make_article, organization, django_capture_on_commit_callbacks
):
    """Editing an image (its alt text) shows at once."""
    picture = draw_image("A harbour at dawn", size=(1200, 675))
    article = make_article(hero_image=picture)
    assert "A harbour at dawn" in cached(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        picture.description = "A harbour at dusk"
        picture.save()
    assert "A harbour at dusk" in fresh(client, article.url)


def test_logged_in_users_are_never_served_from_or_stored_in_the_cache(client, admin_client, article):
    """Staff get their own private page, and nothing they saw is kept for visitors."""
    cached(client, article.url)
    staff = admin_client.get(article.url)
    assert "X-Page-Cache" not in staff and staff["Cache-Control"] == "private, no-store"
    admin_client.get("/")  # nothing the admin saw was kept for visitors:
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert "csrfmiddlewaretoken" not in client.get(article.url).content.decode()


def test_previews_and_review_links_are_not_cached(admin_client, client, article):
    """Previews and review links are rendered afresh every time."""
    preview = admin_client.post(f"/admin/pages/{article.pk}/edit/preview/", {})
    assert "X-Page-Cache" not in preview
    from articles.models import ReviewLink

    link = ReviewLink.objects.create(page=article, created_by=None)
    for _ in range(2):
        response = client.get(f"/review/{link.token}/")
        assert response.status_code == 200 and "X-Page-Cache" not in response


def test_the_fill_time_token_is_signed_when_the_page_is_served(client, article):
    """A cached page's form token carries the time it was served, not cached."""
    with time_machine.travel(time.time() - 300, tick=False):
        rendered = fresh(client, article.url)
    served = client.get(article.url)
    assert served["X-Page-Cache"] == "hit"
    assert TOKEN_PLACEHOLDER not in served.content.decode()
    for page, expected_age in ((rendered, 300), (served.content.decode(), 0)):
        tokens = TOKEN.findall(page)
        assert len(tokens) == 2  # the comment form and the callback form
        issued = int(signing.Signer(salt="antispam.issued").unsign(tokens[0]))
        assert abs(time.time() - issued - expected_age) < 5


def test_a_form_sent_at_once_from_a_cached_page_still_counts_as_too_fast(client, article):
    """A bot posting at once from a long-cached page is still caught by the fill time."""
    with time_machine.travel(time.time() - 300, tick=False):
        fresh(client, article.url)
    token = TOKEN.search(client.get(article.url).content.decode()).group(1)
    client.post(post_url(article), form_data(issued=token, body="Sent at once."))
    assert Comment.objects.get(body__contains="Sent at once.").status == Comment.Status.SPAM


def test_visitors_see_their_own_errors_and_pending_comment_not_others(client, article):
    """A visitor sees their own errors and pending comment; nobody else does."""
    cached(client, article.url)
    token = TOKEN.search(client.get(article.url).content.decode()).group(1)
    invalid = client.post(post_url(article), form_data(issued=token, email="not an email"))
    assert invalid.status_code == 400 and "X-Page-Cache" not in invalid
    assert "valid email" in invalid.content.decode()
    assert "valid email" not in Client().get(article.url).content.decode()

    with time_machine.travel(time.time() + 10):
        posted = client.post(post_url(article), form_data(issued=token, body="My own words, pending."))
    assert posted.status_code == 302 and "?comment=" in posted["Location"]
    mine = client.get(posted["Location"])
    assert "My own words, pending." in mine.content.decode() and "X-Page-Cache" not in mine
    assert mine["Cache-Control"] == "private, no-store"
    assert "My own words, pending." not in client.get(article.url).content.decode()
    stranger = Client().get(posted["Location"])
    assert "My own words, pending." not in stranger.content.decode()


def test_cached_pages_carry_no_csrf_token_and_cross_site_posts_stay_refused(client, article):
    """Cached pages carry no CSRF token; their forms work from this site and are refused from others."""
    page = cached(client, article.url)
    assert "csrfmiddlewaretoken" not in page and "csrftoken" not in client.cookies
    token = TOKEN.search(page).group(1)
    with time_machine.travel(time.time() + 10):
        forged = Client().post(
            "/leads/callback/",
            {"issued": token, "name": "Sam", "phone": "0117 496 0000", "consent": "on"},
            HTTP_SEC_FETCH_SITE="cross-site",
            HTTP_ORIGIN="https://evil.example",
        )
        own = Client().post(
            post_url(article),
            form_data(issued=token, body="Posted from the cached page."),
            HTTP_SEC_FETCH_SITE="same-origin",
            HTTP_ORIGIN="http://testserver",
        )
    assert forged.status_code == 403
    assert own.status_code == 302
    assert Comment.objects.get(body__contains="Posted from the cached page.").status != Comment.Status.SPAM


def test_responses_that_set_a_cookie_or_carry_visitor_state_are_not_stored(client, article, rf):
    """A session cookie bypasses the cache; a response setting a cookie is never stored; the
    contact page (never_cache: it reflects the visitor's query string) neither."""
    client.cookies["sessionid"] = "anything"
    client.get(article.url)
    assert Client().get(article.url)["X-Page-Cache"] == "miss"

    def sets_a_cookie(request):
        request.user = AnonymousUser()
        response = HttpResponse("<p>Hello</p>")
        response.set_cookie("seen", "1")
        return response

    middleware = PageCacheMiddleware(sets_a_cookie)
    for _ in range(2):
        assert "X-Page-Cache" not in middleware(rf.get("/a-page-that-sets-a-cookie/"))
    for _ in range(2):
        assert "X-Page-Cache" not in Client().get("/contact/?utm_source=news")


def test_with_redis_every_process_sees_the_cached_page_and_its_invalidation(
    client, article, settings, django_capture_on_commit_callbacks
):
    """With REDIS_URL the pages and the generation live in Redis (the fail-open cache), so a
    page cached, and a generation set, by one process hold for every other."""
    redis = {
        "BACKEND": "site_project.cache.FailOpenRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/2",
        "KEY_PREFIX": f"page-cache-test-{time.monotonic_ns()}",
    }
    settings.CACHES = {"default": redis, "shared": redis}
    from django.core.cache import caches

    server = caches["default"]._cache.get_client()
    cached(client, article.url)
    try:
        assert len(server.keys(f"{redis['KEY_PREFIX']}:*:page-cache:*")) == 2  # the generation and the page
        with django_capture_on_commit_callbacks(execute=True):
            publish_change(article, title="Eleven ways to rank")
        assert "Eleven ways to rank" in fresh(client, article.url)
    finally:
        server.delete(*server.keys(f"{redis['KEY_PREFIX']}:*"))

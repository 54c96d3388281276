"""Review links: a draft shown to someone without an account, until expired or revoked."""

from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from articles.models import ReviewLink

from .leads_support import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return make_user("editor", group="Editors")


@pytest.fixture
def article(make_article, organization):
    page = make_article(title="Published title", slug="review-me")
    page.title = "Draft title for the lawyer"
    page.save_revision()  # a newer draft, not published
    return page


def make_link(client, editor, page):
    client.force_login(editor)
    response = client.post(f"/admin/articles/{page.pk}/review-links/", {"note": "Client legal team"})
    assert response.status_code == 302
    client.logout()
    return ReviewLink.objects.get(page=page)


def test_review_link_shows_the_latest_draft_as_an_uncached_noindex_preview(client, editor, article):
    """Someone without an account sees the draft, marked as a preview, noindex, never cached, no forms."""
    link = make_link(client, editor, article)
    assert link.created_by == editor and len(link.token) >= 40
    assert abs(link.expires_at - link.created_at - timedelta(days=7)) < timedelta(seconds=1)
    response = client.get(f"/review/{link.token}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Draft title for the lawyer"
    assert "Preview:" in soup.find(class_="review-banner").get_text()
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not soup.find_all("form", method="post")
    assert not soup.select("[data-readiness-check]")
    assert client.get(article.url).content.decode().count("Draft title for the lawyer") == 0


def test_review_links_are_listed_with_their_maker_and_revoking_stops_them_at_once(client, editor, article):
    """The page's review links show who made them; a revoked link answers 404 straight away."""
    link = make_link(client, editor, article)
    client.force_login(editor)
    listing = client.get(f"/admin/articles/{article.pk}/review-links/").content.decode()
    assert "Client legal team" in listing and "editor" in listing and link.token in listing
    client.post(f"/admin/articles/{article.pk}/review-links/{link.pk}/revoke/")
    client.logout()
    response = client.get(f"/review/{link.token}/")
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]


def test_expired_or_guessed_links_show_nothing(client, editor, article):
    """A link past its expiry, or a token nobody was given, answers 404."""
    link = make_link(client, editor, article)
    ReviewLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(f"/review/{link.token}/").status_code == 404
    assert client.get(f"/review/{link.token[:-1]}x/").status_code == 404
    assert client.get("/review/../admin/").status_code == 404


def test_a_review_link_shows_only_its_own_page(client, editor, article, make_article):
    """A link made for one page never shows another page's draft."""
    other = make_article(title="Other published", slug="other")
    other.title = "Other page's secret draft"
    other.save_revision()
    link = make_link(client, editor, article)
    html = client.get(f"/review/{link.token}/").content.decode()
    assert "Other page&#x27;s secret draft" not in html and "Other page's secret draft" not in html
    assert set(ReviewLink.objects.values_list("token", flat=True)) == {link.token}


def test_only_people_who_can_edit_the_page_make_or_see_its_links(client, article):
    """A staff user without edit rights on the page is turned away (Wagtail sends them to the dashboard)."""
    sales = User.objects.create_user("sales", "sales@example.com", "pw")
    sales.groups.add(Group.objects.get(name="Sales"))
    client.force_login(sales)
    assert client.get(f"/admin/articles/{article.pk}/review-links/")["Location"] == "/admin/"
    assert client.post(f"/admin/articles/{article.pk}/review-links/", {"note": "x"})["Location"] == "/admin/"
    assert not ReviewLink.objects.exists()

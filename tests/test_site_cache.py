"""What the faster serving keeps or skips must not change what a visitor sees: cached site
settings and Sites are forgotten on change, and privacy is checked as Wagtail checks it."""

from wagtail.models import Page, PageViewRestriction, Site

import pytest

from articles.models import HomePage


@pytest.mark.django_db
def test_organization_change_shows_on_the_next_request(client, organization, make_article):
    page = make_article()
    assert "Northwind Digital" in client.get(page.url).content.decode()
    organization.name = "Southwind Studio"
    organization.save()
    assert "Southwind Studio" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_a_changed_logo_image_shows_on_the_next_request(client, organization, home):
    """The cached Organization settings carry their logo; editing that image forgets them."""
    client.get(home.url)
    logo = organization.logo
    logo.description = "The Northwind compass"
    logo.save()
    assert 'property="og:image:alt" content="The Northwind compass"' in client.get(home.url).content.decode()


@pytest.mark.django_db
def test_a_new_home_page_for_the_site_shows_on_the_next_request(client, home):
    assert "We grow brands." in client.get("/").content.decode()
    other = Page.objects.get(depth=1).add_child(
        instance=HomePage(title="Other home", slug="other", intro="Elsewhere.")
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = other
    site.save()
    assert "Elsewhere." in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_restricted_article_still_asks_for_its_password_and_leaves_listings(
    client, make_article, index_page
):
    shown = make_article(title="Open to all")
    hidden = make_article(title="Members only")
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="secret")
    response = client.get(hidden.url)
    html = response.content.decode()
    assert 'name="password"' in html and "Body text for the article." not in html
    listing = client.get(index_page.url).content.decode()
    assert "Open to all" in listing and "Members only" not in listing
    # A restriction higher up the tree covers the article too.
    PageViewRestriction.objects.filter(page=hidden).delete()
    PageViewRestriction.objects.create(page=index_page, restriction_type="password", password="secret")
    assert 'name="password"' in client.get(shown.url).content.decode()

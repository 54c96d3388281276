"""In a real browser: a visitor asks for a callback from an article; sales find it in the admin."""

import pytest

from leads.models import Lead

from .leads_support import make_user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_callback_from_article_reaches_sales_list(live_server, page, console_errors, make_article, settings):
    """A callback sent from an article arrives with its article and campaign, and sales see it listed."""
    settings.ANTISPAM_MIN_FILL_SECONDS = 1
    article = make_article(title="SEO versus SMO", slug="seo-versus-smo")
    make_user("sally", group="Sales")

    # The visit lands from a campaign link on the home page, then reads the article.
    page.goto(f"{live_server.url}/?utm_source=newsletter&utm_medium=email&utm_campaign=spring")
    page.goto(f"{live_server.url}{article.url}")
    form = page.locator("form[data-lead-form]")
    form.get_by_label("Your name").fill("Browser Visitor")
    form.get_by_role("textbox", name="Phone number").fill("+44 20 7946 0958")
    form.get_by_label("Best time to call").select_option("afternoon")
    form.get_by_label("I agree that you keep my name").check()
    page.wait_for_timeout(1200)  # a person takes a moment to fill the form
    form.get_by_role("button", name="Call me back").click()
    page.wait_for_url("**/contact/thanks/**")
    assert "call you back" in page.locator("main").inner_text()
    assert console_errors == []

    lead = Lead.objects.get()
    assert lead.source_page_id == article.pk
    assert (lead.utm_source, lead.utm_medium, lead.utm_campaign) == ("newsletter", "email", "spring")
    assert lead.status == Lead.Status.NEW

    # Sales log in and find the lead, with its source article, in the Leads list.
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("sally")
    page.get_by_label("Password").fill("pass-1234")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/leads/")
    row = page.locator("tr", has_text="Browser Visitor")
    assert row.count() == 1
    assert "SEO versus SMO" in row.inner_text()
    assert "New" in row.inner_text()

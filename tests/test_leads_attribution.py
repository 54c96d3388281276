"""Where a lead came from: page, referrer, UTM parameters, and which form captured it."""

import json

from django.urls import reverse

import pytest

from leads.models import Lead

from .leads_support import callback_data, contact_data


@pytest.fixture
def article(make_article):
    return make_article(title="SEO or SMO?", slug="seo-or-smo")


def test_callback_records_page_and_utm_sent_by_the_browser(client, article):
    """With JavaScript, the page, the landing UTM set and the external referrer are kept."""
    data = callback_data(
        source_page=article.pk,
        source_url=article.full_url + "?utm_source=ignored",
        referrer="https://www.google.com/",
        utm_source="newsletter",
        utm_medium="email",
        utm_campaign="spring",
        utm_term="seo agency",
        utm_content="top-link",
    )
    client.post(reverse("leads:callback"), data)
    lead = Lead.objects.get()
    assert lead.source_page_id == article.pk
    assert lead.referrer == "https://www.google.com/"
    assert lead.utm == {
        "utm_source": "newsletter",
        "utm_medium": "email",
        "utm_campaign": "spring",
        "utm_term": "seo agency",
        "utm_content": "top-link",
    }
    assert lead.form == Lead.Form.CALLBACK


def test_callback_without_javascript_uses_the_referer_header(client, article):
    """Without JavaScript, the article URL the browser reports gives the page and its UTM."""
    data = callback_data()  # no hidden values at all
    client.post(
        reverse("leads:callback"),
        data,
        HTTP_REFERER=f"http://testserver{article.url}?utm_source=twitter&utm_campaign=launch",
    )
    lead = Lead.objects.get()
    assert lead.source_page_id == article.pk
    assert lead.source_url.endswith("?utm_source=twitter&utm_campaign=launch")
    assert (lead.utm_source, lead.utm_campaign) == ("twitter", "launch")


def test_source_page_is_found_from_the_url_alone(client, article):
    """A source URL on this site is matched to its Wagtail page even without the page id."""
    client.post(reverse("leads:callback"), callback_data(source_url=f"http://testserver{article.url}"))
    assert Lead.objects.get().source_page_id == article.pk


def test_foreign_urls_are_not_matched_to_pages(client, article):
    """A source URL from another site links no page."""
    client.post(reverse("leads:callback"), callback_data(source_url=f"https://evil.example{article.url}"))
    assert Lead.objects.get().source_page is None


def test_overlong_hidden_values_are_trimmed_not_refused(client, db):
    """A tracking link with huge values still gives a lead (trimmed), never an error."""
    response = client.post(
        reverse("leads:callback"), callback_data(utm_campaign="x" * 1000, referrer="y" * 2000)
    )
    assert response.status_code == 302
    lead = Lead.objects.get()
    assert len(lead.utm_campaign) == 150
    assert len(lead.referrer) == 500


def test_cta_link_carries_service_source_and_page(client, make_article):
    """The call-to-action button links to the contact page with its service and article."""
    cta = {
        "type": "call_to_action",
        "value": {"title": "Grow", "text": "", "button_label": "Talk", "service": "smo"},
    }
    page = make_article(title="With CTA", slug="with-cta", body=[cta])
    html = client.get(page.url).content.decode()
    assert f'href="{reverse("leads:contact")}?service=smo&amp;source=cta&amp;page={page.pk}"' in html


def test_contact_via_cta_records_article_referrer_and_utm(client, article):
    """Following a CTA, the enquiry records the article, the CTA, and the UTM of the contact URL."""
    url = (
        reverse("leads:contact")
        + f"?service=seo&source=cta&page={article.pk}&utm_source=linkedin&utm_medium=social"
    )
    form_page = client.get(url, HTTP_REFERER=f"http://testserver{article.url}")
    assert form_page.headers["Cache-Control"].startswith("max-age=0")
    html = form_page.content.decode()
    # Send back exactly what the page rendered into its hidden fields, as a browser would.
    hidden = {}
    for name in ("form", "source_page", "source_url", "referrer", "utm_source", "utm_medium"):
        marker = f'name="{name}" value="'
        if marker in html:
            hidden[name] = html.split(marker, 1)[1].split('"', 1)[0]
    client.post(reverse("leads:contact"), contact_data(**hidden))
    lead = Lead.objects.get()
    assert lead.form == Lead.Form.CTA
    assert lead.source_page_id == article.pk
    assert lead.source_url == f"http://testserver{article.url}"
    assert (lead.utm_source, lead.utm_medium) == ("linkedin", "social")


def test_contact_records_external_referrer(client, db):
    """Arriving on the contact page from another site, that site is recorded as the referrer."""
    html = client.get(reverse("leads:contact"), HTTP_REFERER="https://news.example/post").content.decode()
    assert 'name="referrer" value="https://news.example/post"' in html


def test_lead_records_ip_and_user_agent(client, db):
    """For spam work the lead keeps the sender's address and browser."""
    client.post(
        reverse("leads:callback"),
        callback_data(),
        HTTP_USER_AGENT="TestBrowser/1.0",
        REMOTE_ADDR="203.0.113.9",
    )
    lead = Lead.objects.get()
    assert (lead.ip, lead.user_agent) == ("203.0.113.9", "TestBrowser/1.0")


def test_js_file_stores_landing_utm_for_the_visit(client, db):
    """The attribution script is served and reads UTM parameters into sessionStorage."""
    from django.contrib.staticfiles import finders

    with open(finders.find("js/leads.js")) as handle:
        script = handle.read()
    assert "sessionStorage" in script
    assert json.dumps("utm_campaign") in script


HIDDEN_FIELDS = [
    "source_url",
    "referrer",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
]
FORMS = [("leads:callback", callback_data), ("leads:contact", contact_data)]


@pytest.mark.parametrize(("url_name", "data"), FORMS)
@pytest.mark.parametrize("value", ["abc", "-1", "1.5", "99999999999999999999"])
def test_unusable_source_page_id_still_gives_a_lead(client, db, url_name, data, value):
    """A mangled page id in the form does not stop the visitor's request from reaching sales."""
    response = client.post(reverse(url_name), data(source_page=value))
    assert response.status_code == 302
    assert Lead.objects.get().source_page is None


@pytest.mark.parametrize(("url_name", "data"), FORMS)
@pytest.mark.parametrize("field", HIDDEN_FIELDS)
def test_null_characters_in_hidden_values_are_dropped_not_refused(client, db, url_name, data, field):
    """A hidden value with a NUL character in it still gives a lead, with the NUL removed."""
    response = client.post(reverse(url_name), data(**{field: "goo\x00gle"}))
    assert response.status_code == 302
    assert getattr(Lead.objects.get(), field) == "google"


@pytest.mark.parametrize(("url_name", "data"), FORMS)
@pytest.mark.parametrize("field", HIDDEN_FIELDS)
def test_overlong_hidden_values_are_trimmed_on_both_forms(client, db, url_name, data, field):
    """Any hidden value too long to store is cut to fit, and the lead is kept."""
    response = client.post(reverse(url_name), data(**{field: "\x00" + "x" * 5000}))
    assert response.status_code == 302
    assert getattr(Lead.objects.get(), field) == "x" * Lead._meta.get_field(field).max_length


def test_null_character_in_the_form_kind_is_ignored(client, db):
    """A NUL character in the hidden form kind is dropped, not shown to the visitor as an error."""
    assert client.post(reverse("leads:contact"), contact_data(form="cta\x00")).status_code == 302
    assert Lead.objects.get().form == Lead.Form.CTA


@pytest.mark.parametrize("bad_url", ["http://[bad/", "http://a]b/"])
def test_malformed_addresses_never_cost_a_lead(client, db, make_article, bad_url):
    """A broken Referer or source URL is ignored: the lead is kept and the visitor thanked."""
    response = client.post(reverse("leads:callback"), callback_data(source_url=bad_url), HTTP_REFERER=bad_url)
    assert response.status_code == 302
    lead = Lead.objects.get()
    assert lead.utm_source == ""
    assert client.get(reverse("leads:contact"), HTTP_REFERER=bad_url).status_code == 200

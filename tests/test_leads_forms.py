"""The callback and contact forms as a visitor meets them."""

from django.urls import reverse

import pytest

from leads.models import Lead

from .leads_support import callback_data, contact_data, make_user


@pytest.fixture
def article(make_article):
    return make_article(title="SEO or SMO?")


def test_article_shows_callback_form(client, article):
    """Every article offers "Get a callback" with name, phone, best time and note fields."""
    html = client.get(article.url).content.decode()
    assert "Get a callback" in html
    for name in ("name", "phone", "call_time", "message", "consent"):
        assert f'name="{name}"' in html
    assert f'action="{reverse("leads:callback")}"' in html
    assert f'name="source_page" value="{article.pk}"' in html


def test_article_html_has_no_per_visitor_csrf_token(client, article):
    """Anonymous article pages can be cached whole: the callback form carries no CSRF token."""
    assert "csrfmiddlewaretoken" not in client.get(article.url).content.decode()


def test_callback_success_redirects_to_confirmation(client, article):
    """A valid callback request is stored and the visitor is told when we will call."""
    response = client.post(reverse("leads:callback"), callback_data(source_page=article.pk), follow=True)
    assert response.redirect_chain[-1][0] == reverse("leads:thanks") + "?form=callback"
    assert "call you back" in response.content.decode()
    lead = Lead.objects.get()
    assert (lead.name, lead.phone, lead.call_time, lead.form) == (
        "Priya Shah",
        "+44 20 7946 0958",
        "morning",
        "callback",
    )
    assert lead.status == Lead.Status.NEW


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("call me maybe", "Use only digits"),
        ("12345", "between 7 and 15 digits; this one has 5"),
        ("+44 (0) 20 7946 0958 1234 5678", "this one has 21"),
        ("٠١٢٣٤٥٦٧٨٩", "Use only digits"),
    ],
)
def test_callback_rejects_impossible_phone_and_keeps_input(client, db, phone, message):
    """A phone number that cannot be one is explained next to the field; what was typed stays."""
    response = client.post(reverse("leads:callback"), callback_data(phone=phone, name="Keep Me"))
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'value="Keep Me"' in html
    assert "is-invalid" in html
    assert Lead.objects.count() == 0


@pytest.mark.parametrize("phone", ["+44 20 7946 0958", "(020) 7946-0958", "0034 612 345 678", "5551234"])
def test_callback_accepts_real_phone_formats(client, db, phone):
    """Common ways of writing a phone number are accepted."""
    response = client.post(reverse("leads:callback"), callback_data(phone=phone))
    assert response.status_code == 302
    assert Lead.objects.get().phone == phone


def test_callback_requires_consent(client, db):
    """Without the consent box ticked the visitor is asked to tick it; nothing is stored."""
    data = callback_data()
    del data["consent"]
    html = client.post(reverse("leads:callback"), data).content.decode()
    assert "Please tick the box to agree." in html
    assert Lead.objects.count() == 0


def test_callback_records_exact_consent_text_and_time(client, db):
    """The lead keeps the consent wording the visitor agreed to, and when."""
    client.post(reverse("leads:callback"), callback_data())
    lead = Lead.objects.get()
    assert lead.consent is True
    assert lead.consent_at is not None
    assert lead.consent_text.startswith("I agree that you keep my name and phone number")


def test_contact_page_preselects_service_from_cta(client, db):
    """Arriving from a "Talk to our team" button about SMO, the service is already chosen."""
    html = client.get(reverse("leads:contact") + "?service=smo&source=cta").content.decode()
    assert '<option value="smo" selected>' in html
    assert 'name="form" value="cta"' in html


def test_contact_page_lists_every_service(client, db):
    """The service list offers SEO, SMO, SMM, paid search and other."""
    html = client.get(reverse("leads:contact")).content.decode()
    for label in ("(SEO)", "(SMO)", "(SMM)", "Paid search", "Something else"):
        assert label in html


def test_contact_form_errors_are_specific_and_input_kept(client, db):
    """Missing email and consent are each explained; the message typed is still there."""
    data = contact_data(email="not-an-email", message="Please keep this text", service="")
    del data["consent"]
    response = client.post(reverse("leads:contact"), data)
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert "Please tick the box to agree." in html
    assert "Please choose the service you are interested in." in html
    assert "Please keep this text" in html
    assert 'value="Baker &amp; Sons"' in html
    assert Lead.objects.count() == 0


def test_contact_success_stores_everything(client, db):
    """A contact enquiry keeps all fields, the newsletter choice, and ends on the confirmation."""
    response = client.post(reverse("leads:contact"), contact_data(newsletter="on"), follow=True)
    assert "reply by email within one working day" in response.content.decode()
    lead = Lead.objects.get()
    assert (lead.email, lead.company, lead.service, lead.form) == (
        "tom@example.org",
        "Baker & Sons",
        "smm",
        "contact",
    )
    assert lead.newsletter is True
    assert lead.consent_text.startswith("I agree that you keep the details I send here")


def test_contact_phone_is_optional_but_checked(client, db):
    """The contact form does not need a phone, but a wrong one is still explained."""
    assert client.post(reverse("leads:contact"), contact_data(phone="")).status_code == 302
    html = client.post(reverse("leads:contact"), contact_data(phone="abc")).content.decode()
    assert "Use only digits" in html


def test_forms_mark_required_fields_and_label_inputs(client, db):
    """Fields have labels, required ones are marked, and errors are tied to their field."""
    html = client.post(reverse("leads:contact"), contact_data(email="")).content.decode()
    assert "Please give your email address so we can reply." in html
    assert 'for="id_email"' in html
    assert 'Email address<span class="asteriskField">*</span>' in html
    assert 'aria-describedby="id_email_error"' in html
    assert '<div id="id_email_error" class="invalid-feedback">' in html


def test_logged_in_users_need_a_csrf_token(db, article):
    """For a logged-in user the form is CSRF-protected: a forged post is refused."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("staffer", is_staff=True))
    response = client.post(reverse("leads:callback"), callback_data())
    assert response.status_code == 403
    assert Lead.objects.count() == 0


def test_anonymous_post_needs_no_csrf_token(db):
    """An anonymous visitor's form from a cached page is accepted without a CSRF token."""
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(reverse("leads:callback"), callback_data())
    assert response.status_code == 302


def test_single_line_fields_are_stored_on_one_line(client, db):
    """Line breaks and runs of spaces typed into name, company or phone are stored as single spaces."""
    data = contact_data(name="Tom\r\n  Baker", company="Baker\n&\tSons", phone="020\n7946  0000")
    assert client.post(reverse("leads:contact"), data).status_code == 302
    lead = Lead.objects.get()
    assert (lead.name, lead.company, lead.phone) == ("Tom Baker", "Baker & Sons", "020 7946 0000")

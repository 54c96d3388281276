"""Spam defences on the lead forms: suspected spam is kept (as spam), floods are refused politely."""

from django.core import mail
from django.urls import reverse

from antispam.defences import issue_token
from leads.models import Lead

from .leads_support import callback_data, contact_data


def test_honeypot_filled_is_stored_as_spam(client, db, django_capture_on_commit_callbacks):
    """A bot that fills the hidden field sees the normal confirmation; the lead is kept as spam."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("leads:callback"), callback_data(homepage_url="http://spam.example"))
    assert callbacks == []
    assert mail.outbox == []
    assert response.status_code == 302
    lead = Lead.objects.get()
    assert lead.status == Lead.Status.SPAM
    assert "hidden field filled in" in lead.spam_reasons


def test_too_fast_submission_is_stored_as_spam(client, db, django_capture_on_commit_callbacks):
    """A form sent a fraction of a second after it was shown is kept as spam, not notified."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("leads:contact"), contact_data(issued=issue_token()))
    lead = Lead.objects.get()
    assert lead.status == Lead.Status.SPAM
    assert "after the form was shown" in lead.spam_reasons
    assert mail.outbox == []


def test_missing_token_is_stored_as_spam(client, db):
    """A post without the form's signed token (a script) is kept as spam."""
    client.post(reverse("leads:callback"), callback_data(issued="forged"))
    assert Lead.objects.get().spam_reasons == "missing or forged form token"


def test_spam_is_not_linked_to_earlier_leads(client, db):
    """Spam using a real customer's email is not attached to that customer's history."""
    client.post(reverse("leads:contact"), contact_data())
    client.post(reverse("leads:contact"), contact_data(homepage_url="x"))
    spam = Lead.objects.get(status=Lead.Status.SPAM)
    assert spam.previous is None


def test_rate_limit_refuses_with_message_and_keeps_input(client, db, settings):
    """Past the per-IP limit, the visitor is told to wait, sees their input, and nothing is stored."""
    settings.ANTISPAM_RATE_LIMITS = {**settings.ANTISPAM_RATE_LIMITS, "leads": (2, 600)}
    for _ in range(2):
        assert client.post(reverse("leads:callback"), callback_data()).status_code == 302
    response = client.post(reverse("leads:callback"), callback_data(name="Still Here"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Please wait a little and send this again" in html
    assert 'value="Still Here"' in html
    assert Lead.objects.count() == 2


def test_rate_limit_is_per_ip(client, db, settings):
    """Another visitor's address has its own allowance."""
    settings.ANTISPAM_RATE_LIMITS = {**settings.ANTISPAM_RATE_LIMITS, "leads": (1, 600)}
    assert (
        client.post(reverse("leads:contact"), contact_data(), REMOTE_ADDR="198.51.100.1").status_code == 302
    )
    assert (
        client.post(reverse("leads:contact"), contact_data(), REMOTE_ADDR="198.51.100.1").status_code == 429
    )
    assert (
        client.post(reverse("leads:contact"), contact_data(), REMOTE_ADDR="198.51.100.2").status_code == 302
    )


def test_typing_mistakes_do_not_use_up_the_allowance(client, db, settings):
    """A person correcting errors is not rate-limited for it."""
    settings.ANTISPAM_RATE_LIMITS = {**settings.ANTISPAM_RATE_LIMITS, "leads": (1, 600)}
    for _ in range(3):
        assert client.post(reverse("leads:callback"), callback_data(phone="x")).status_code == 400
    assert client.post(reverse("leads:callback"), callback_data()).status_code == 302

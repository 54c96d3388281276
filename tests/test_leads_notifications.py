"""Sales hear about leads by email, after the lead is safe; repeat visitors are linked."""

import socket
from datetime import timedelta

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from leads.models import Lead
from leads.tasks import notify_new_lead

from .leads_support import callback_data, contact_data, make_lead


class DownMailServer(BaseEmailBackend):
    """A mail backend whose server is unreachable, as on a bad day."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server is down")


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_new_lead_emails_sales_with_admin_link(client, db, settings, django_capture_on_commit_callbacks):
    """Each new lead sends the sales inbox an email that links to the lead in the admin."""
    settings.LEADS_NOTIFY_EMAILS = ["sales@agency.test"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("leads:contact"), contact_data())
    lead = Lead.objects.get()
    [message] = mail.outbox
    assert message.to == ["sales@agency.test"]
    assert "Tom Baker" in message.subject
    assert f"http://testserver/admin/leads/inspect/{lead.pk}/" in message.body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_lead_survives_unreachable_smtp_server(client, use_mail_backend, closed_port):
    """With the SMTP server down, the visitor still sees the confirmation and the lead is kept."""
    use_mail_backend(
        "django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=closed_port, timeout=2
    )
    response = client.post(reverse("leads:callback"), callback_data())
    assert response.status_code == 302
    assert response.url.startswith(reverse("leads:thanks"))
    assert Lead.objects.get().status == Lead.Status.NEW


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_lead_survives_a_raising_mail_backend(client, use_mail_backend):
    """A mail backend that raises never shows the visitor an error nor loses the lead."""
    use_mail_backend(f"{__name__}.DownMailServer")
    response = client.post(reverse("leads:contact"), contact_data(), follow=True)
    assert response.status_code == 200
    assert "we have your request" in response.content.decode()
    assert Lead.objects.filter(email="tom@example.org").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_email_is_sent_only_after_the_lead_is_committed(client, settings):
    """The notification task finds the lead in the database (it runs after the commit)."""
    settings.LEADS_NOTIFY_EMAILS = ["sales@agency.test"]
    client.post(reverse("leads:callback"), callback_data())
    assert len(mail.outbox) == 1
    assert "Priya Shah" in mail.outbox[0].body


def test_repeat_submission_is_linked_to_the_earlier_lead(client, db, django_capture_on_commit_callbacks):
    """Writing again from the same email within the window links the two submissions."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("leads:contact"), contact_data(message="First"))
        client.post(reverse("leads:contact"), contact_data(email="TOM@example.org", message="Second"))
    first, second = Lead.objects.order_by("created", "pk")
    assert second.previous == first
    assert list(first.submission_history()) == [second]
    assert list(second.submission_history()) == [first]
    assert "this person wrote before" in mail.outbox[-1].body


def test_submission_outside_the_window_is_not_linked(client, db, settings):
    """An email that wrote long ago (beyond LEADS_REPEAT_WINDOW_DAYS) starts a fresh lead."""
    settings.LEADS_REPEAT_WINDOW_DAYS = 30
    make_lead(email="tom@example.org", created=timezone.now() - timedelta(days=31))
    client.post(reverse("leads:contact"), contact_data())
    assert Lead.objects.latest("pk").previous is None


def test_digest_lists_leads_new_for_over_a_day(db, settings):
    """The daily digest names leads still "new" after 24 hours, and only those."""
    settings.LEADS_NOTIFY_EMAILS = ["sales@agency.test"]
    make_lead(name="Old Waiting", created=timezone.now() - timedelta(hours=30))
    make_lead(name="Fresh One", created=timezone.now() - timedelta(hours=2))
    make_lead(name="Old Handled", status=Lead.Status.CONTACTED, created=timezone.now() - timedelta(hours=40))
    call_command("leads_digest")
    [message] = mail.outbox
    assert "Old Waiting" in message.body
    assert "Fresh One" not in message.body
    assert "Old Handled" not in message.body
    assert "/admin/leads/inspect/" in message.body


def test_digest_sends_nothing_when_nobody_waits(db):
    """No waiting leads, no digest email."""
    call_command("leads_digest")
    assert mail.outbox == []


def test_newline_in_the_name_still_emails_sales_once(
    client, db, settings, django_capture_on_commit_callbacks
):
    """A visitor who types a line break into their name still reaches the sales inbox."""
    settings.LEADS_NOTIFY_EMAILS = ["sales@agency.test"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("leads:contact"), contact_data(name="Tom\nBcc: spam@evil.test"))
    assert Lead.objects.get().name == "Tom Bcc: spam@evil.test"
    [message] = mail.outbox
    assert message.subject == "New lead: Tom Bcc: spam@evil.test (Baker & Sons)"


def test_stored_line_breaks_do_not_stop_the_notification(db, settings):
    """A lead already stored with line breaks in name and company still emails sales, on one line."""
    settings.LEADS_NOTIFY_EMAILS = ["sales@agency.test"]
    lead = make_lead(name="Eve\r\nBcc: spam@evil.test", company="Evil\nCorp")
    notify_new_lead.enqueue(lead.pk)
    [message] = mail.outbox
    assert message.subject == "New lead: Eve Bcc: spam@evil.test (Evil Corp)"

"""Email to sales, sent by the task worker after the lead has been committed."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from django_tasks import task

from outbox import retry_on_mail_failure

from .models import Lead


def admin_url(lead):
    return settings.SITE_BASE_URL + reverse("leads_admin:inspect", args=[lead.pk])


@task()
def notify_new_lead(lead_id, attempt=1):
    """Tell the sales inbox about a new lead. If mail fails, the task is queued again with
    back-off (outbox) and this attempt recorded as failed; the lead is safe in the database."""
    lead = Lead.objects.select_related("source_page", "previous").filter(pk=lead_id).first()
    if lead is None:  # erased before the worker got to it
        return 0
    body = render_to_string("leads/email/new_lead.txt", {"lead": lead, "admin_url": admin_url(lead)})
    subject = f"New lead: {lead.name}" + (f" ({lead.company})" if lead.company else "")
    # One line whatever was stored: a line break in a header makes send_mail refuse the email.
    subject = " ".join(subject.split())
    with retry_on_mail_failure(notify_new_lead, lead_id, attempt=attempt):
        return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, settings.LEADS_NOTIFY_EMAILS)


def send_digest(hours):
    """Email sales the leads still "new" `hours` after arriving; returns how many were listed."""
    leads = list(Lead.objects.stale(hours).select_related("source_page", "owner").order_by("created"))
    if leads:
        body = render_to_string(
            "leads/email/digest.txt",
            {"leads": [(lead, admin_url(lead)) for lead in leads], "hours": hours},
        )
        send_mail(
            f"{len(leads)} lead{'s' if len(leads) != 1 else ''} still waiting for a reply",
            body,
            settings.DEFAULT_FROM_EMAIL,
            settings.LEADS_NOTIFY_EMAILS,
        )
    return len(leads)

"""Every change to a lead is one small function; the public views, the admin views and the
commands all call these, so the lead's history (Wagtail's audit log) is written the same way
everywhere."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from .models import Lead, LeadNote

# The audit-log actions of a lead (registered, with their messages, in wagtail_hooks.py).
RECEIVED, STATUS, OWNER, NOTE = "leads.received", "leads.status", "leads.owner", "leads.note"
# How much of a note its history line quotes; the note itself keeps all of it.
NOTE_SUMMARY_LENGTH = 150


def receive_lead(lead, spam_reasons=()):
    """Save a new submission and its first history line in one transaction; only once that
    has committed is the sales notification queued, so a mail failure cannot lose the lead."""
    from .tasks import notify_new_lead

    with transaction.atomic():
        if spam_reasons:
            lead.status = Lead.Status.SPAM
            lead.spam_reasons = "; ".join(spam_reasons)
        elif lead.email:
            lead.previous = Lead.objects.earlier_submission(lead.email, settings.LEADS_REPEAT_WINDOW_DAYS)
        lead.save()
        log_received(lead)
    if lead.status != Lead.Status.SPAM:
        # robust: a queue that is down is logged, never shown to the visitor.
        transaction.on_commit(partial(notify_new_lead.enqueue, lead.pk), robust=True)
    return lead


def log_received(lead):
    """The first line of a lead's history: which form it came through, when."""
    log(lead, RECEIVED, data={"form": lead.get_form_display()}, timestamp=lead.created)


def change_status(lead, status, actor):
    """Move the lead along the pipeline; a no-op when nothing changes."""
    if status == lead.status:
        return False
    with transaction.atomic():
        old = lead.get_status_display()
        lead.status = status
        lead.save(update_fields=["status", "updated"])
        log(lead, STATUS, user=actor, data={"from": old, "to": lead.get_status_display()})
    return True


def assign_owner(lead, owner, actor):
    """Give the lead to a sales person (or to nobody)."""
    if owner == lead.owner:
        return False
    with transaction.atomic():
        old = _user_label(lead.owner)
        lead.owner = owner
        lead.save(update_fields=["owner", "updated"])
        log(lead, OWNER, user=actor, data={"from": old, "to": _user_label(owner)})
    return True


def add_note(lead, text, author):
    with transaction.atomic():
        note = LeadNote.objects.create(lead=lead, author=author, text=text, created=timezone.now())
        log(lead, NOTE, user=author, data={"text": text[:NOTE_SUMMARY_LENGTH]})
    return note


def _user_label(user):
    if user is None:
        return "nobody"
    return user.get_full_name() or user.get_username()

"""Subject-access and erasure requests: everything the site holds for one email address.

Leads are ours; comments belong to the `comments` app, which this module reaches through
the app registry so that `leads` does not import it (and still works without it).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import ModelLogEntry

from .models import Lead, LeadLogEntry


def comment_model():
    try:
        return apps.get_model("comments", "Comment")
    except LookupError:
        return None


def _comments(email):
    Comment = comment_model()
    if Comment is None:
        return None
    return Comment.objects.filter(email__iexact=email.strip())


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value if isinstance(value, (str, int, float, bool, type(None), list, dict)) else str(value)


def _record(instance, **extra):
    """Every stored column of `instance` (editable or not, relations as ids), plus `extra`."""
    data = {field.name: _plain(field.value_from_object(instance)) for field in instance._meta.concrete_fields}
    data.update(extra)
    return data


def _log_entries(leads):
    return LeadLogEntry.objects.filter(object_id__in=[str(lead.pk) for lead in leads])


def _history_line(entry):
    return {
        "when": entry.timestamp.isoformat(),
        "who": entry.user_display_name if entry.user_id else "visitor",
        "what": str(entry.message),
        "data": entry.data,
    }


def export_person(email):
    """A JSON-ready dict of every lead (with its notes and history) and comment for `email`."""
    leads = list(Lead.objects.for_email(email).select_related("source_page").prefetch_related("notes"))
    history = {}
    for entry in _log_entries(leads).select_related("user").order_by("timestamp", "pk"):
        history.setdefault(entry.object_id, []).append(_history_line(entry))
    data = {
        "email": email,
        "leads": [
            _record(
                lead,
                source_page=lead.source_page.title if lead.source_page else None,
                notes=[_record(note) for note in lead.notes.all()],
                history=history.get(str(lead.pk), []),
            )
            for lead in leads
        ],
    }
    comments = _comments(email)
    if comments is not None:
        data["comments"] = [_record(comment) for comment in comments]
    return data


def history_of(queryset):
    """The audit-log entries (site history, History views) of the objects in `queryset`."""
    content_type = ContentType.objects.get_for_model(queryset.model, for_concrete_model=False)
    ids = [str(pk) for pk in queryset.values_list("pk", flat=True)]
    return ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids)


def forget_history_label(sender, instance, **kwargs):
    """post_delete: a deleted lead's history keeps what was done and by whom, not whom it was
    about (its label was the person's name and company)."""
    LeadLogEntry.objects.filter(object_id=str(instance.pk)).update(
        label=f"{sender._meta.verbose_name.capitalize()} #{instance.pk}"
    )


def erase_person(email):
    """Delete every lead (with its notes and its history in the audit log) and comment for
    `email`, and the comments' audit-log entries; returns {"leads": n, "comments": n}."""
    counts = {"leads": 0, "comments": 0}
    if not email or not email.strip():
        return counts
    with transaction.atomic():
        counts["leads"] = Lead.objects.for_email(email).count()
        Lead.objects.for_email(email).delete_with_history()
        comments = _comments(email)
        if comments is not None:
            history_of(comments).delete()
            counts["comments"] = comments.count()
            # Replies to an erased comment are kept by the comments app's own on_delete rule.
            comments.delete()
    return counts

"""Subject-access and erasure requests: everything the site holds for one email address.

Leads are ours; comments belong to the `comments` app, which this module reaches through
the app registry so that `leads` does not import it (and still works without it).
"""

from django.apps import apps
from django.db import transaction
from django.forms.models import model_to_dict

from .models import Lead


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
    data = {key: _plain(value) for key, value in model_to_dict(instance).items()}
    for field in ("created", "updated", "consent_at"):
        if hasattr(instance, field):
            data[field] = _plain(getattr(instance, field))
    data.update(extra)
    return data


def export_person(email):
    """A JSON-ready dict of every lead (with its notes and history) and comment for `email`."""
    leads = Lead.objects.for_email(email).select_related("source_page").prefetch_related("notes", "events")
    data = {
        "email": email,
        "leads": [
            _record(
                lead,
                source_page=lead.source_page.title if lead.source_page else None,
                notes=[_record(note) for note in lead.notes.all()],
                history=[_record(event) for event in lead.events.all()],
            )
            for lead in leads
        ],
    }
    comments = _comments(email)
    if comments is not None:
        data["comments"] = [_record(comment) for comment in comments]
    return data


def erase_person(email):
    """Delete every lead and comment for `email`; returns {"leads": n, "comments": n}."""
    counts = {"leads": 0, "comments": 0}
    if not email or not email.strip():
        return counts
    with transaction.atomic():
        counts["leads"] = Lead.objects.for_email(email).count()
        Lead.objects.for_email(email).delete()
        comments = _comments(email)
        if comments is not None:
            counts["comments"] = comments.count()
            # Replies to an erased comment are kept by the comments app's own on_delete rule.
            comments.delete()
    return counts

"""Small builders for the comment tests: comments in the database and form posts."""

import time

from django.utils import timezone

from antispam.defences import issue_token
from comments.models import Comment


def make_comment(page, body="<p>A thoughtful comment.</p>", status=Comment.Status.APPROVED, **fields):
    fields.setdefault("name", "Reader")
    fields.setdefault("email", "reader@example.com")
    if status == Comment.Status.APPROVED:
        fields.setdefault("approved_at", timezone.now())
    return Comment.objects.create(page=page, body=body, status=status, **fields)


def form_data(**overrides):
    """A submission a person would send: filled in a minute after the form was shown."""
    data = {
        "name": "Priya Shah",
        "email": "priya@example.com",
        "website": "",
        "body": "Really useful, thank you.",
        "answer": str(timezone.now().year),
        "issued": issue_token(now=time.time() - 60),
        "homepage_url": "",
        "parent": "",
    }
    data.update(overrides)
    return data


def post_url(page):
    return f"/comments/post/{page.pk}/"
